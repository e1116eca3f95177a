package dev.freshet.builtins;

import static dev.freshet.builtins.Args.entries;
import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.Args.flag;
import static dev.freshet.builtins.Args.has;
import static dev.freshet.builtins.Args.items;
import static dev.freshet.builtins.Args.number;
import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.BOOLEAN;
import static dev.freshet.builtins.ParamType.COLLECTION;
import static dev.freshet.builtins.ParamType.LIST;
import static dev.freshet.builtins.ParamType.NUMBER;

import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Functions shared by lists and maps, and Zoho's COLLECTION functions (DELUGE-FACTS 5.5). A Collection here is
 * the same value as a LIST (index-value) or a MAP (key-value). A key-value pair argument ({@code "k" : v}) is a
 * one-entry MAP.
 */
final class CollectionLib implements Library {
  @Override
  public void register(BuiltinRegistry r) {
    r.fn("size", "Number of elements of a list, or of keys of a map").param("collection", COLLECTION)
        .returns("NUMBER").impl((env, a) -> (long) ((DelugeCollection) a[0]).size());
    r.fn("clear", "Removes every element or key, in place").param("collection", COLLECTION).returns("void")
        .impl((env, a) -> {
          DelugeCollection c = (DelugeCollection) a[0];
          if (c.isList()) {
            c.list().clear();
          } else if (c.isMap()) {
            c.map().clear();
          }
          return null;
        });
    r.fn("insert", "Adds elements to a list collection, or key-value pairs to a map collection")
        .param("collection", COLLECTION).param("values", ANY).varargs().returns("void").impl((env, a) -> {
          for (int i = 1; i < a.length; i++) {
            insert((DelugeCollection) a[0], a[i]);
          }
          return null;
        });
    r.fn("insertAll", "Adds every element (or key-value pair) of another collection").param("collection", COLLECTION)
        .param("other", COLLECTION).returns("void").impl((env, a) -> {
          DelugeCollection c = (DelugeCollection) a[0];
          DelugeCollection other = (DelugeCollection) a[1];
          if (other != null && other.isMap()) {
            c.map().putAll(other.map());
          } else if (other != null && other.isList()) {
            for (Object v : new ArrayList<>(other.list())) {
              c.add(v);
            }
          }
          return null;
        });
    registerDeletes(r);
    registerLookups(r);
  }

  private void registerDeletes(BuiltinRegistry r) {
    r.fn("delete", "Removes the first element equal to the value (for a map: every key holding the value)")
        .param("collection", COLLECTION).param("value", ANY).returns("void").impl((env, a) -> {
          deleteValues((DelugeCollection) a[0], java.util.Collections.singletonList(a[1]), true);
          return null;
        });
    r.fn("deleteAll", "Removes every element (for a map: every key) holding one of the values")
        .param("collection", COLLECTION).param("values", LIST).returns("void").impl((env, a) -> {
          deleteValues((DelugeCollection) a[0], a[1] == null ? List.of() : items(a[1]), false);
          return null;
        });
    r.fn("deleteKey", "Removes a key from a map collection (an index from a list collection)")
        .param("collection", COLLECTION).param("key", ANY).returns("void").impl((env, a) -> {
          deleteKey((DelugeCollection) a[0], a[1]);
          return null;
        });
    r.fn("deleteKeys", "Removes several keys from a map collection").param("collection", COLLECTION)
        .param("keys", ANY).varargs().returns("void").impl((env, a) -> {
          List<Object> keys = new ArrayList<>();
          for (int i = 1; i < a.length; i++) {
            if (a[i] instanceof DelugeCollection c && c.isList()) {
              keys.addAll(c.list());
            } else {
              keys.add(a[i]);
            }
          }
          keys.sort(Comparator.comparing(k -> k instanceof Long n ? -n : 0L));
          for (Object k : keys) {
            deleteKey((DelugeCollection) a[0], k);
          }
          return null;
        });
  }

