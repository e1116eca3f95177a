package dev.freshet.builtins;

import static dev.freshet.builtins.ParamType.ANY;

import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.Env;
import java.time.temporal.ChronoUnit;

/**
 * The differences between two date-times, each {@code to − from}, negative when {@code to} is earlier (DECISIONS §25).
 * Zoho documents two month counts and two year counts: monthsBetween / yearsBetween count 30-day months and 365-day
 * years; totalMonths / totalYears count calendar months and years (01-Feb-2019 to 01-Mar-2019 is 0 and 1 month).
 */
final class DateDiffs {
  private DateDiffs() {}

  /** How one difference is computed from the two arguments. */
  @FunctionalInterface
  private interface Diff {
    long between(DateTime from, DateTime to);
  }

  static void register(BuiltinRegistry r) {
    Diff days = (from, to) -> ChronoUnit.DAYS.between(from.value(), to.value());
    diff(r, "daysBetween", "Whole days (24-hour periods) from the first date-time to the second", days);
    diff(r, "days360", "Whole days from the first date to the second (Zoho documents it as the same as "
        + "daysBetween)", days);
    diff(r, "hoursBetween", "Whole hours from the first date-time to the second",
        (from, to) -> ChronoUnit.HOURS.between(from.value(), to.value()));
    diff(r, "monthsBetween", "Whole 30-day months from the first date to the second (the time is ignored)",
        (from, to) -> calendarDays(from, to) / 30);
    diff(r, "yearsBetween", "Whole 365-day years from the first date to the second (the time is ignored)",
        (from, to) -> calendarDays(from, to) / 365);
    Diff months = (from, to) -> ChronoUnit.MONTHS.between(from.date(), to.date());
    diff(r, "totalMonths", "Whole calendar months from the first date to the second (the time is ignored)", months);
    diff(r, "totalMonth", "Whole calendar months from the first date to the second (same as totalMonths)", months);
    diff(r, "monthsDiff", "Whole calendar months from the first date to the second (same as totalMonths)", months);
    Diff years = (from, to) -> ChronoUnit.YEARS.between(from.date(), to.date());
    diff(r, "totalYears", "Whole calendar years from the first date to the second (the time is ignored)", years);
    diff(r, "totalYear", "Whole calendar years from the first date to the second (same as totalYears)", years);
  }

  private static long calendarDays(DateTime from, DateTime to) {
    return ChronoUnit.DAYS.between(from.date(), to.date());
  }

  private static void diff(BuiltinRegistry r, String name, String doc, Diff diff) {
    r.fn(name, doc + "; negative when the second is earlier").param("start", ANY).param("end", ANY)
        .returns("NUMBER").impl(DateArgs.nullable((env, a) -> call(env, name, a, diff)));
  }

  private static long call(Env env, String name, Object[] a, Diff diff) {
    DateTime from = DateArgs.date(env, name, a, 0, "the start date");
    DateTime to = DateArgs.date(env, name, a, 1, "the end date");
    return diff.between(from, to);
  }
}
