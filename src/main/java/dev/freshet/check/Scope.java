package dev.freshet.check;

import java.util.LinkedHashMap;
import java.util.Map;

/** Variables of one frame (a function or the top level): Deluge has no block scope. */
final class Scope {
  final Map<String, Integer> slots = new LinkedHashMap<>();
  int loopDepth;

  Integer lookup(String name) {
    return slots.get(name);
  }

  int define(String name) {
    Integer slot = slots.get(name);
    if (slot == null) {
      slot = slots.size();
      slots.put(name, slot);
    }
    return slot;
  }
}