  private void registerLookups(BuiltinRegistry r) {
    r.fn("duplicate", "A new list of the elements (a map's values) from start (inclusive) to end (exclusive)")
        .param("collection", COLLECTION).optional("start", NUMBER).optional("end", NUMBER).returns("LIST")
        .impl((env, a) -> {
          List<Object> values = values(a[0]);
          long start = has(a, 1) ? number(a, 1) : 0;
          long end = has(a, 2) ? number(a, 2) : values.size();
          ListLib.range("duplicate", values.size(), start, end);
          return Args.listOf(new ArrayList<>(values.subList((int) start, (int) end)));
        });
    r.fn("getKey", "The first key (list: index) that holds the value, or null").param("collection", COLLECTION)
        .param("value", ANY).returns("any").impl((env, a) -> getKey((DelugeCollection) a[0], a[1]));
    r.fn("getLastKey", "The last key of a map collection (the last index of a list), or null when empty")
        .param("collection", COLLECTION).returns("any").impl((env, a) -> {
          DelugeCollection c = (DelugeCollection) a[0];
          if (c.isEmpty()) {
            return null;
          }
          return c.isList() ? (Object) (long) (c.size() - 1) : new ArrayList<>(c.map().keySet()).get(c.size() - 1);
        });
    r.fn("sortKey", "Sorts a map collection by its keys in place (ascending unless false) and returns it")
        .param("collection", COLLECTION).optional("ascending", BOOLEAN).returns("COLLECTION")
        .impl((env, a) -> sortKey((DelugeCollection) a[0], flag(a, 1, true)));
    r.fn("update", "Replaces the value of a key (list: the element at an index)").param("collection", COLLECTION)
        .param("key", ANY).param("value", ANY).returns("void").impl((env, a) -> {
          DelugeCollection c = (DelugeCollection) a[0];
          if (c.isList()) {
            if (!(a[1] instanceof Long i)) {
              throw error("update", "a list collection needs a NUMBER index, got " + Args.describe(a[1]));
            }
            c.list().set(ListLib.index("update", c, i), a[2]);
          } else {
            c.map().put(a[1], a[2]);
          }
          return null;
        });
    r.fn("values", "A new list of the elements of a list collection").param("list", LIST).returns("LIST")
        .impl((env, a) -> Args.listOf(new ArrayList<>(items(a[0]))));
    r.fn("keys", "The indexes of a list collection (0 to size-1)").param("list", LIST).returns("LIST")
        .impl((env, a) -> {
          List<Object> indexes = new ArrayList<>();
          for (long i = 0; i < items(a[0]).size(); i++) {
            indexes.add(i);
          }
          return Args.listOf(indexes);
        });
    r.fn("containsValue", "Whether the list collection has an element equal to the value").param("list", LIST)
        .param("value", ANY).returns("BOOLEAN").impl((env, a) -> Args.indexOf(items(a[0]), a[1]) >= 0);
  }

  private static void insert(DelugeCollection c, Object value) {
    boolean pair = value instanceof DelugeCollection v && v.isMap();
    if (c.isMap() || (c.isUndecided() && pair)) {
      if (!pair) {
        throw error("insert", "a key-value collection needs key : value pairs, got " + Args.describe(value));
      }
      c.map().putAll(((DelugeCollection) value).map());
    } else {
      c.add(value);
    }
  }

  private static void deleteValues(DelugeCollection c, List<Object> values, boolean firstOnly) {
    if (c.isList()) {
      for (Object v : values) {
        int i;
        while ((i = Args.indexOf(c.list(), v)) >= 0) {
          c.list().remove(i);
          if (firstOnly) {
            break;
          }
        }
      }
    } else if (c.isMap()) {
      c.map().values().removeIf(v -> Args.indexOf(values, v) >= 0);
    }
  }

  private static void deleteKey(DelugeCollection c, Object key) {
    if (c.isList()) {
      if (key instanceof Long i && i >= 0 && i < c.size()) {
        c.list().remove((int) (long) i);
      }
    } else if (c.isMap()) {
      c.map().remove(key);
    }
  }

  private static Object getKey(DelugeCollection c, Object value) {
    if (c.isList()) {
      int i = Args.indexOf(c.list(), value);
      return i < 0 ? null : (Object) (long) i;
    }
    for (Map.Entry<Object, Object> e : entries(c).entrySet()) {
      if (Values.same(e.getValue(), value)) {
        return e.getKey();
      }
    }
    return null;
  }

  private static List<Object> values(Object v) {
    DelugeCollection c = (DelugeCollection) v;
    return c.isMap() ? new ArrayList<>(c.map().values()) : items(c);
  }

  private static DelugeCollection sortKey(DelugeCollection c, boolean ascending) {
    if (c.isList()) {
      return ListLib.sort(c, ascending);
    }
    if (c.isUndecided()) {
      return c;
    }
    Comparator<Object> order = ListLib.comparator(new ArrayList<>(c.map().keySet()));
    if (order == null) {
      order = Comparator.comparing(Values::toText);
    }
    List<Map.Entry<Object, Object>> sorted = new ArrayList<>(c.map().entrySet());
    Comparator<Object> keyOrder = ascending ? order : order.reversed();
    sorted.sort((x, y) -> keyOrder.compare(x.getKey(), y.getKey()));
    Map<Object, Object> copy = new LinkedHashMap<>();
    sorted.forEach(e -> copy.put(e.getKey(), e.getValue()));
    c.map().clear();
    c.map().putAll(copy);
    return c;
  }
}
