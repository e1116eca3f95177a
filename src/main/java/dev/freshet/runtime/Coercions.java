package dev.freshet.runtime;

import java.math.BigDecimal;

/**
 * Deluge's implicit conversions: the one place that decides when a value given where another type is needed is taken
 * as that type (docs/language.md, "Conversions"). The rules follow Zoho's typed lists, the one place Zoho documents
 * them: a NUMBER, DECIMAL, DATE-TIME or BOOLEAN is taken as its text where TEXT is needed; text holding a number is
 * taken as that number where a number is needed; date text as that date where a DATE-TIME is needed. Nothing else
 * converts: a LIST, MAP or FILE is never text, other text is never a number.
 *
 * <p>Every method returns null when the value does not convert. Callers test the exact type first and come here only
 * on the path that would otherwise be a type error, so the common case pays nothing.
 */
public final class Coercions {
  private Coercions() {}

  /** Compiled on first use: most runs never convert anything. */
  private static final class Patterns {
    static final java.util.regex.Pattern NUMBER_TEXT =
        java.util.regex.Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");
  }

  /** The value as the target type, or null when it does not convert. */
  public static Object to(Type target, Object v) {
    return switch (target) {
      case TEXT -> toText(v);
      case NUMBER -> toNumber(v);
      case DECIMAL -> {
        Object n = toNumeric(v);
        yield n == null ? null : Values.toBigDecimal(n);
      }
      case DATE_TIME -> toDateTime(v);
      default -> Values.typeOf(v) == target ? v : null;
    };
  }

  /** A scalar's text, as it prints: {@code 12345} → {@code "12345"}. NULL and collections do not convert. */
  public static String toText(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Long || v instanceof BigDecimal || v instanceof Boolean || v instanceof DateTime) {
      return Values.toText(v);
    }
    return null;
  }

  /** A whole NUMBER: a NUMBER, a whole DECIMAL ({@code 2.0}), or text holding one ({@code " 7 "}, {@code "-3"}). */
  public static Long toNumber(Object v) {
    if (v instanceof Long l) {
      return l;
    }
    Object n = v instanceof String s ? numberIn(s) : v;
    if (n instanceof Long l) {
      return l;
    }
    if (n instanceof BigDecimal d && (d.signum() == 0 || d.stripTrailingZeros().scale() <= 0)) {
      try {
        return d.longValueExact();
      } catch (ArithmeticException e) {
        return null; // too large for a NUMBER
      }
    }
    return null;
  }

  /** A NUMBER or DECIMAL as it is, or text holding a number as a NUMBER (whole) or a DECIMAL. */
  public static Object toNumeric(Object v) {
    if (Values.isNumeric(v)) {
      return v;
    }
    return v instanceof String s ? numberIn(s) : null;
  }

  /** A DATE-TIME as it is, or text in one of the date literal shapes as that date. */
  public static DateTime toDateTime(Object v) {
    if (v instanceof DateTime d) {
      return d;
    }
    return v instanceof String s ? DateParsing.parseLiteral(s) : null;
  }

  /**
   * The number a text holds: optional spaces around an optional sign and digits with an optional fraction
   * ({@code " 12 "}, {@code "-3.5"}, {@code "+.5"}); a NUMBER when whole and in range, else a DECIMAL; null otherwise.
   */
  public static Object numberIn(String s) {
    String t = s.trim();
    if (t.isEmpty() || t.length() > 400 || !Patterns.NUMBER_TEXT.matcher(t).matches()) {
      return null;
    }
    if (t.charAt(0) == '+') {
      t = t.substring(1);
    }
    if (t.indexOf('.') < 0) {
      try {
        return Long.parseLong(t);
      } catch (NumberFormatException e) {
        return new BigDecimal(t);
      }
    }
    return new BigDecimal(t);
  }

  /**
   * The TEXT side of an ordering ({@code < <= > >=}) between TEXT and a number or a date, taken as the other side's
   * type; null when it does not convert or the other side is neither.
   */
  public static Object toOrderAgainst(Object other, String text) {
    if (Values.isNumeric(other)) {
      return numberIn(text);
    }
    if (other instanceof DateTime) {
      return DateParsing.parseLiteral(text);
    }
    return null;
  }
}
