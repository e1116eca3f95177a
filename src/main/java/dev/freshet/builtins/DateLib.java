package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.Args.number;
import static dev.freshet.builtins.ParamType.DATE_TIME;
import static dev.freshet.builtins.ParamType.NUMBER;

import dev.freshet.runtime.DateTime;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.WeekFields;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Date-time arithmetic and parts (DELUGE-FACTS 5.6, DECISIONS §25): adding days, weeks, months or years keeps a
 * date-only value date-only; adding hours, minutes or seconds makes it a date-time; addMonth / addYear clamp to
 * the end of the target month. The current time comes from {@link DateExtrasLib}.
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
    part(r, "getWeekOfYear", null, "Week of the year, weeks starting on Sunday and week 1 holding 1 January",
        d -> d.get(WeekFields.of(Locale.US).weekOfYear()));
    between(r, "daysBetween", "Whole days from the first date to the second (negative when it is earlier)",
        ChronoUnit.DAYS);
    between(r, "hoursBetween", "Whole hours from the first date-time to the second (negative when it is earlier)",
        ChronoUnit.HOURS);
    between(r, "monthsBetween", "Whole months from the first date to the second (negative when it is earlier)",
        ChronoUnit.MONTHS);
    between(r, "yearsBetween", "Whole years from the first date to the second (negative when it is earlier)",
        ChronoUnit.YEARS);
  }

  /** addX and subX for one unit; day-sized units keep a date-only value date-only. */
  private static void shift(BuiltinRegistry r, String unit, String plural, ChronoUnit chrono, boolean keepsDate) {
    String more = keepsDate ? "" : " (the result has a time part)";
    r.fn("add" + unit, "The date-time plus the given number of " + plural + more).param("date", DATE_TIME)
        .param(plural, NUMBER).returns("DATE-TIME")
        .impl((env, a) -> plus("add" + unit, Args.date(a[0]), number(a, 1), chrono, keepsDate));
    r.fn("sub" + unit, "The date-time minus the given number of " + plural + more).param("date", DATE_TIME)
        .param(plural, NUMBER).returns("DATE-TIME").impl((env, a) -> {
          long n = number(a, 1);
          if (n == Long.MIN_VALUE) {
            throw error("sub" + unit, n + " " + plural + " is out of range");
          }
          return plus("sub" + unit, Args.date(a[0]), -n, chrono, keepsDate);
        });
  }

  static DateTime plus(String fn, DateTime d, long amount, ChronoUnit unit, boolean keepsDate) {
    LocalDateTime shifted = attempt(fn, () -> d.value().plus(amount, unit));
    return keepsDate ? d.with(shifted) : DateTime.of(shifted);
  }

  private static void part(BuiltinRegistry r, String name, String alias, String doc,
      ToLongFunction<LocalDateTime> get) {
    BuiltinRegistry.Definer def = r.fn(name, doc).param("date", DATE_TIME).returns("NUMBER");
    if (alias != null) {
      def.alias(alias);
    }
    def.impl((env, a) -> get.applyAsLong((Args.date(a[0])).value()));
  }

  private static void between(BuiltinRegistry r, String name, String doc, ChronoUnit unit) {
    r.fn(name, doc).param("from", DATE_TIME).param("to", DATE_TIME).returns("NUMBER")
        .impl((env, a) -> unit.between((Args.date(a[0])).value(), (Args.date(a[1])).value()));
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
