package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.Args.has;
import static dev.freshet.builtins.Args.items;
import static dev.freshet.builtins.Args.number;
import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.LIST;
import static dev.freshet.builtins.ParamType.NUMBER;

import dev.freshet.runtime.DateParsing;
import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.Env;
import dev.freshet.runtime.ScriptError;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * addBusinessDay, subBusinessDay and workday: step over days that are neither weekend days (Saturday and Sunday
 * unless a list of day names is given) nor holidays (a list of dates). Zoho documents that a negative count returns
 * the date unchanged, and that workday returns a date without time.
 */
final class DateBusinessDays {
  private DateBusinessDays() {}

  /** More business days than this are refused (the loop steps one day at a time). */
  static final long MAX_DAYS = 1_000_000;

  static void register(BuiltinRegistry r) {
    String lists = " (weekends: day names, default Saturday and Sunday; holidays: dates); a negative count "
        + "returns the date unchanged";
    r.fn("addBusinessDay", "The date plus n business days" + lists).param("date", ANY).param("days", NUMBER)
        .optional("weekends", LIST).optional("holidays", LIST).returns("DATE-TIME")
        .impl(DateArgs.nullable((env, a) -> step(env, "addBusinessDay", a, 1, false)));
    r.fn("subBusinessDay", "The date minus n business days" + lists).param("date", ANY).param("days", NUMBER)
        .optional("weekends", LIST).optional("holidays", LIST).returns("DATE-TIME")
        .impl(DateArgs.nullable((env, a) -> step(env, "subBusinessDay", a, -1, false)));
    r.fn("workday", "The date (without time) plus n business days" + lists).param("date", ANY)
        .param("days", NUMBER).optional("weekends", LIST).optional("holidays", LIST).returns("DATE-TIME")
        .impl(DateArgs.nullable((env, a) -> step(env, "workday", a, 1, true)));
  }

  /** Steps one day at a time in {@code direction}, counting only days that are neither weekend nor holiday. */
  private static DateTime step(Env env, String fn, Object[] a, int direction, boolean dateOnly) {
    DateTime start = DateLib.date(env, fn, a);
    long n = number(a, 1);
    if (n > MAX_DAYS) {
      throw error(fn, n + " business days is out of range (at most " + MAX_DAYS + ")");
    }
    Set<DayOfWeek> weekend = has(a, 2) && a[2] != null ? weekend(fn, a[2])
        : EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
    if (weekend.size() == 7 && n > 0) {
      throw error(fn, "every day of the week is a weekend day, so no business day can be reached");
    }
    Set<LocalDate> holidays = has(a, 3) && a[3] != null ? holidays(env, fn, a[3]) : Set.of();
    LocalDateTime v = start.value();
    for (long left = n; left > 0; ) {
      LocalDateTime current = v;
      v = DateArgs.attempt(fn, () -> current.plusDays(direction));
      if (!weekend.contains(v.getDayOfWeek()) && !holidays.contains(v.toLocalDate())) {
        left--;
      }
    }
    return dateOnly ? DateTime.ofDate(v.toLocalDate()) : start.with(v);
  }

  private static Set<DayOfWeek> weekend(String fn, Object list) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (Object v : items(list)) {
      if (!(v instanceof String s)) {
        throw error(fn, "a weekend day must be TEXT such as \"Sunday\", got " + Args.describe(v));
      }
      days.add(DateExtrasLib.dayOfWeek(fn, s));
    }
    return days;
  }

  private static Set<LocalDate> holidays(Env env, String fn, Object list) {
    Set<LocalDate> days = new HashSet<>();
    for (Object h : items(list)) {
      DateTime d = h instanceof DateTime t ? t : null;
      if (h instanceof String s) {
        try {
          d = DateParsing.parseText(s, env.zone());
        } catch (ScriptError e) {
          d = null;
        }
      }
      if (d == null) {
        throw error(fn, "a holiday must be a date, got " + Args.describe(h));
      }
      days.add(d.date());
    }
    return days;
  }
}
