package dev.freshet.builtins;

import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.NUMBER;
import static dev.freshet.builtins.ParamType.NUMERIC;
import static dev.freshet.builtins.ParamType.TEXT;

import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Numbers as text and cut short: {@code text(format)} (Zoho's number/text page: numbers, decimals and dates, the
 * format required), the number patterns {@code toString} / {@code toText} also accept, and {@code truncate(digits)}.
 */
final class NumberFormatting {
  private NumberFormatting() {}

  /** A number pattern: digits ({@code #}, {@code 0}) and punctuation, no letters; every date pattern has letters. */
  private static final Pattern NUMBER_PATTERN = Pattern.compile("[^A-Za-z]*[#0][^A-Za-z]*");

  static void register(BuiltinRegistry r) {
    r.fn("text", "The number, decimal or date as text in the given format: a number pattern such as \"#,##0.00\""
            + " (rounded half-up) or a Java date pattern").param("value", ANY).param("format", TEXT)
        .returns("TEXT").impl((env, a) -> {
          if (!(Values.isNumeric(a[0]) || a[0] instanceof DateTime || a[0] instanceof String)) {
            throw Args.error("text", "can format a NUMBER, DECIMAL or DATE-TIME, not " + Args.describe(a[0]));
          }
          if (a[1] == null) {
            throw Args.error("text", "the format is null");
          }
          return ConvertLib.toText(env, "text", a[0], (String) a[1], null);
        });
    r.fn("truncate", "The number cut (not rounded) to the given digits after the decimal point, as a DECIMAL; 0"
            + " keeps the whole part, a negative count zeroes digits before the point")
        .param("number", NUMERIC).param("digits", NUMBER).returns("DECIMAL").impl((env, a) -> {
          long digits = Args.number(a, 1);
          if (Math.abs(digits) > 1000) {
            throw Args.error("truncate", "digits " + digits + " is out of range (-1000 to 1000)");
          }
          BigDecimal cut = Args.decimal("truncate", a[0]).setScale((int) digits, RoundingMode.DOWN);
          return digits < 0 ? cut.setScale(0) : cut;
        });
  }

  /** Whether {@code pattern} formats a number rather than a date. */
  static boolean isNumberPattern(String pattern) {
    return NUMBER_PATTERN.matcher(pattern).matches();
  }

  /** The number in a {@link DecimalFormat} pattern, rounded half-up, with English symbols. */
  static String format(String fn, BigDecimal n, String pattern) {
    DecimalFormat f;
    try {
      f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ENGLISH));
    } catch (IllegalArgumentException e) {
      throw Args.error(fn, "\"" + pattern + "\" is not a number format: " + e.getMessage());
    }
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(n);
  }
}
