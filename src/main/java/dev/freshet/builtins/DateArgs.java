package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;

import dev.freshet.runtime.DateParsing;
import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.Env;
import dev.freshet.runtime.ScriptError;
import java.time.DateTimeException;
import java.util.function.Supplier;

/**
 * Reading the date arguments of the date-time functions. They take a DATE-TIME or, outside Creator, text in one of
 * the date shapes (DELUGE-FACTS §1), with Zoho's rules for bad parts: a day beyond the month, a wrong month name or
 * a 3-digit time part is a runtime error; a month name under 3 letters, a 3-digit day or a 5-digit year makes the
 * function return null. Date parameters are declared ANY so that these rules, not a generic type error, apply.
 */
final class DateArgs {
  private DateArgs() {}

  /** Thrown when a date argument has a date's shape with a part that makes the function return null. */
  private static final class NullDate extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NullDate() {
      super(null, null, false, false);
    }
  }

  /** Wraps a date function so that an argument of the "returns null" kind gives null. */
  static Impl nullable(Impl body) {
    return (env, a) -> {
      try {
        return body.call(env, a);
      } catch (NullDate e) {
        return null;
      }
    };
  }

  /**
   * Argument {@code i} as a date-time; {@code what} names it in messages ("the date"), which do not count arguments
   * because the same argument is the receiver of {@code x.fn()} and argument 1 of {@code fn(x)}. Only use inside
   * {@link #nullable}: text with a date's shape but a "returns null" part ends the call with null.
   */
  static DateTime date(Env env, String fn, Object[] a, int i, String what) {
    Object v = a[i];
    if (v instanceof DateTime d) {
      return d;
    }
    if (v instanceof String s) {
      DateTime d;
      try {
        d = DateParsing.parseText(s, env.zone());
      } catch (ScriptError e) {
        throw error(fn, Args.describe(v) + " is not a valid date: " + e.getMessage());
      }
      if (d != null) {
        return d;
      }
      if (DateParsing.hasDateShape(s)) {
        throw new NullDate();
      }
    }
    throw error(fn, what + " must be a DATE-TIME or date text, got " + Args.describe(v));
  }

  /** Runs a java.time computation, turning an out-of-range result into a Deluge error. */
  static <T> T attempt(String fn, Supplier<T> computation) {
    try {
      return computation.get();
    } catch (DateTimeException | ArithmeticException e) {
      throw error(fn, "the resulting date is out of range");
    }
  }
}
