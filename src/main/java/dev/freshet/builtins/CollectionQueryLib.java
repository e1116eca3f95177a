package dev.freshet.builtins;

import static dev.freshet.builtins.Args.entries;
import static dev.freshet.builtins.Args.flag;
import static dev.freshet.builtins.Args.has;
import static dev.freshet.builtins.Args.items;
import static dev.freshet.builtins.Args.number;
import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.BOOLEAN;
import static dev.freshet.builtins.ParamType.COLLECTION;
import static dev.freshet.builtins.ParamType.LIST;
import static dev.freshet.builtins.ParamType.MAP;
import static dev.freshet.builtins.ParamType.NUMBER;

import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Values;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The reading half of Zoho's COLLECTION functions (DELUGE-FACTS 5.5) and the collection forms of list functions:
 * on a list collection the "keys" are the elements and the "index" of an element is its position; on a key-value
 * collection {@code distinct} and {@code sort} work on the values. Registered by {@link CollectionLib}, after the
 * map and list functions, so these overloads only add receivers those do not take.
 */
final class CollectionQueryLib implements Library {
  @Override
  public void register(BuiltinRegistry r) {
    r.fn("duplicate", "A new list of the elements (a map's values) from start (inclusive) to end (exclusive); all of "
        + "them when no indexes are given").param("collection", COLLECTION).optional("start", NUMBER)
        .optional("end", NUMBER).returns("LIST").impl((env, a) -> {
          List<Object> values = values(a[0]);
          long start = has(a, 1) ? number(a, 1) : 0;
          long end = has(a, 2) ? number(a, 2) : values.size();
          ListLib.range("duplicate", values.size(), start, end);
          return Args.listOf(new ArrayList<>(values.subList((int) start, (int) end)));
        });
    r.fn("getKey", "The first key holding the value (null when none), or the index of the first equal element of a "
        + "list (-1 when none)").param("collection", COLLECTION).param("value", ANY).returns("any")
        .impl((env, a) -> keyOf((DelugeCollection) a[0], a[1], false));
    r.fn("getLastKey", "The last key holding the value (null when none), or the index of the last equal element of a "
        + "list (-1 when none)").param("collection", COLLECTION).param("value", ANY).returns("any")
        .impl((env, a) -> keyOf((DelugeCollection) a[0], a[1], true));
    r.fn("sortKey", "Sorts a map collection by its keys in place (ascending unless false) and returns it; a list "
        + "collection is sorted like sort").param("collection", COLLECTION).optional("ascending", BOOLEAN)
        .returns("COLLECTION").impl((env, a) -> sortKey((DelugeCollection) a[0], flag(a, 1, true)));
    registerListForms(r);
    registerMapForms(r);
  }

  private void registerListForms(BuiltinRegistry r) {
    r.fn("values", "A new list of the elements of a list collection").param("list", LIST).returns("LIST")
        .impl((env, a) -> Args.listOf(new ArrayList<>(items(a[0]))));
    r.fn("keys", "A new list of the elements of a list collection (a list's keys are its elements)")
        .param("list", LIST).returns("LIST").impl((env, a) -> Args.listOf(new ArrayList<>(items(a[0]))));
    r.fn("containsKey", "Whether the index is inside the list collection (0 to size - 1)").param("list", LIST)
        .param("index", ANY).returns("BOOLEAN").impl((env, a) -> isIndex(items(a[0]), a[1]));
    r.fn("containsValue", "Whether the list collection has an element equal to the value").param("list", LIST)
        .param("value", ANY).returns("BOOLEAN").impl((env, a) -> Args.indexOf(items(a[0]), a[1]) >= 0);
  }

  private void registerMapForms(BuiltinRegistry r) {
    r.fn("distinct", "A new list of the map's values without repeats, keeping first occurrences in order")
        .param("map", MAP).returns("LIST")
        .impl((env, a) -> Args.listOf(ListLib.distinct(new ArrayList<>(entries(a[0]).values()))));
    r.fn("sort", "Sorts a map collection by its values in place (ascending unless false is given) and returns it; "
        + "null when the values are of different types").param("map", MAP).optional("ascending", BOOLEAN)
        .returns("MAP").impl((env, a) -> {
          DelugeCollection c = (DelugeCollection) a[0];
          if (c.isUndecided()) {
            return c;
          }
          Comparator<Object> order = ListLib.comparator(new ArrayList<>(c.map().values()));
          return order == null ? null : reorder(c, Map.Entry::getValue, order, flag(a, 1, true));
        });
  }

  private static boolean isIndex(List<Object> items, Object i) {
    if (!Values.isNumeric(i)) {
      return false;
    }
    BigDecimal d = Values.toBigDecimal(i);
    return d.signum() >= 0 && d.stripTrailingZeros().scale() <= 0 && d.compareTo(BigDecimal.valueOf(items.size())) < 0;
  }

  /** Key of the first (or last) entry holding the value; for a list, the element's index or -1. */
  private static Object keyOf(DelugeCollection c, Object value, boolean last) {
    if (c.isUndecided()) {
      return null;
    }
    if (c.isList()) {
      List<Object> items = c.list();
      for (int n = 0; n < items.size(); n++) {
        int i = last ? items.size() - 1 - n : n;
        if (Values.same(items.get(i), value)) {
          return (long) i;
        }
      }
      return -1L;
    }
    Object found = null;
    for (Map.Entry<Object, Object> e : c.map().entrySet()) {
      if (Values.same(e.getValue(), value)) {
        found = e.getKey();
        if (!last) {
          return found;
        }
      }
    }
    return found;
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
      order = Comparator.comparing(Values::toText); // keys of mixed types sort by their text
    }
    return reorder(c, Map.Entry::getKey, order, ascending);
  }

  /** Rebuilds the map in place with its entries ordered by part of each entry. */
  private static DelugeCollection reorder(DelugeCollection c, Function<Map.Entry<Object, Object>, Object> part,
      Comparator<Object> order, boolean ascending) {
    Comparator<Object> direction = ascending ? order : order.reversed();
    List<Map.Entry<Object, Object>> sorted = new ArrayList<>(c.map().entrySet());
    sorted.sort((x, y) -> direction.compare(part.apply(x), part.apply(y)));
    Map<Object, Object> copy = new LinkedHashMap<>();
    sorted.forEach(e -> copy.put(e.getKey(), e.getValue()));
    c.map().clear();
    c.map().putAll(copy);
    return c;
  }
}
