package dev.freshet.builtins;

import static dev.freshet.builtins.ParamType.ANY;
import static dev.freshet.builtins.ParamType.BOOLEAN;
import static dev.freshet.builtins.ParamType.NUMBER;

import dev.freshet.runtime.DateTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code getDate} and {@code getDateTime}: a date as presentable TEXT, as Zoho's help pages show it
 * ({@code '17-Jan-2018 10:10:37'.getDateTime(12, true)} is {@code 17th January 2018,10:10:37 AM}).
 */
final class DatePresentation {
  private DatePresentation() {}

  private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter H12 = DateTimeFormatter.ofPattern("hh:mm", Locale.ENGLISH);
  private static final DateTimeFormatter H24 = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  static void register(BuiltinRegistry r) {
    r.fn("getDate", "The date as presentable text: the day with its ordinal suffix, the month's name and the year"
        + " (17th January 2018)").param("date", ANY).returns("TEXT")
        .impl(DateArgs.nullable((env, a) -> date(DateArgs.date(env, "getDate", a, 0, "the date").value())));
    r.fn("getDateTime", "The date and time as presentable text (17th January 2018,10:10 AM): format 12 (default) or"
            + " 24 hours; seconds shown when showSeconds is true")
        .param("date", ANY).optional("format", NUMBER).optional("showSeconds", BOOLEAN).returns("TEXT")
        .impl(DateArgs.nullable((env, a) -> {
          DateTime d = DateArgs.date(env, "getDateTime", a, 0, "the date");
          long format = Args.has(a, 1) ? Args.number(a, 1) : 12;
          if (format != 12 && format != 24) {
            throw Args.error("getDateTime", "format must be 12 or 24, got " + format);
          }
          return date(d.value()) + "," + time(d.value(), format == 12, Args.flag(a, 2, false));
        }));
  }

  static String date(LocalDateTime t) {
    int day = t.getDayOfMonth();
    return day + ordinal(day) + " " + MONTH_YEAR.format(t);
  }

  private static String time(LocalDateTime t, boolean twelve, boolean seconds) {
    String text = (twelve ? H12 : H24).format(t);
    if (seconds) {
      text += String.format(Locale.ROOT, ":%02d", t.getSecond());
    }
    return twelve ? text + (t.getHour() < 12 ? " AM" : " PM") : text;
  }

  /** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd, 23rd … 31st. */
  static String ordinal(int n) {
    if (n % 100 >= 11 && n % 100 <= 13) {
      return "th";
    }
    return switch (n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
  }
}
