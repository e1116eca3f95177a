package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.Args.has;
import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.TEXT;

import dev.freshet.runtime.DateParsing;
import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.Env;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.Values;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Conversions between types (DELUGE-FACTS 5.7): toString / toText (with a Java date pattern and time zone for
 * dates), toLong / toNumber, toDecimal, toDate, toTime. The null and type checks are in {@link ConvertChecks}.
 */
final class ConvertLib implements Library {
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  @Override
  public void register(BuiltinRegistry r) {
    String text = "The value as text; a date (or epoch-ms NUMBER, or date text) is formatted with an optional "
        + "Java date pattern and time zone (an unknown pattern letter gives null)";
    for (String name : new String[] {"toString", "toText"}) {
      r.fn(name, name.equals("toString") ? text : text + " (same as toString)").param("value", ANY)
          .optional("pattern", TEXT).optional("timeZone", TEXT).returns("TEXT")
          .impl((env, a) -> toText(env, name, a[0], has(a, 1) ? (String) a[1] : null, has(a, 2) ? (String) a[2]
              : null));
    }
    String number = "The value as a NUMBER: decimals are truncated, a date gives epoch milliseconds, text must "
        + "hold a number";
    for (String name : new String[] {"toLong", "toNumber"}) {
      r.fn(name, name.equals("toLong") ? number : number + " (same as toLong)").param("value", ANY)
          .returns("NUMBER").impl((env, a) -> toLong(env, name, a[0]));
    }
    r.fn("toDecimal", "The value (a number, or text holding one) as a DECIMAL").param("value", ANY)
        .returns("DECIMAL").impl((env, a) -> toDecimal(a[0]));
    r.fn("toDate", "The value as a date without time: date text (optionally read with a Java pattern and the "
        + "text's time zone), epoch milliseconds, or a date-time").param("value", ANY).optional("pattern", TEXT)
        .optional("timeZone", TEXT).returns("DATE-TIME")
        .impl((env, a) -> DateTime.ofDate(toDateTime(env, "toDate", a).date()));
    String time = "The value as a date-time: date text (optionally read with a Java pattern and the text's time "
        + "zone), epoch milliseconds, or a date";
    for (String name : new String[] {"toTime", "toDateTime"}) {
      r.fn(name, name.equals("toTime") ? time : time + " (same as toTime)").param("value", ANY)
          .optional("pattern", TEXT).optional("timeZone", TEXT).returns("DATE-TIME")
          .impl((env, a) -> DateTime.of(toDateTime(env, name, a).value()));
    }
    ConvertChecks.register(r);
  }

  /**
   * toString without a pattern is how the value prints; a number pattern ({@code "#,##0.00"}) formats a number or
   * number text; another pattern formats dates, epoch ms and date text.
   */
  static String toText(Env env, String fn, Object v, String pattern, String zone) {
    if (pattern != null && NumberFormatting.isNumberPattern(pattern)) {
      Object n = v instanceof String s ? Args.parseNumber(s) : v;
      if (Values.isNumeric(n)) {
        return NumberFormatting.format(fn, Values.toBigDecimal(n), pattern);
      }
    }
    if (pattern == null || !(v instanceof DateTime || v instanceof Long || v instanceof String)) {
      return Values.toText(v);
    }
    return formatDate(env, fn, v, pattern, zone);
  }

  /**
   * A DATE-TIME, epoch-ms NUMBER or date TEXT formatted with a Java date pattern, shown in {@code zone} (the
   * engine's when null). Null when the pattern holds a letter that is no pattern letter, as Zoho documents.
   */
  static String formatDate(Env env, String fn, Object v, String pattern, String zone) {
    DateTime d;
    if (v instanceof DateTime dt) {
      d = dt;
    } else if (v instanceof Long ms) {
      d = fromEpoch(fn, ms, env.zone());
    } else {
      d = dateText(env, fn, (String) v);
    }
    ZoneId to = zone == null ? env.zone() : zone(fn, zone);
    return DateParsing.format(d, pattern, env.zone(), to);
  }

