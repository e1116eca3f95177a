package dev.freshet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The small JSONPath of {@code ignore-body} ({@code $.a.b}, {@code $.data[*].id}, {@code $.data[0]}) and body diffs. */
final class JsonPaths {
  private JsonPaths() {}

  /** Removes what the path selects from {@code root}, in place. */
  static void remove(JsonNode root, String path) {
    if (!path.startsWith("$")) {
      throw new IllegalArgumentException("ignore-body takes a JSONPath such as $.data[*].id, got " + path);
    }
    List<String> steps = new ArrayList<>();
    for (String part : path.substring(1).split("\\.")) {
      if (part.isEmpty()) {
        continue;
      }
      int b = part.indexOf('[');
      steps.add(b < 0 ? part : part.substring(0, b));
      while (b >= 0) {
        int e = part.indexOf(']', b);
        steps.add(part.substring(b, e + 1));
        b = part.indexOf('[', e);
      }
    }
    steps.removeIf(String::isEmpty);
    remove(root, steps, 0);
  }

  private static void remove(JsonNode node, List<String> steps, int i) {
    if (node == null || i >= steps.size()) {
      return;
    }
    String step = steps.get(i);
    boolean last = i == steps.size() - 1;
    if (step.startsWith("[")) {
      if (!(node instanceof ArrayNode a)) {
        return;
      }
      String index = step.substring(1, step.length() - 1);
      for (int k = a.size() - 1; k >= 0; k--) {
        if (index.equals("*") || index.equals(String.valueOf(k))) {
          if (last) {
            a.remove(k);
          } else {
            remove(a.get(k), steps, i + 1);
          }
        }
      }
    } else if (node instanceof ObjectNode o) {
      if (last) {
        o.remove(step);
      } else {
        remove(o.get(step), steps, i + 1);
      }
    }
  }

  /** Appends a line per differing leaf: {@code body $.data[0].Last_Name   recorded "Lovelace"   sent "Byron"}. */
  static void diff(String path, JsonNode recorded, JsonNode sent, List<String> out) {
    if (recorded instanceof ObjectNode r && sent instanceof ObjectNode s) {
      TreeSet<String> names = new TreeSet<>();
      r.fieldNames().forEachRemaining(names::add);
      s.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        diff(path + "." + n, r.get(n), s.get(n), out);
      }
    } else if (recorded instanceof ArrayNode r && sent instanceof ArrayNode s) {
      for (int i = 0; i < Math.max(r.size(), s.size()); i++) {
        diff(path + "[" + i + "]", r.get(i), s.get(i), out);
      }
    } else if (recorded == null || sent == null || !recorded.equals(sent)) {
      out.add(line("body " + path, recorded == null ? null : recorded.toString(),
          sent == null ? null : sent.toString()));
    }
  }

  static String line(String field, String recorded, String sent) {
    return field + "   recorded " + (recorded == null ? "(absent)" : cut(recorded)) + "   sent "
        + (sent == null ? "(absent)" : cut(sent));
  }

  private static String cut(String s) {
    return s.length() > 120 ? s.substring(0, 117) + "…" : s;
  }
}
