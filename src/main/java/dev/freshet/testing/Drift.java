package dev.freshet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;

/** {@code --record=check}: how a live JSON response differs in shape from the recorded one (Hoverfly's diff). */
final class Drift {
  private Drift() {}

  /** Adds a line per key added (info), removed or changed in type (breaking); true when any is breaking. */
  static boolean compare(String call, String path, JsonNode recorded, JsonNode live, List<String> out) {
    boolean breaking = false;
    if (recorded.isObject() && live.isObject()) {
      for (Iterator<String> it = recorded.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!live.has(k)) {
          out.add(call + ": key removed " + path + "." + k);
          breaking = true;
        } else {
          breaking |= compare(call, path + "." + k, recorded.get(k), live.get(k), out);
        }
      }
      for (Iterator<String> it = live.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!recorded.has(k)) {
          out.add(call + ": key added " + path + "." + k + " (info)");
        }
      }
    } else if (recorded.isArray() && live.isArray()) {
      if (recorded.size() > 0 && live.size() > 0) {
        breaking = compare(call, path + "[0]", recorded.get(0), live.get(0), out);
      }
    } else if (recorded.getNodeType() != live.getNodeType() && !recorded.isNull() && !live.isNull()) {
      out.add(call + ": type changed at " + path + " from " + recorded.getNodeType() + " to " + live.getNodeType());
      breaking = true;
    }
    return breaking;
  }
}
