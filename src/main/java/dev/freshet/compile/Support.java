package dev.freshet.compile;

import dev.freshet.ast.Expr.BinaryOp;
import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.ErrorValue;
import dev.freshet.runtime.Ops;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.TextBuffer;
import dev.freshet.runtime.Values;
import dev.freshet.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * What compiled code calls: the operators of the runtime ({@link Ops}, {@link Values}) with the NUMBER fast path the
 * tree-walker takes, each attaching the operator's position to an error as the tree-walker's nodes do. Small and
 * static, so the JVM inlines them into the generated code.
 */
final class Support {
  private Support() {}

  /**
   * What the object local of a NUMBER variable holds while its value is the {@code long} in the paired local (see
   * {@link Locals}); never seen by anything but generated code.
   */
  static final Object UNBOXED = new Object();

  static Object add(Object a, Object b, Span at) {
    try {
      return a instanceof Long x && b instanceof Long y ? (Object) Ops.addNumbers(x, y) : Ops.add(a, b);
    } catch (ScriptError e) {
      throw e.at(at);
    }
  }

  static Object subtract(Object a, Object b, Span at) {
    try {
      return a instanceof Long x && b instanceof Long y ? (Object) Ops.subtractNumbers(x, y) : Ops.subtract(a, b);
    } catch (ScriptError e) {
      throw e.at(at);
    }
  }

  static Object multiply(Object a, Object b, Span at) {
    try {
      return Ops.multiply(a, b);
    } catch (ScriptError e) {
      throw e.at(at);
    }
  }

  /** A long-returning method's result as an object: the long, or the value it spilled ({@link Host#spill}). */
  static Object boxResult(long result, Host host) {
    return result != Long.MIN_VALUE ? (Object) Long.valueOf(result) : host.unspill();
  }

  /** A checked return value as a long-returning method hands it back: spilled unless a NUMBER other than MIN_VALUE. */
  static long returnLong(Object value, Host host) {
    if (value instanceof Long l && l != Long.MIN_VALUE) {
      return l;
    }
    host.spill(value);
    return Long.MIN_VALUE;
  }

  /** A NUMBER computed on longs, as a long-returning method hands it back (MIN_VALUE is spilled, as that marks one). */
  static long returnLong(long value, Host host) {
    if (value == Long.MIN_VALUE) {
      host.spill(value);
    }
    return value;
  }

  /** NUMBER + NUMBER on longs: the tree-walker's overflow error at {@code at}. */
  static long addExact(long x, long y, Span at) {
    try {
      return Math.addExact(x, y); // an intrinsic: one add and a jump on overflow
    } catch (ArithmeticException overflow) {
      return (Long) add(x, y, at); // throws the overflow error, worded by Ops
    }
  }

  /** A running total {@code s = s + …} on longs: an overflow is the statement's error, as in the tree-walker. */
  static long addTotal(long x, long y) {
    try {
      return Math.addExact(x, y);
    } catch (ArithmeticException overflow) {
      return Ops.addNumbers(x, y); // throws
    }
  }

  static long subtractExact(long x, long y, Span at) {
    try {
      return Math.subtractExact(x, y);
    } catch (ArithmeticException overflow) {
      return (Long) subtract(x, y, at);
    }
  }

  static long multiplyExact(long x, long y, Span at) {
    try {
      return Math.multiplyExact(x, y); // an intrinsic: one multiply and a jump on overflow
    } catch (ArithmeticException overflow) {
      return (Long) multiply(x, y, at); // throws the overflow error, worded by Ops
    }
  }

  /** NUMBER / NUMBER on longs; a divisor of 0 or -1 goes through Ops (the error, or the overflow of MIN_VALUE / -1). */
  static long divideExact(long x, long y, Span at) {
    if (y != 0 && y != -1) {
      return x / y;
    }
    return (Long) divide(x, y, at);
  }

  static long remainderExact(long x, long y, Span at) {
    if (y != 0 && y != -1) {
      return x % y;
    }
    return (Long) remainder(x, y, at);
  }

  static Object divide(Object a, Object b, Span at) {
    try {
      return Ops.divide(a, b);
    } catch (ScriptError e) {
      throw e.at(at);
    }
  }

  static Object remainder(Object a, Object b, Span at) {
    try {
      return Ops.remainder(a, b);
    } catch (ScriptError e) {
      throw e.at(at);
    }
  }

  /** {@code < <= > >=}: the sign of the comparison, NUMBERs compared directly. */
  private static int compare(BinaryOp op, Object a, Object b, Span at) {
    if (a instanceof Long x && b instanceof Long y) {
      return Long.compare(x, y);
    }
    try {
      return Ops.compare(op.symbol, a, b);
    } catch (ScriptError e) {
      throw e.at(at);
    }
  }

