package dev.freshet.builtins;

import static dev.freshet.builtins.Args.entries;
import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.MAP;

import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Values;
import java.util.ArrayList;
import java.util.Map;

/**
 * KEY-VALUE (map) functions (DELUGE-FACTS 5.4). Registered before the list functions so that an undecided {@code {}}
 * answers {@code get} / {@code remove} as an empty map would, without deciding what it is. Keys are looked up as
 * {@code ==} compares: case-sensitive text, numbers by value ({@code 1} finds the key {@code 1.0}).
 */
final class MapLib implements Library {
  @Override
  public void register(BuiltinRegistry r) {
    r.fn("put", "Adds a key and value, or replaces the value of an existing key (which keeps its position); a date "
        + "without time is stored at 00:00:00").param("map", MAP).param("key", ANY).param("value", ANY)
        .returns("void").impl((env, a) -> {
          Map<Object, Object> map = map(a[0]);
          map.put(keyIn(map, atMidnight(a[1])), atMidnight(a[2]));
          return null;
        });
    r.fn("put", "With one map, adds its keys and values as putAll does (a form real scripts use; Zoho documents "
        + "put(key, value) only)").param("map", MAP).param("entries", MAP).returns("void").impl(MapLib::putAll);
    r.fn("putAll", "Adds every key and value of another map, replacing existing keys' values").param("map", MAP)
        .param("other", MAP).returns("void").impl(MapLib::putAll);
    r.fn("get", "The value stored under the key, or null when the map has no such key (case-sensitive)")
        .param("map", MAP).param("key", ANY).returns("any")
        .impl((env, a) -> entries(a[0]).get(keyIn(entries(a[0]), a[1])));
    r.fn("keys", "A new list of the map's keys, in map order").param("map", MAP).returns("LIST")
        .impl((env, a) -> Args.listOf(new ArrayList<>(entries(a[0]).keySet())));
    r.fn("values", "A new list of the map's values, in map order").param("map", MAP).returns("LIST")
        .impl((env, a) -> Args.listOf(new ArrayList<>(entries(a[0]).values())));
    r.fn("containKey", "Whether the map has the key (case-sensitive)").param("map", MAP).param("key", ANY)
        .returns("BOOLEAN").alias("containsKey").impl((env, a) -> hasKey(a[0], a[1]));
    r.fn("containValue", "Whether some key of the map holds the value").param("map", MAP).param("value", ANY)
        .returns("BOOLEAN").alias("containsValue").impl((env, a) -> containsValue(entries(a[0]), a[1]));
    r.fn("contains", "Whether the map has the key (case-sensitive), as containKey").param("map", MAP)
        .param("key", ANY).returns("BOOLEAN").impl((env, a) -> hasKey(a[0], a[1]));
    r.fn("notContains", "Whether the map does not have the key (case-sensitive)").param("map", MAP)
        .param("key", ANY).returns("BOOLEAN").impl((env, a) -> !hasKey(a[0], a[1]));
    r.fn("remove", "Removes the key and its value from the map; returns the removed value (null if absent)")
        .param("map", MAP).param("key", ANY).returns("any").impl((env, a) -> {
          if (((DelugeCollection) a[0]).isUndecided()) {
            return null;
          }
          Map<Object, Object> map = map(a[0]);
          return map.remove(keyIn(map, a[1]));
        });
  }

  private static Object putAll(dev.freshet.runtime.Env env, Object[] a) {
    if (a[1] != null) {
      Map<Object, Object> map = map(a[0]);
      new ArrayList<>(entries(a[1]).entrySet()).forEach(e -> map.put(keyIn(map, e.getKey()), e.getValue()));
    }
    return null;
  }

  /** The map to change; an undecided {@code {}} becomes a map here. */
  static Map<Object, Object> map(Object v) {
    return ((DelugeCollection) v).map();
  }

  /**
   * The key object under which {@code key} is stored: the key itself, or for a number an existing key of equal
   * value (so {@code 1} and {@code 1.0} are one key, as {@code ==} says).
   */
  static Object keyIn(Map<Object, Object> map, Object key) {
    if (!Values.isNumeric(key) || map.containsKey(key)) {
      return key;
    }
    if (key instanceof Long && map instanceof dev.freshet.runtime.KeyMap k && !k.mayHaveDecimalKeys()) {
      return key; // only a DECIMAL key could equal it, and there has never been one: no scan
    }
    for (Object k : map.keySet()) {
      if (Values.isNumeric(k) && Values.same(k, key)) {
        return k;
      }
    }
    return key;
  }

  static boolean hasKey(Object map, Object key) {
    Map<Object, Object> entries = entries(map);
    return entries.containsKey(keyIn(entries, key));
  }

  /** Zoho stores a date without time as that day at 00:00:00 (put page). */
  private static Object atMidnight(Object v) {
    return v instanceof DateTime d && d.dateOnly() ? DateTime.of(d.value()) : v;
  }

  static boolean containsValue(Map<Object, Object> entries, Object value) {
    for (Object v : entries.values()) {
      if (Values.same(v, value)) {
        return true;
      }
    }
    return false;
  }
}
