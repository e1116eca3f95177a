package dev.freshet.runtime;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one place that knows the closed set of value types: their Deluge type, how they print, how they turn into
 * JSON, and how they compare for equality. Values are plain Java objects: TEXT {@link String}, NUMBER {@link Long},
 * DECIMAL {@link BigDecimal}, BOOLEAN {@link Boolean}, {@link DateTime}, {@link DelugeCollection}, {@link FileValue},
 * {@link ErrorValue}, and NULL as {@code null}.
 */
public final class Values {
  private Values() {}

  public static Type typeOf(Object v) {
    if (v == null) {
      return Type.NULL;
    } else if (v instanceof String) {
      return Type.TEXT;
    } else if (v instanceof Long) {
      return Type.NUMBER;
    } else if (v instanceof BigDecimal) {
      return Type.DECIMAL;
    } else if (v instanceof Boolean) {
      return Type.BOOLEAN;
    } else if (v instanceof DateTime) {
      return Type.DATE_TIME;
    } else if (v instanceof DelugeCollection c) {
      return c.type();
    } else if (v instanceof FileValue) {
      return Type.FILE;
    } else if (v instanceof ErrorValue) {
      return Type.ERROR;
    }
    throw new IllegalStateException("not a Deluge value: " + v.getClass().getName());
  }

  /** Type name as a typed-list element type is written ({@code List:String}). */
  public static String typeName(Type t) {
    return switch (t) {
      case TEXT -> "String";
      case NUMBER -> "Int";
      case DECIMAL -> "Decimal";
      case BOOLEAN -> "Bool";
      case DATE_TIME -> "Date";
      default -> t.display();
    };
  }

  /**
   * How {@code info} and text concatenation show a value (DECISIONS §7). A TEXT is returned as it is here, in a method
   * small enough for the JIT to inline into every caller; the rest is {@link #otherToText}.
   */
  public static String toText(Object v) {
    return v instanceof String s ? s : otherToText(v);
  }

  private static String otherToText(Object v) {
    if (v == null) {
      return "";
    } else if (v instanceof BigDecimal d) {
      return decimalText(d);
    } else if (v instanceof DelugeCollection c) {
      if (c.isList()) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (Object item : c.list()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          if (item instanceof DelugeCollection) {
            appendJson(out, item);
          } else {
            out.append(toText(item));
          }
        }
        return out.toString();
      }
      return toJson(c);
    }
    return v.toString();
  }

  /** Plain notation, shortest exact form, never scientific ({@code 2.50} → {@code 2.5}, {@code 100.0} → {@code 100}). */
  public static String decimalText(BigDecimal d) {
    if (d.signum() == 0) {
      return "0";
    }
    return d.stripTrailingZeros().toPlainString();
  }

  public static String toJson(Object v) {
    StringBuilder out = new StringBuilder();
    appendJson(out, v);
    return out.toString();
  }

  static void appendJson(StringBuilder out, Object v) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof Long || v instanceof Boolean) {
      out.append(v);
    } else if (v instanceof BigDecimal d) {
      out.append(decimalText(d));
    } else if (v instanceof DelugeCollection c) {
      if (c.isList()) {
        out.append('[');
        appendJoined(out, c.list().iterator());
        out.append(']');
      } else if (c.isMap()) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<Object, Object> e : c.map().entrySet()) {
          if (!first) {
            out.append(',');
          }
          first = false;
          appendQuoted(out, toText(e.getKey()));
          out.append(':');
          appendJson(out, e.getValue());
        }
        out.append('}');
      } else {
        out.append("{}");
      }
    } else {
      appendQuoted(out, toText(v));
    }
  }

  private static void appendJoined(StringBuilder out, Iterator<Object> items) {
    boolean first = true;
    while (items.hasNext()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      appendJson(out, items.next());
    }
  }

  public static void appendQuoted(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Deluge {@code ==}: numbers by value across NUMBER/DECIMAL, otherwise same type and same value (DECISIONS §13). */
  public static boolean same(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof Long x && b instanceof Long y) {
      return x.longValue() == y.longValue();
    }
    if (isNumeric(a) && isNumeric(b)) {
      return toBigDecimal(a).compareTo(toBigDecimal(b)) == 0;
    }
    return a.equals(b);
  }

  static boolean listEquals(List<Object> a, List<Object> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!same(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean mapEquals(Map<Object, Object> a, Map<Object, Object> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<Object, Object> e : a.entrySet()) {
      if (!b.containsKey(e.getKey()) || !same(e.getValue(), b.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  public static boolean isNumeric(Object v) {
    return v instanceof Long || v instanceof BigDecimal;
  }

  public static BigDecimal toBigDecimal(Object v) {
    return v instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) v;
  }

  /**
   * Converts a value for a typed list by Deluge's conversions ({@link Coercions}), or returns null when it does not
   * fit. Zoho documents these for typed lists: numbers, dates and booleans become text in a List:String, numbers in
   * quotes become numbers in a List:Int.
   */
  static Object convertElement(Object v, Type type) {
    return Coercions.to(type, v);
  }
}
