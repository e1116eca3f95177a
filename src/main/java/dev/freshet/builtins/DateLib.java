package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.Args.has;
import static dev.freshet.builtins.Args.number;
import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.NUMBER;
import static dev.freshet.builtins.ParamType.TEXT;

import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.Env;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.WeekFields;
import java.util.function.ToLongFunction;

/**
 * Date-time arithmetic, parts and differences (DELUGE-FACTS 5.6, DECISIONS §25): adding days, weeks, months or years
 * keeps a date-only value date-only; adding hours, minutes or seconds makes it a date-time; addMonth / addYear clamp
 * to the end of the target month. Date arguments are read by {@link DateArgs}. The clock and the calendar helpers
 * are in {@link DateExtrasLib}.
 */
final class DateLib implements Library {
  @Override
  public void register(BuiltinRegistry r) {
    shift(r, "Day", "days", ChronoUnit.DAYS, true);
    shift(r, "Week", "weeks", ChronoUnit.WEEKS, true);
    shift(r, "Month", "months", ChronoUnit.MONTHS, true);
    shift(r, "Year", "years", ChronoUnit.YEARS, true);
    shift(r, "Hour", "hours", ChronoUnit.HOURS, false);
    shift(r, "Minutes", "minutes", ChronoUnit.MINUTES, false);
    shift(r, "Seconds", "seconds", ChronoUnit.SECONDS, false);
    part(r, "getDay", "day", "Day of the month, 1 to 31", d -> d.getDayOfMonth());
    part(r, "getMonth", "month", "Month of the year, 1 (January) to 12", d -> d.getMonthValue());
    part(r, "getYear", "year", "The year, e.g. 2019", d -> d.getYear());
    part(r, "getHour", "hour", "Hour of the day, 0 to 23", d -> d.getHour());
    part(r, "getMinutes", "minute", "Minute of the hour, 0 to 59", d -> d.getMinute());
    part(r, "getSeconds", "second", "Second of the minute, 0 to 59", d -> d.getSecond());
    part(r, "weekday", "getDayOfWeek", "Day of the week, 1 (Sunday) to 7 (Saturday)",
        d -> d.getDayOfWeek().getValue() % 7 + 1);
    part(r, "getDayOfYear", null, "Day of the year, 1 to 366", d -> d.getDayOfYear());
    r.fn("getWeekOfYear", "Week of the year: weeks start on Sunday (or the given day) and the week holding "
        + "1 January is week 1, also for the December days in it").param("date", ANY).optional("startDay", TEXT)
        .returns("NUMBER").impl(DateArgs.nullable((env, a) -> weekOfYear(env, a)));
    DateDiffs.register(r);
  }

  /** addX and subX for one unit; day-sized units keep a date-only value date-only. */
  private static void shift(BuiltinRegistry r, String unit, String plural, ChronoUnit chrono, boolean keepsDate) {
    String more = keepsDate ? "" : " (the result has a time part)";
    String add = "add" + unit;
    String sub = "sub" + unit;
    r.fn(add, "The date-time plus the given number of " + plural + more).param("date", ANY)
        .param(plural, NUMBER).returns("DATE-TIME").impl(DateArgs.nullable((env, a) ->
            plus(add, date(env, add, a), number(a, 1), chrono, keepsDate)));
    r.fn(sub, "The date-time minus the given number of " + plural + more).param("date", ANY)
        .param(plural, NUMBER).returns("DATE-TIME").impl(DateArgs.nullable((env, a) -> {
          DateTime d = date(env, sub, a);
          long n = number(a, 1);
          if (n == Long.MIN_VALUE) {
            throw error(sub, n + " " + plural + " is out of range");
          }
          return plus(sub, d, -n, chrono, keepsDate);
        }));
  }

  static DateTime plus(String fn, DateTime d, long amount, ChronoUnit unit, boolean keepsDate) {
    LocalDateTime shifted = DateArgs.attempt(fn, () -> d.value().plus(amount, unit));
    return keepsDate ? d.with(shifted) : DateTime.of(shifted);
  }

  /** A part of the date; the alias is registered on its own so that messages name the function as called. */
  private static void part(BuiltinRegistry r, String name, String alias, String doc,
      ToLongFunction<LocalDateTime> get) {
    r.fn(name, doc).param("date", ANY).returns("NUMBER")
        .impl(DateArgs.nullable((env, a) -> get.applyAsLong(date(env, name, a).value())));
    if (alias != null) {
      r.fn(alias, doc + " (same as " + name + ")").param("date", ANY).returns("NUMBER")
          .impl(DateArgs.nullable((env, a) -> get.applyAsLong(date(env, alias, a).value())));
    }
  }

  /** Java's Calendar week numbering (which Zoho uses): week 1 is the week holding 1 January. */
  private static long weekOfYear(Env env, Object[] a) {
    DateTime d = date(env, "getWeekOfYear", a);
    DayOfWeek first = has(a, 1) && a[1] != null ? DateExtrasLib.dayOfWeek("getWeekOfYear", (String) a[1])
        : DayOfWeek.SUNDAY;
    return d.date().get(WeekFields.of(first, 1).weekOfWeekBasedYear());
  }

  /** The first argument, the date the function works on. */
  static DateTime date(Env env, String fn, Object[] a) {
    return DateArgs.date(env, fn, a, 0, "the date");
  }
}