  static boolean same(Object a, Object b) {
    return a instanceof Long x && b instanceof Long y ? x.longValue() == y.longValue() : Values.same(a, b);
  }

  static boolean less(Object a, Object b, Span at) {
    return compare(BinaryOp.LESS, a, b, at) < 0;
  }

  static boolean lessEqual(Object a, Object b, Span at) {
    return compare(BinaryOp.LESS_EQUAL, a, b, at) <= 0;
  }

  static boolean greater(Object a, Object b, Span at) {
    return compare(BinaryOp.GREATER, a, b, at) > 0;
  }

  static boolean greaterEqual(Object a, Object b, Span at) {
    return compare(BinaryOp.GREATER_EQUAL, a, b, at) >= 0;
  }

  /** An operand of {@code && ||}. */
  static boolean truth(Object v, String where) {
    return v == Boolean.TRUE || v != Boolean.FALSE && Ops.truth(where, v);
  }

  /** The condition of {@code if}: BOOLEAN, else an error at the condition. */
  static boolean condition(Object c, Span at) {
    if (c instanceof Boolean b) {
      return b;
    }
    throw new ScriptError("if condition needs a BOOLEAN, got " + Ops.describe(c), at);
  }

  static boolean not(Object v, Span at) {
    try {
      return Ops.not(v);
    } catch (ScriptError e) {
      throw e.at(at);
    }
  }

  static Object negate(Object v, boolean plus, Span at) {
    try {
      if (plus) {
        if (!Values.isNumeric(v)) {
          throw new ScriptError("operator '+' cannot be applied to " + Values.typeOf(v));
        }
        return v;
      }
      return Ops.negate(v);
    } catch (ScriptError e) {
      throw e.at(at);
    }
  }

  /** The condition of {@code if(c, a, b)}. */
  static boolean choose(Object c, Span at) {
    try {
      return Ops.truth("if(…)", c);
    } catch (ScriptError e) {
      throw e.at(at);
    }
  }

  /**
   * What {@code for each} walks: a LIST's elements, a MAP's keys, a comma-separated TEXT's parts. A copy, so the
   * body may change the collection (DECISIONS §16), unless {@code unchanged}: the body calls nothing, so nothing can
   * change the list, and the loop reads the list itself.
   */
  static ArrayList<Object> items(Object v, boolean unchanged, Span at) {
    if (v instanceof DelugeCollection c) {
      List<Object> items = unchanged && c.isList() ? c.list() : c.snapshot();
      return items instanceof ArrayList<Object> a ? a : new ArrayList<>(items);
    }
    if (v instanceof String s) {
      ArrayList<Object> parts = new ArrayList<>();
      if (!s.isEmpty()) {
        parts.addAll(List.of(s.split(",", -1)));
      }
      return parts;
    }
    throw new ScriptError("for each needs a LIST, MAP or TEXT, got " + Ops.describe(v), at);
  }

  static DelugeCollection list(Object[] items) {
    DelugeCollection list = DelugeCollection.newList();
    List<Object> target = list.list();
    for (Object item : items) {
      target.add(item);
    }
    return list;
  }

  static DelugeCollection put(DelugeCollection map, Object key, Object value) {
    map.map().put(key, value);
    return map;
  }

  static void info(Host host, Object v) {
    host.info(Values.toText(v));
  }

  static ScriptError thrown(Object v, Span at) {
    return new ScriptError(v instanceof ErrorValue e ? e.message() : Values.toText(v), at);
  }

  /** {@code e.message}, {@code e.lineNo} of a caught error; any other property is an error at {@code at}. */
  static Object property(Object v, String name, Span at) {
    return ErrorValue.property(v, name, at);
  }


  /** A variable that may hold a text being built, as scripts see it (generated code calls these three). */
  static Object read(Object v) {
    return TextBuffer.read(v);
  }

  static boolean isText(Object v) {
    return TextBuffer.isText(v);
  }

  /** One part of {@code s = s + …}, as in the tree-walker. */
  static Object append(Object current, Object v, Span operator) {
    return TextBuffer.append(current, v, operator);
  }

  /** The error a {@code catch} sees; limits and cancellation are not caught. */
  static ErrorValue caught(ScriptError e, Span tryAt) throws ScriptError {
    if (e.uncatchable()) {
      throw e;
    }
    return new ErrorValue(e.getMessage(), e.span() == null ? tryAt.line() : e.span().line());
  }

  /** An error leaving a compiled call of {@code function} at {@code callSite}. */
  static ScriptError leftCall(ScriptError e, String function, Span callSite) {
    e.addCall(function, callSite);
    return e.at(callSite);
  }
}
