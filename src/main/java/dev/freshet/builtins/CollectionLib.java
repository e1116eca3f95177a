package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.Args.items;
import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.COLLECTION;
import static dev.freshet.builtins.ParamType.LIST;

import dev.freshet.runtime.DelugeCollection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Functions shared by lists and maps, and the changing half of Zoho's COLLECTION functions (DELUGE-FACTS 5.5):
 * size, clear, insert, insertAll, delete*, update. A Collection here is the same value as a LIST (index-value) or
 * a MAP (key-value); a key-value pair argument ({@code "k" : v}) arrives as a one-entry MAP. The reading half is
 * in {@link CollectionQueryLib}.
 */
final class CollectionLib implements Library {
  @Override
  public void register(BuiltinRegistry r) {
    r.fn("size", "Number of elements of a list, or of keys of a map").param("collection", COLLECTION)
        .returns("NUMBER").alias("count").impl((env, a) -> (long) ((DelugeCollection) a[0]).size());
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
    r.fn("insertAll", "Adds every element of a list to a list collection, or every key-value pair of a map to a "
        + "map collection").param("collection", COLLECTION).param("other", COLLECTION).returns("void")
        .impl((env, a) -> {
          insertAll((DelugeCollection) a[0], (DelugeCollection) a[1]);
          return null;
        });
    r.fn("update", "Replaces the value of a key (a new key is added), or the element at an index of a list")
        .param("collection", COLLECTION).param("key", ANY).param("value", ANY).returns("void").impl((env, a) -> {
          update((DelugeCollection) a[0], a[1], a[2]);
          return null;
        });
    registerDeletes(r);
    new CollectionQueryLib().register(r);
  }

  private void registerDeletes(BuiltinRegistry r) {
    r.fn("delete", "Removes the first element equal to the value (for a map: the first key holding the value)")
        .param("collection", COLLECTION).param("value", ANY).returns("void").impl((env, a) -> {
          deleteValues((DelugeCollection) a[0], Collections.singletonList(a[1]), true);
          return null;
        });
    r.fn("deleteAll", "Removes every element (for a map: every key) equal to one of the values")
        .param("collection", COLLECTION).param("values", LIST).returns("void").impl((env, a) -> {
          deleteValues((DelugeCollection) a[0], a[1] == null ? List.of() : items(a[1]), false);
          return null;
        });
    r.fn("deleteKey", "Removes a key and its value from a map collection (nothing when absent), or the element at an "
        + "index of a list collection (an index outside the list is an error)").param("collection", COLLECTION)
        .param("key", ANY).returns("void").impl((env, a) -> {
          deleteKeys("deleteKey", (DelugeCollection) a[0], Collections.singletonList(a[1]));
          return null;
        });
    r.fn("deleteKeys", "Removes the keys in a list from a map collection, or the elements at the indexes in a list "
        + "from a list collection").param("collection", COLLECTION).param("keys", ANY).varargs().returns("void")
        .impl((env, a) -> {
          List<Object> keys = new ArrayList<>();
          for (int i = 1; i < a.length; i++) {
            if (a[i] instanceof DelugeCollection c && c.isList()) {
              keys.addAll(c.list());
            } else {
              keys.add(a[i]);
            }
          }
          deleteKeys("deleteKeys", (DelugeCollection) a[0], keys);
          return null;
        });
  }

  private static void insert(DelugeCollection c, Object value) {
    boolean pair = value instanceof DelugeCollection v && v.isMap();
    if (c.isMap() || (c.isUndecided() && pair)) {
      if (!pair) {
        throw error("insert", "a key-value collection takes key : value pairs, got " + Args.describe(value));
      }
      putAll(c.map(), ((DelugeCollection) value).map());
    } else {
      // A pair given to a list collection cannot be told from a MAP element: it is added as one.
      ListLib.add("insert", c, value);
    }
  }

  private static void insertAll(DelugeCollection c, DelugeCollection other) {
    if (other == null || other.isUndecided()) {
      return;
    }
    if (other.isMap()) {
      if (c.isList()) {
        throw error("insertAll", "a list collection takes a LIST of elements, got a MAP of key-value pairs");
      }
      putAll(c.map(), other.map());
      return;
    }
    if (c.isMap()) {
      throw error("insertAll", "a key-value collection takes a MAP of key-value pairs, got a LIST");
    }
    ListLib.addAll("insertAll", c, other.list());
  }

  private static void putAll(Map<Object, Object> target, Map<Object, Object> pairs) {
    for (Map.Entry<Object, Object> e : new ArrayList<>(pairs.entrySet())) {
      target.put(MapLib.keyIn(target, e.getKey()), e.getValue());
    }
  }

  private static void update(DelugeCollection c, Object key, Object value) {
    if (c.isList()) {
      c.list().set(ListLib.indexArg("update", c, key), value);
    } else {
      Map<Object, Object> map = c.map();
      map.put(MapLib.keyIn(map, key), value);
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
      Iterator<Object> it = c.map().values().iterator();
      while (it.hasNext()) {
        if (Args.indexOf(values, it.next()) >= 0) {
          it.remove();
          if (firstOnly) {
            return;
          }
        }
      }
    }
  }

  /** Map keys that are absent are ignored; list indexes are all checked before any element is removed. */
  private static void deleteKeys(String fn, DelugeCollection c, List<Object> keys) {
    if (c.isMap()) {
      Map<Object, Object> map = c.map();
      keys.forEach(k -> map.remove(MapLib.keyIn(map, k)));
    } else if (c.isList()) {
      TreeSet<Integer> indexes = new TreeSet<>(Collections.reverseOrder());
      for (Object k : keys) {
        indexes.add(ListLib.indexArg(fn, c, k));
      }
      indexes.forEach(i -> c.list().remove((int) i));
    }
  }
}
