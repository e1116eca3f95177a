package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.Args.has;
import static dev.freshet.builtins.Args.number;
import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.NUMBER;
import static dev.freshet.builtins.ParamType.TEXT;

import dev.freshet.runtime.DateParsing;
import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.Env;
import dev.freshet.runtime.ScriptError;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The clock ({@code now}, {@code today}, {@code zoho.currenttime}, {@code zoho.currentdate}, read from the engine's
 * clock and zone, DECISIONS §26) and the calendar helpers: start / end of month, weekdays, epoch milliseconds.
 * Business days are in {@link DateBusinessDays}.
 */
final class DateExtrasLib implements Library {
  private static final String DEFAULT_PATTERN = "dd-MMM-yyyy HH:mm:ss";

  @Override
  public void register(BuiltinRegistry r) {
    r.value("zoho.currenttime", "The current date and time in the engine's time zone", DateExtrasLib::now);
    r.value("now", "The current date and time in the engine's time zone", DateExtrasLib::now);
    r.value("zoho.currentdate", "Today's date (no time part) in the engine's time zone", DateExtrasLib::today);
    r.value("today", "Today's date (no time part) in the engine's time zone", DateExtrasLib::today);
    r.fn("toStartOfMonth", "The first day of the date's month, at 00:00:00").param("date", ANY)
        .returns("DATE-TIME").impl(DateArgs.nullable((env, a) -> {
          DateTime d = DateLib.date(env, "toStartOfMonth", a);
          return atDay(d, d.date().withDayOfMonth(1));
        }));
    r.fn("toStartOfWeek", "The Sunday on or before the date, at 00:00:00").param("date", ANY)
        .returns("DATE-TIME").impl(DateArgs.nullable((env, a) -> {
          DateTime d = DateLib.date(env, "toStartOfWeek", a);
          return atDay(d, DateArgs.attempt("toStartOfWeek",
              () -> d.date().with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY))));
        }));
    r.fn("eomonth", "The last day (a date without time) of the month the given number of months after the "
        + "date's month").param("date", ANY).param("months", NUMBER).returns("DATE-TIME")
        .impl(DateArgs.nullable((env, a) -> {
          DateTime d = DateLib.date(env, "eomonth", a);
          return DateTime.ofDate(DateArgs.attempt("eomonth", () -> d.date().plusMonths(number(a, 1))
              .with(TemporalAdjusters.lastDayOfMonth())));
        }));
    r.fn("edate", "The same day the given number of months later, as a date without time (clamped to the "
        + "month's end)").param("date", ANY).param("months", NUMBER).returns("DATE-TIME")
        .impl(DateArgs.nullable((env, a) -> {
          DateTime d = DateLib.date(env, "edate", a);
          return DateTime.ofDate(DateArgs.attempt("edate", () -> d.date().plusMonths(number(a, 1))));
        }));
    weekDay(r, "nextWeekDay", "The first date after this one that falls on the named day (\"Monday\" ...)", true);
    weekDay(r, "previousWeekDay", "The last date before this one that falls on the named day (\"Monday\" ...)",
        false);
    registerEpoch(r);
    DateBusinessDays.register(r);
    DatePresentation.register(r);
  }

  private static void registerEpoch(BuiltinRegistry r) {
    r.fn("unixEpoch", "Milliseconds since 1970-01-01 00:00:00 UTC of a date read in the given time zone (the "
        + "engine's by default; an unknown zone means GMT); text that is no date is returned as it is")
        .param("date", ANY).optional("timeZone", TEXT).returns("NUMBER").impl((env, a) -> unixEpoch(env, a));
    r.fn("toDateTimeString", "Epoch milliseconds, a date-time or date text as text in a Java date pattern (default "
        + DEFAULT_PATTERN + ") and time zone").param("value", ANY).optional("pattern", TEXT)
        .optional("timeZone", TEXT).returns("TEXT").impl((env, a) -> toDateTimeString(env, a));
  }

  private static void weekDay(BuiltinRegistry r, String name, String doc, boolean forward) {
    r.fn(name, doc).param("date", ANY).param("day", TEXT).returns("DATE-TIME")
        .impl(DateArgs.nullable((env, a) -> {
          DateTime d = DateLib.date(env, name, a);
          DayOfWeek day = dayOfWeek(name, (String) a[1]);
          return d.with(DateArgs.attempt(name,
              () -> d.value().with(forward ? TemporalAdjusters.next(day) : TemporalAdjusters.previous(day))));
        }));
  }

  static DateTime now(Env env) {
    return DateTime.of(LocalDateTime.ofInstant(env.now(), env.zone()).truncatedTo(ChronoUnit.MILLIS));
  }

  static DateTime today(Env env) {
    return DateTime.ofDate(LocalDate.ofInstant(env.now(), env.zone()));
  }

  /** A day at 00:00:00, as the same kind of value (date-only or date-time) as {@code like}. */
  private static DateTime atDay(DateTime like, LocalDate day) {
    return new DateTime(day.atStartOfDay(), like.dateOnly());
  }

  /** A day of the week by its English name or a 3+ letter start of it, any case ({@code "Mon"}, {@code "MONDAY"}). */
  static DayOfWeek dayOfWeek(String fn, String name) {
    if (name == null) {
      throw error(fn, "the day of the week is missing (use Sunday, Monday, ... Saturday)");
    }
    String n = name.trim().toUpperCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      if (n.length() >= 3 && d.name().startsWith(n)) {
        return d;
      }
    }
    throw error(fn, "\"" + name + "\" is not a day of the week (use Sunday, Monday, ... Saturday)");
  }

  /**
   * unixEpoch: the text (or date-time) is a wall-clock time in the given zone, or in the engine's zone when there
   * is none. Zoho documents that an unknown zone means GMT and that text it cannot read is returned unchanged.
   */
  private static Object unixEpoch(Env env, Object[] a) {
    ZoneId zone = env.zone();
    if (has(a, 1) && a[1] != null) {
      zone = zoneOrGmt((String) a[1]);
    }
    Object v = a[0];
    DateTime d = v instanceof DateTime dt ? dt : null;
    if (v instanceof String s) {
      try {
        d = DateParsing.parseText(s, zone);
      } catch (ScriptError e) {
        d = null;
      }
      if (d == null) {
        return s;
      }
    }
    if (d == null) {
      throw error("unixEpoch", "the date must be a DATE-TIME or date text, got " + Args.describe(v));
    }
    return ConvertLib.epochMillis("unixEpoch", d, zone);
  }

  private static ZoneId zoneOrGmt(String id) {
    try {
      return ZoneId.of(id.trim(), ZoneId.SHORT_IDS);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }

  /** toDateTimeString: like toString with a pattern, but only for epoch milliseconds, date-times and date text. */
  private static Object toDateTimeString(Env env, Object[] a) {
    Object v = a[0];
    if (!(v instanceof Long || v instanceof DateTime || v instanceof String)) {
      throw error("toDateTimeString", "the value must be a NUMBER of epoch milliseconds, a DATE-TIME or date "
          + "text, got " + Args.describe(v));
    }
    String pattern = has(a, 1) && a[1] != null ? (String) a[1] : DEFAULT_PATTERN;
    String zone = has(a, 2) ? (String) a[2] : null;
    return ConvertLib.formatDate(env, "toDateTimeString", v, pattern, zone);
  }
}
