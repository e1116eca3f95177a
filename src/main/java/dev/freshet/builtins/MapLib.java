package dev.freshet.builtins;

import static dev.freshet.builtins.Args.entries;
import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.MAP;

import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Values;
import java.util.ArrayList;
import java.util.Map;

/**
 * KEY-VALUE (map) functions (DELUGE-FACTS 5.4). Registered before the list functions so that an undecided {@code {}}
 * answers {@code get} / {@code remove} as an empty map would, without deciding what it is.
 */
final class MapLib implements Library {
  @Override
  public void register(BuiltinRegistry r) {
    r.fn("put", "Adds a key and value, or replaces the value of an existing key (which keeps its position)")
        .param("map", MAP).param("key", ANY).param("value", ANY).returns("void")
        .impl((env, a) -> {
          map(a[0]).put(a[1], a[2]);
          return null;
        });
    r.fn("putAll", "Adds every key and value of another map, replacing existing keys' values").param("map", MAP)
        .param("other", MAP).returns("void").impl((env, a) -> {
          if (a[1] != null) {
            map(a[0]).putAll(entries(a[1]));
          }
          return null;
        });
    r.fn("get", "The value stored under the key, or null when the map has no such key (case-sensitive)")
        .param("map", MAP).param("key", ANY).returns("any")
        .impl((env, a) -> entries(a[0]).get(a[1]));
    r.fn("keys", "A new list of the map's keys, in map order").param("map", MAP).returns("LIST")
        .impl((env, a) -> Args.listOf(new ArrayList<>(entries(a[0]).keySet())));
    r.fn("values", "A new list of the map's values, in map order").param("map", MAP).returns("LIST")
        .impl((env, a) -> Args.listOf(new ArrayList<>(entries(a[0]).values())));
    r.fn("containKey", "Whether the map has the key (case-sensitive)").param("map", MAP).param("key", ANY)
        .returns("BOOLEAN").alias("containsKey").impl((env, a) -> entries(a[0]).containsKey(a[1]));
    r.fn("containValue", "Whether some key of the map holds the value").param("map", MAP).param("value", ANY)
        .returns("BOOLEAN").alias("containsValue").impl((env, a) -> containsValue(entries(a[0]), a[1]));
    r.fn("remove", "Removes the key and its value from the map; returns the removed value (null if absent)")
        .param("map", MAP).param("key", ANY).returns("any")
        .impl((env, a) -> ((DelugeCollection) a[0]).isUndecided() ? null : map(a[0]).remove(a[1]));
  }

  /** The map to change; an undecided {@code {}} becomes a map here. */
  static Map<Object, Object> map(Object v) {
    return ((DelugeCollection) v).map();
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
