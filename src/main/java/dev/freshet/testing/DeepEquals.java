package dev.freshet.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Deep, type-aware equality of two script values as Java sees them (TEXT is String, NUMBER Long, DECIMAL BigDecimal):
 * TEXT {@code "1"} is not NUMBER {@code 1}. The first difference is described with its path, e.g.
 * {@code $.data[0].id: expected "1" (TEXT), got 1 (NUMBER)}.
 */
final class DeepEquals {
  private DeepEquals() {}

  /** Null when equal, else the first difference. */
  static String difference(Object expected, Object actual) {
    return diff("$", expected, actual);
  }

  private static String diff(String path, Object e, Object a) {
    if (e instanceof Map<?, ?> em && a instanceof Map<?, ?> am) {
      for (Map.Entry<?, ?> x : em.entrySet()) {
        String p = path + "." + x.getKey();
        if (!am.containsKey(x.getKey())) {
          return p + ": expected " + show(x.getValue()) + ", got no such key";
        }
        String d = diff(p, x.getValue(), am.get(x.getKey()));
        if (d != null) {
          return d;
        }
      }
      for (Object k : am.keySet()) {
        if (!em.containsKey(k)) {
          return path + "." + k + ": expected no such key, got " + show(am.get(k));
        }
      }
      return null;
    }
    if (e instanceof List<?> el && a instanceof List<?> al) {
      for (int i = 0; i < Math.min(el.size(), al.size()); i++) {
        String d = diff(path + "[" + i + "]", el.get(i), al.get(i));
        if (d != null) {
          return d;
        }
      }
      return el.size() == al.size() ? null
          : path + ": expected a LIST of " + el.size() + ", got a LIST of " + al.size();
    }
    if (same(e, a)) {
      return null;
    }
    return path + ": expected " + show(e) + ", got " + show(a);
  }

  private static boolean same(Object e, Object a) {
    if (e instanceof BigDecimal x && a instanceof BigDecimal y) {
      return x.compareTo(y) == 0; // 1.50 equals 1.5, as Deluge's == says
    }
    return Objects.equals(e, a);
  }

  /** A value with its Deluge type, as failure messages show it. */
  static String show(Object v) {
    if (v == null) {
      return "null";
    }
    String text = literal(v);
    if (text.length() > 200) {
      text = text.substring(0, 200) + "…";
    }
    return text + " (" + type(v) + ")";
  }

  /** A value as Deluge writes it: TEXT quoted, MAP and LIST as JSON ({@code {"a":1,"b":["x"]}}). */
  static String literal(Object v) {
    if (v instanceof String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    } else if (v instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      m.forEach((k, x) -> b.append(b.length() > 1 ? "," : "").append(literal(String.valueOf(k))).append(':')
          .append(literal(x)));
      return b.append('}').toString();
    } else if (v instanceof List<?> l) {
      StringBuilder b = new StringBuilder("[");
      l.forEach(x -> b.append(b.length() > 1 ? "," : "").append(literal(x)));
      return b.append(']').toString();
    }
    return String.valueOf(v);
  }

  static String type(Object v) {
    if (v instanceof String) {
      return "TEXT";
    } else if (v instanceof Long || v instanceof Integer || v instanceof java.math.BigInteger) {
      return "NUMBER";
    } else if (v instanceof BigDecimal) {
      return "DECIMAL";
    } else if (v instanceof Boolean) {
      return "BOOLEAN";
    } else if (v instanceof LocalDate) {
      return "DATE";
    } else if (v instanceof LocalDateTime) {
      return "DATE-TIME";
    } else if (v instanceof List) {
      return "LIST";
    } else if (v instanceof Map) {
      return "MAP";
    }
    return v.getClass().getSimpleName();
  }
}
