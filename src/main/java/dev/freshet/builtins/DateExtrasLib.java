package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.Args.has;
import static dev.freshet.builtins.Args.items;
import static dev.freshet.builtins.Args.number;
import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.DATE_TIME;
import static dev.freshet.builtins.ParamType.LIST;
import static dev.freshet.builtins.ParamType.NUMBER;
import static dev.freshet.builtins.ParamType.TEXT;

import dev.freshet.runtime.DateParsing;
import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.Env;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The clock ({@code now}, {@code today}, {@code zoho.currenttime}, {@code zoho.currentdate}, read from the engine's
 * clock and zone, DECISIONS §26) and the calendar helpers: start / end of month, business days, weekdays, epoch.
 */
final class DateExtrasLib implements Library {
  @Override
  public void register(BuiltinRegistry r) {
    r.value("zoho.currenttime", "The current date and time in the engine's time zone", DateExtrasLib::now);
    r.value("now", "The current date and time in the engine's time zone", DateExtrasLib::now);
    r.value("zoho.currentdate", "Today's date (no time part) in the engine's time zone", DateExtrasLib::today);
    r.value("today", "Today's date (no time part) in the engine's time zone", DateExtrasLib::today);
    r.fn("toStartOfMonth", "The first day of the date's month, at 00:00:00").param("date", DATE_TIME)
        .returns("DATE-TIME").impl((env, a) -> atDay(Args.date(a[0]), date(a).withDayOfMonth(1)));
    r.fn("toStartOfWeek", "The Sunday on or before the date, at 00:00:00").param("date", DATE_TIME)
        .returns("DATE-TIME").impl((env, a) ->
            atDay(Args.date(a[0]), date(a).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY))));
    r.fn("eomonth", "The last day of the month that is the given number of months after the date's month")
        .param("date", DATE_TIME).param("months", NUMBER).returns("DATE-TIME").impl((env, a) -> atDay(
            Args.date(a[0]), DateLib.attempt("eomonth", () -> date(a).plusMonths(number(a, 1)))
                .with(TemporalAdjusters.lastDayOfMonth())));
    r.fn("edate", "The same day the given number of months later (clamped to the month's end)")
        .param("date", DATE_TIME).param("months", NUMBER).returns("DATE-TIME")
        .impl((env, a) -> DateLib.plus("edate", Args.date(a[0]), number(a, 1), ChronoUnit.MONTHS, true));
    r.fn("days360", "Days between two dates on a 360-day year (twelve 30-day months, US method)")
        .param("from", DATE_TIME).param("to", DATE_TIME).returns("NUMBER")
        .impl((env, a) -> days360((Args.date(a[0])).date(), (Args.date(a[1])).date()));
    r.fn("nextWeekDay", "The next date after this one that falls on the named day (\"Monday\" ...)")
        .param("date", DATE_TIME).param("day", TEXT).returns("DATE-TIME")
        .impl((env, a) -> weekDay("nextWeekDay", a, true));
    r.fn("previousWeekDay", "The last date before this one that falls on the named day (\"Monday\" ...)")
        .param("date", DATE_TIME).param("day", TEXT).returns("DATE-TIME")
        .impl((env, a) -> weekDay("previousWeekDay", a, false));
    r.fn("unixEpoch", "Milliseconds since 1970-01-01 00:00:00 UTC").param("date", DATE_TIME).returns("NUMBER")
        .impl((env, a) -> ConvertLib.epochMillis(Args.date(a[0]), env.zone()));
    r.fn("toDateTimeString", "Epoch milliseconds (or a date) as text in a Java date pattern (default "
        + "dd-MMM-yyyy HH:mm:ss) and time zone").param("value", ANY).optional("pattern", TEXT)
        .optional("timeZone", TEXT).returns("TEXT").impl((env, a) -> ConvertLib.toText(env, a[0],
            has(a, 1) && a[1] != null ? (String) a[1] : "dd-MMM-yyyy HH:mm:ss", has(a, 2) ? (String) a[2] : null));
    registerBusinessDays(r);
  }

  private void registerBusinessDays(BuiltinRegistry r) {
    r.fn("addBusinessDay", "The date plus n business days (Monday to Friday unless weekend day names are "
        + "given; holiday dates are skipped too)").param("date", DATE_TIME).param("days", NUMBER)
        .optional("weekends", LIST).optional("holidays", LIST).returns("DATE-TIME")
        .impl((env, a) -> businessDays("addBusinessDay", a, 1, false));
    r.fn("subBusinessDay", "The date minus n business days (Monday to Friday unless weekend day names are "
        + "given; holiday dates are skipped too)").param("date", DATE_TIME).param("days", NUMBER)
        .optional("weekends", LIST).optional("holidays", LIST).returns("DATE-TIME")
        .impl((env, a) -> businessDays("subBusinessDay", a, -1, false));
    r.fn("workday", "The date (without time) plus n business days; a negative n returns the date unchanged")
        .param("date", DATE_TIME).param("days", NUMBER).optional("weekends", LIST).optional("holidays", LIST)
        .returns("DATE-TIME").impl((env, a) -> businessDays("workday", a, 1, true));
  }

  static DateTime now(Env env) {
    return DateTime.of(LocalDateTime.ofInstant(env.now(), env.zone()).truncatedTo(ChronoUnit.MILLIS));
  }

  static DateTime today(Env env) {
    return DateTime.ofDate(LocalDate.ofInstant(env.now(), env.zone()));
  }

  private static LocalDate date(Object[] a) {
    return (Args.date(a[0])).date();
  }

  /** A day at 00:00:00, as the same kind of value (date-only or date-time) as {@code like}. */
  private static DateTime atDay(DateTime like, LocalDate day) {
    return new DateTime(day.atStartOfDay(), like.dateOnly());
  }

  /** The US (NASD) 30/360 rule, as spreadsheets' DAYS360 computes it. */
  static long days360(LocalDate from, LocalDate to) {
    int d1 = from.getDayOfMonth();
    int d2 = to.getDayOfMonth();
    boolean fromFebEnd = from.getMonthValue() == 2 && d1 == from.lengthOfMonth();
    boolean toFebEnd = to.getMonthValue() == 2 && d2 == to.lengthOfMonth();
    if (fromFebEnd && toFebEnd) {
      d2 = 30;
    }
    if (fromFebEnd) {
      d1 = 30;
    }
    if (d2 == 31 && d1 >= 30) {
      d2 = 30;
    }
    if (d1 == 31) {
      d1 = 30;
    }
    return 360L * (to.getYear() - from.getYear()) + 30L * (to.getMonthValue() - from.getMonthValue()) + d2 - d1;
  }

  private static DateTime weekDay(String fn, Object[] a, boolean forward) {
    DayOfWeek day = dayOfWeek(fn, (String) a[1]);
    DateTime d = Args.date(a[0]);
    LocalDateTime v = d.value();
    return d.with(v.with(forward ? TemporalAdjusters.next(day) : TemporalAdjusters.previous(day)));
  }

  static DayOfWeek dayOfWeek(String fn, String name) {
    String n = name.trim().toUpperCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      if (n.length() >= 3 && d.name().startsWith(n)) {
        return d;
      }
    }
    throw error(fn, "\"" + name + "\" is not a day of the week (use Sunday, Monday, ... Saturday)");
  }

  /** Steps one day at a time in {@code direction}, counting only days that are neither weekend nor holiday. */
  private static DateTime businessDays(String fn, Object[] a, int direction, boolean dateOnly) {
    DateTime start = Args.date(a[0]);
    long n = number(a, 1);
    if (n < 0 && fn.equals("workday")) {
      return dateOnly ? DateTime.ofDate(start.date()) : start;
    }
    if (n < 0) {
      n = -n;
      direction = -direction;
    }
    if (n > 1_000_000) {
      throw error(fn, n + " business days is out of range");
    }
    Set<DayOfWeek> weekend = has(a, 2) && a[2] != null ? weekend(fn, a[2])
        : EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    if (weekend.size() == 7) {
      throw error(fn, "every day of the week is a weekend day");
    }
    Set<LocalDate> holidays = new HashSet<>();
    if (has(a, 3) && a[3] != null) {
      for (Object h : items(a[3])) {
        DateTime d = h instanceof String s ? DateParsing.parseLiteral(s) : h instanceof DateTime t ? t : null;
        if (d != null) {
          holidays.add(d.date());
        }
      }
    }
    LocalDateTime v = start.value();
    for (long left = n; left > 0; ) {
      v = v.plusDays(direction);
      if (!weekend.contains(v.getDayOfWeek()) && !holidays.contains(v.toLocalDate())) {
        left--;
      }
    }
    return dateOnly ? DateTime.ofDate(v.toLocalDate()) : start.with(v);
  }

  private static Set<DayOfWeek> weekend(String fn, Object list) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (Object v : items(list)) {
      days.add(dayOfWeek(fn, String.valueOf(v)));
    }
    return days;
  }
}
