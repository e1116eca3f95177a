package dev.freshet.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Deluge's operators over values (DECISIONS §10–§14). Errors carry no position; the interpreter adds it. */
public final class Ops {
  private Ops() {}

  /** DECIMAL division keeps 16 significant digits, half-up (DECISIONS §11). */
  public static final MathContext DIVISION = new MathContext(16, RoundingMode.HALF_UP);

  public static Object add(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return addNumbers(x, y);
    }
    if (a instanceof String || b instanceof String) {
      return Values.toText(a).concat(Values.toText(b));
    }
    if (Values.isNumeric(a) && Values.isNumeric(b)) {
      return Values.toBigDecimal(a).add(Values.toBigDecimal(b));
    }
    if (a instanceof DateTime d && b instanceof Long days) {
      return plusDays(d, days);
    }
    if (a instanceof Long days && b instanceof DateTime d) {
      return plusDays(d, days);
    }
    throw ScriptError.typeError("+", a, b);
  }

  /** Math's exact operations are JIT intrinsics: the operation and a jump on overflow. */
  public static long addNumbers(long x, long y) {
    try {
      return Math.addExact(x, y);
    } catch (ArithmeticException e) {
      throw overflow(x + " + " + y);
    }
  }

  public static Object subtract(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return subtractNumbers(x, y);
    }
    if (Values.isNumeric(a) && Values.isNumeric(b)) {
      return Values.toBigDecimal(a).subtract(Values.toBigDecimal(b));
    }
    if (a instanceof DateTime d && b instanceof Long days) {
      return plusDays(d, -days);
    }
    throw ScriptError.typeError("-", a, b);
  }

  public static long subtractNumbers(long x, long y) {
    try {
      return Math.subtractExact(x, y);
    } catch (ArithmeticException e) {
      throw overflow(x + " - " + y);
    }
  }

  public static Object multiply(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return multiplyNumbers(x, y);
    }
    if (Values.isNumeric(a) && Values.isNumeric(b)) {
      return Values.toBigDecimal(a).multiply(Values.toBigDecimal(b));
    }
    throw ScriptError.typeError("*", a, b);
  }

  public static long multiplyNumbers(long x, long y) {
    try {
      return Math.multiplyExact(x, y);
    } catch (ArithmeticException e) {
      throw overflow(x + " * " + y);
    }
  }

  public static Object divide(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return divideNumbers(x, y);
    }
    if (Values.isNumeric(a) && Values.isNumeric(b)) {
      BigDecimal divisor = Values.toBigDecimal(b);
      if (divisor.signum() == 0) {
        throw new ScriptError("division by zero");
      }
      return Values.toBigDecimal(a).divide(divisor, DIVISION);
    }
    throw ScriptError.typeError("/", a, b);
  }

  public static Object remainder(Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return remainderNumbers(x, y);
    }
    if (Values.isNumeric(a) && Values.isNumeric(b)) {
      BigDecimal divisor = Values.toBigDecimal(b);
      if (divisor.signum() == 0) {
        throw new ScriptError("division by zero");
      }
      return Values.toBigDecimal(a).remainder(divisor);
    }
    throw ScriptError.typeError("%", a, b);
  }

  public static long divideNumbers(long x, long y) {
    if (y == 0) {
      throw new ScriptError("division by zero");
    }
    if (x == Long.MIN_VALUE && y == -1) {
      throw overflow(x + " / " + y);
    }
    return x / y;
  }

  public static long remainderNumbers(long x, long y) {
    if (y == 0) {
      throw new ScriptError("division by zero");
    }
    return y == -1 ? 0L : x % y;
  }

  public static Object negate(Object a) {
    if (a instanceof Long x) {
      if (x == Long.MIN_VALUE) {
        throw overflow("-(" + x + ")");
      }
      return -x;
    }
    if (a instanceof BigDecimal d) {
      return d.negate();
    }
    throw new ScriptError("operator '-' cannot be applied to " + Values.typeOf(a));
  }

  public static boolean not(Object a) {
    if (a instanceof Boolean b) {
      return !b;
    }
    throw new ScriptError("operator '!' cannot be applied to " + Values.typeOf(a));
  }

  /**
   * Ordering for {@code < <= > >=}: numbers by value, TEXT by character code, DATE-TIME by instant; TEXT against a
   * number or a date is read as one (docs/language.md, "Conversions").
   */
  public static int compare(String op, Object a, Object b) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    if (Values.isNumeric(a) && Values.isNumeric(b)) {
      return Values.toBigDecimal(a).compareTo(Values.toBigDecimal(b));
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    if (a instanceof DateTime x && b instanceof DateTime y) {
      return x.compareTo(y);
    }
    return compareConverted(op, a, b);
  }

  /** TEXT against a number or a date: the text is taken as the other side's type if it holds one (Coercions). */
  private static int compareConverted(String op, Object a, Object b) {
    Object x = a instanceof String s ? Coercions.toOrderAgainst(b, s) : null;
    if (x != null) {
      return compare(op, x, b);
    }
    Object y = b instanceof String s ? Coercions.toOrderAgainst(a, s) : null;
    if (y != null) {
      return compare(op, a, y);
    }
    Object text = a instanceof String ? a : b;
    Object other = text == a ? b : a;
    String why = !(text instanceof String) ? "" : Values.isNumeric(other) ? "a number"
        : other instanceof DateTime ? "a date" : "";
    ScriptError error = ScriptError.typeError(op, a, b);
    throw why.isEmpty() ? error : new ScriptError(error.getMessage() + " (" + describe(text) + " is not " + why + ")");
  }

  /** Operand of {@code && ||}, {@code if} and {@code !}: must be BOOLEAN (DECISIONS §14). */
  public static boolean truth(String where, Object v) {
    if (v instanceof Boolean b) {
      return b;
    }
    throw new ScriptError(where + " needs BOOLEAN operands, got " + describe(v));
  }

  /** A value named for an error message: its type, and a short rendering for scalars. */
  public static String describe(Object v) {
    Type t = Values.typeOf(v);
    if (v == null || v instanceof DelugeCollection || v instanceof FileValue) {
      return t.display();
    }
    String text = Values.toText(v);
    if (text.length() > 40) {
      text = text.substring(0, 37) + "...";
    }
    return t.display() + (v instanceof String ? " \"" + text + "\"" : " " + text);
  }

  private static DateTime plusDays(DateTime d, long days) {
    try {
      return d.with(d.value().plusDays(days));
    } catch (java.time.DateTimeException | ArithmeticException e) {
      throw new ScriptError("the resulting date is out of range (" + d + " plus " + days + " days)");
    }
  }

  private static ScriptError overflow(String what) {
    return new ScriptError("NUMBER overflow: " + what + " does not fit in 64 bits");
  }
}