  /** Date text for toString / toDateTimeString: an invalid date or text without a date shape is an error. */
  private static DateTime dateText(Env env, String fn, String s) {
    DateTime d;
    try {
      d = DateParsing.parseText(s, env.zone());
    } catch (ScriptError e) {
      throw error(fn, Args.describe(s) + " is not a valid date: " + e.getMessage());
    }
    if (d == null) {
      throw error(fn, "cannot format " + Args.describe(s) + " as a date: it is not a date");
    }
    return d;
  }

  static long toLong(Env env, String fn, Object v) {
    if (v instanceof Long n) {
      return n;
    }
    if (v instanceof BigDecimal d) {
      if (d.compareTo(LONG_MIN) < 0 || d.compareTo(LONG_MAX) > 0) {
        throw error(fn, Values.toText(d) + " is too large for a NUMBER");
      }
      return d.longValue();
    }
    if (v instanceof DateTime d) {
      return epochMillis(fn, d, env.zone());
    }
    if (v instanceof String s && Args.parseNumber(s) != null) {
      return toLong(env, fn, Args.parseNumber(s));
    }
    throw error(fn, "cannot convert " + Args.describe(v) + " to NUMBER");
  }

  static BigDecimal toDecimal(Object v) {
    if (Values.isNumeric(v)) {
      return Values.toBigDecimal(v);
    }
    if (v instanceof String s && Args.parseNumber(s) != null) {
      return Values.toBigDecimal(Args.parseNumber(s));
    }
    throw error("toDecimal", "cannot convert " + Args.describe(v) + " to DECIMAL");
  }

  /** toDate / toTime's common part: the value as a date-time, keeping any time it has. */
  private static DateTime toDateTime(Env env, String fn, Object[] a) {
    Object v = a[0];
    if (v instanceof DateTime d) {
      return d;
    }
    if (v instanceof Long ms) {
      return fromEpoch(fn, ms, env.zone());
    }
    if (v instanceof String s) {
      String pattern = has(a, 1) ? (String) a[1] : null;
      ZoneId textZone = has(a, 2) && a[2] != null ? zone(fn, (String) a[2]) : env.zone();
      try {
        DateTime d = pattern != null ? DateParsing.parse(s, pattern, textZone, env.zone())
            : DateParsing.parseText(s, textZone);
        if (d != null) {
          boolean local = textZone.equals(env.zone()) || pattern != null || d.dateOnly();
          return local ? d : shift(d, textZone, env.zone());
        }
      } catch (ScriptError e) {
        throw error(fn, e.getMessage());
      }
    }
    throw error(fn, "cannot convert " + Args.describe(v) + " to DATE-TIME");
  }

  /** A wall-clock time in {@code from} as the same instant's wall-clock time in {@code to}. */
  private static DateTime shift(DateTime d, ZoneId from, ZoneId to) {
    return new DateTime(d.value().atZone(from).withZoneSameInstant(to).toLocalDateTime(), d.dateOnly());
  }

  static DateTime fromEpoch(String fn, long ms, ZoneId zone) {
    try {
      return DateTime.of(LocalDateTime.ofInstant(Instant.ofEpochMilli(ms), zone));
    } catch (DateTimeException e) {
      throw error(fn, ms + " milliseconds is out of the range of dates");
    }
  }

  static long epochMillis(String fn, DateTime d, ZoneId zone) {
    try {
      return d.value().atZone(zone).toInstant().toEpochMilli();
    } catch (ArithmeticException e) {
      throw error(fn, "the date " + d + " is too far from 1970 for a NUMBER of milliseconds");
    }
  }

  /** A time zone by id ({@code "Asia/Kolkata"}, {@code "GMT+05:30"}, {@code "PST"}). */
  static ZoneId zone(String fn, String id) {
    try {
      return ZoneId.of(id.trim(), ZoneId.SHORT_IDS);
    } catch (DateTimeException e) {
      throw error(fn, "\"" + id + "\" is not a time zone");
    }
  }
}
