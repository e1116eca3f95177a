package dev.freshet.builtins;

import static dev.freshet.builtins.Args.decimal;
import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.Args.has;
import static dev.freshet.builtins.Args.number;
import static dev.freshet.builtins.Args.numeric;
import static dev.freshet.builtins.ParamType.NUMBER;
import static dev.freshet.builtins.ParamType.NUMERIC;

import dev.freshet.runtime.Ops;
import dev.freshet.runtime.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Math functions (DELUGE-FACTS 5.2, DECISIONS §12): round rounds half-up and gives DECIMAL; ceil / floor give
 * NUMBER; abs keeps the type; sqrt, power, exp, log and the trigonometric functions give DECIMAL to 16 significant
 * digits. TEXT holding a number is converted first.
 */
final class NumberLib implements Library {
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  @Override
  public void register(BuiltinRegistry r) {
    r.fn("abs", "The number without its sign (same type)").param("number", NUMERIC).returns("NUMBER or DECIMAL")
        .impl((env, a) -> {
          Object n = numeric("abs", a[0]);
          if (n instanceof Long l && l == Long.MIN_VALUE) {
            throw error("abs", "the result 9223372036854775808 is too large for a NUMBER");
          }
          return n instanceof Long l ? Math.abs(l) : ((BigDecimal) n).abs();
        });
    r.fn("ceil", "The smallest whole NUMBER not below the number").param("number", NUMERIC).returns("NUMBER")
        .impl((env, a) -> whole("ceil", decimal("ceil", a[0]).setScale(0, RoundingMode.CEILING)));
    r.fn("floor", "The largest whole NUMBER not above the number").param("number", NUMERIC).returns("NUMBER")
        .impl((env, a) -> whole("floor", decimal("floor", a[0]).setScale(0, RoundingMode.FLOOR)));
    r.fn("round", "The number rounded half-up to the given decimal places (default 0), as a DECIMAL")
        .param("number", NUMERIC).optional("places", NUMBER).returns("DECIMAL").impl((env, a) -> {
          long places = has(a, 1) ? number(a, 1) : 0;
          if (Math.abs(places) > 1000) {
            throw error("round", "places " + places + " is out of range (-1000 to 1000)");
          }
          return decimal("round", a[0]).setScale((int) places, RoundingMode.HALF_UP);
        });
    r.fn("sqrt", "The square root, as a DECIMAL").param("number", NUMERIC).returns("DECIMAL").impl((env, a) -> {
      BigDecimal n = decimal("sqrt", a[0]);
      if (n.signum() < 0) {
        throw error("sqrt", "cannot take the square root of a negative number (" + Args.describe(a[0]) + ")");
      }
      return n.sqrt(Ops.DIVISION);
    });
    r.fn("power", "The number raised to the exponent, as a DECIMAL").param("number", NUMERIC)
        .param("exponent", NUMERIC).returns("DECIMAL")
        .impl((env, a) -> power(decimal("power", a[0]), decimal("power", a[1])));
    math(r, "exp", "e raised to the number, as a DECIMAL", Math::exp, null);
    math(r, "log", "The natural logarithm of a number above 0, as a DECIMAL", Math::log,
        d -> d.signum() > 0 ? null : "the number must be above 0");
    math(r, "sin", "The sine of an angle in radians, as a DECIMAL", Math::sin, null);
    math(r, "cos", "The cosine of an angle in radians, as a DECIMAL", Math::cos, null);
    math(r, "tan", "The tangent of an angle in radians, as a DECIMAL", Math::tan, null);
    math(r, "asin", "The arc sine (in radians) of a number from -1 to 1, as a DECIMAL", Math::asin, NumberLib::unit);
    math(r, "acos", "The arc cosine (in radians) of a number from -1 to 1, as a DECIMAL", Math::acos,
        NumberLib::unit);
    math(r, "atan", "The arc tangent in radians, as a DECIMAL", Math::atan, null);
    registerMore(r);
    NumberFormatting.register(r);
  }

  private void registerMore(BuiltinRegistry r) {
    r.fn("min", "The smaller of two numbers").param("a", NUMERIC).param("b", NUMERIC).returns("NUMBER or DECIMAL")
        .impl((env, a) -> pick("min", a, true));
    r.fn("max", "The larger of two numbers").param("a", NUMERIC).param("b", NUMERIC).returns("NUMBER or DECIMAL")
        .impl((env, a) -> pick("max", a, false));
    r.fn("isEven", "Whether the whole number is even").param("number", NUMERIC).returns("BOOLEAN")
        .impl((env, a) -> wholeArg("isEven", a[0]) % 2 == 0);
    r.fn("isOdd", "Whether the whole number is odd").param("number", NUMERIC).returns("BOOLEAN")
        .impl((env, a) -> wholeArg("isOdd", a[0]) % 2 != 0);
    r.fn("toHex", "The whole number in lower-case hexadecimal (a negative number in 64-bit two's complement)")
        .param("number", NUMERIC).returns("TEXT").impl((env, a) -> Long.toHexString(wholeArg("toHex", a[0])));
    r.fn("randomNumber", "A random number from start (inclusive) to end (exclusive); DECIMAL when either bound "
        + "is a DECIMAL").param("start", NUMERIC).param("end", NUMERIC).returns("NUMBER or DECIMAL")
        .globalOnly().impl((env, a) -> {
          Object start = numeric("randomNumber", a[0]);
          Object end = numeric("randomNumber", a[1]);
          if (Ops.compare("randomNumber", start, end) > 0) {
            throw error("randomNumber", "start " + Args.describe(start) + " is above end " + Args.describe(end));
          }
          if (start instanceof Long s && end instanceof Long e) {
            return s.equals(e) ? s : env.random().nextLong(s, e);
          }
          return randomDecimal(env.random(), Values.toBigDecimal(start), Values.toBigDecimal(end));
        });
  }

  /** A DECIMAL in [lo, hi): 16 significant digits, drawn again in the rare case rounding reaches hi. */
  private static BigDecimal randomDecimal(RandomGenerator random, BigDecimal lo, BigDecimal hi) {
    if (lo.compareTo(hi) == 0) {
      return lo;
    }
    BigDecimal span = hi.subtract(lo);
    while (true) {
      BigDecimal d = lo.add(span.multiply(BigDecimal.valueOf(random.nextDouble()))).round(Ops.DIVISION);
      if (d.compareTo(hi) < 0 && d.compareTo(lo) >= 0) {
        return d;
      }
    }
  }

  /** A DECIMAL function of one number; {@code domain} names what is wrong with an argument it cannot take. */
  private static void math(BuiltinRegistry r, String name, String doc, DoubleUnaryOperator f,
      Function<BigDecimal, String> domain) {
    r.fn(name, doc).param("number", NUMERIC).returns("DECIMAL").impl((env, a) -> {
      BigDecimal n = decimal(name, a[0]);
      String problem = domain == null ? null : domain.apply(n);
      if (problem != null) {
        throw error(name, problem + ", got " + Args.describe(a[0]));
      }
      return fromDouble(name, f.applyAsDouble(n.doubleValue()));
    });
  }

  private static String unit(BigDecimal d) {
    return d.abs().compareTo(BigDecimal.ONE) <= 0 ? null : "the number must be from -1 to 1";
  }

  /** A double result as a DECIMAL of 16 significant digits; NaN or infinity is an error. */
  static BigDecimal fromDouble(String fn, double d) {
    if (Double.isInfinite(d)) {
      throw error(fn, "the result is too large to be a DECIMAL");
    }
    if (Double.isNaN(d)) {
      throw error(fn, "the result is not a real number");
    }
    return new BigDecimal(d).round(Ops.DIVISION);
  }

  private static BigDecimal power(BigDecimal base, BigDecimal exponent) {
    if (base.signum() == 0 && exponent.signum() < 0) {
      throw error("power", "0 cannot be raised to a negative exponent");
    }
    if (base.signum() < 0 && !isWhole(exponent)) {
      throw error("power", "a negative number (" + Values.decimalText(base) + ") cannot be raised to a fractional "
          + "exponent (" + Values.decimalText(exponent) + ")");
    }
    if (isWhole(exponent) && exponent.abs().compareTo(BigDecimal.valueOf(999)) <= 0) {
      return base.pow(exponent.intValueExact(), Ops.DIVISION);
    }
    return fromDouble("power", Math.pow(base.doubleValue(), exponent.doubleValue()));
  }

  private static boolean isWhole(BigDecimal d) {
    return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
  }

  /** A whole-number argument (numeric text accepted); a fraction is an error. */
  private static long wholeArg(String fn, Object v) {
    BigDecimal d = decimal(fn, v);
    if (!isWhole(d)) {
      throw error(fn, "expects a whole number, got " + Args.describe(v));
    }
    return whole(fn, d);
  }

  private static long whole(String fn, BigDecimal d) {
    if (d.compareTo(LONG_MIN) < 0 || d.compareTo(LONG_MAX) > 0) {
      throw error(fn, "the result " + d.toPlainString() + " is too large for a NUMBER");
    }
    return d.longValueExact();
  }

  private static Object pick(String fn, Object[] a, boolean smaller) {
    Object x = numeric(fn, a[0]);
    Object y = numeric(fn, a[1]);
    int c = Ops.compare(fn, x, y);
    return (smaller ? c <= 0 : c >= 0) ? x : y;
  }
}
