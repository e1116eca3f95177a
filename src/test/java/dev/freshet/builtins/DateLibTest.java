package dev.freshet.builtins;

import static dev.freshet.builtins.Fixture.call;
import static dev.freshet.builtins.Fixture.date;
import static dev.freshet.builtins.Fixture.fails;
import static dev.freshet.builtins.Fixture.list;
import static dev.freshet.builtins.Fixture.on;
import static dev.freshet.builtins.Fixture.prints;
import static dev.freshet.builtins.Fixture.value;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.runtime.DateTime;
import org.junit.jupiter.api.Test;

/** Date-time functions (DELUGE-FACTS 5.6, DECISIONS §25); the fixture's clock is 08-Mar-2024 14:30:15 UTC. */
class DateLibTest {
  @Test
  void clockValues() {
    prints("08-Mar-2024 14:30:15", value("zoho.currenttime"));
    prints("08-Mar-2024 14:30:15", value("now"));
    prints("08-Mar-2024", value("zoho.currentdate"));
    prints("08-Mar-2024", value("TODAY"));
    assertTrue(((DateTime) value("today")).dateOnly());
  }

  @Test
  void addingKeepsTheKindForDaysAndMore() {
    prints("10-Feb-2019 15:00:00", on(date("01-Jan-2019 15:00:00"), "addDay", 40L));
    prints("22-Nov-2018 15:00:00", on(date("01-Jan-2019 15:00:00"), "addDay", -40L));
    prints("22-Mar-2019", on(date("15-Mar-2019"), "addWeek", 1L));
    prints("15-Mar-2020", on(date("15-Mar-2019"), "addYear", 1L));
    prints("28-Feb-2021", on(date("29-Feb-2020"), "addYear", 1L));
    prints("30-Apr-2019", on(date("31-Mar-2019"), "addMonth", 1L));
    prints("28-Feb-2019", on(date("31-Mar-2019"), "subMonth", 1L));
    prints("15-Mar-2019 02:00:00", on(date("15-Mar-2019"), "addHour", 2L));
    prints("14-Mar-2019 23:59:00", on(date("15-Mar-2019"), "subMinutes", 1L));
    prints("15-Mar-2019 00:00:30", on(date("15-Mar-2019"), "addSeconds", 30L));
    prints("08-Mar-2019", on(date("15-Mar-2019"), "subWeek", 1L));
    prints("15-Mar-2018", on(date("15-Mar-2019"), "subYear", 1L));
    assertTrue(((DateTime) on(date("15-Mar-2019"), "addDay", 1L)).dateOnly());
    assertFalse(((DateTime) on(date("15-Mar-2019"), "addHour", 0L)).dateOnly());
    fails("addYear: the resulting date is out of range", () -> on(date("15-Mar-2019"), "addYear", Long.MAX_VALUE));
    prints("16-Mar-2019", on(date("15-Mar-2019"), "addDay", "1")); // numeric text is read as a NUMBER
    fails("addDay expects NUMBER for argument 2 (days), got TEXT \"one\"", () -> on(date("15-Mar-2019"), "addDay",
        "one"));
  }

  @Test
  void parts() {
    DateTime d = date("15-Mar-2019 19:05:09");
    prints("6", on(d, "getDayOfWeek"));
    prints("1", on(date("17-Mar-2019"), "weekday"));
    prints("7", on(date("16-Mar-2019"), "weekday"));
    prints("15", on(d, "day"));
    prints("3", on(d, "month"));
    prints("2019", on(d, "year"));
    prints("19", on(d, "hour"));
    prints("5", on(d, "minute"));
    prints("9", on(d, "second"));
    prints("5", on(d, "getMinutes"));
    prints("9", on(d, "getSeconds"));
    prints("74", on(d, "getDayOfYear"));
    prints("11", on(d, "getWeekOfYear"));
    prints("1", on(date("01-Jan-2022"), "getWeekOfYear"));
  }

  @Test
  void betweenIsSecondMinusFirstInWholeUnits() {
    prints("30", call("daysBetween", date("01-Jan-2020"), date("31-Jan-2020")));
    prints("0", call("daysBetween", date("01-Jan-2020 10:00:00"), date("02-Jan-2020 09:00:00")));
    prints("-1", call("daysBetween", date("02-Jan-2020"), date("01-Jan-2020")));
    prints("23", call("hoursBetween", date("01-Jan-2020 10:00:00"), date("02-Jan-2020 09:59:00")));
    prints("0", call("monthsBetween", date("31-Jan-2020"), date("29-Feb-2020")));
    prints("2", call("monthsBetween", date("15-Jan-2020"), date("15-Mar-2020")));
    prints("-1", call("yearsBetween", date("15-Jan-2021"), date("14-Jan-2020")));
    // Zoho documents days360 as behaving the same as daysBetween
    prints("31", call("days360", date("01-Jan-2020"), date("01-Feb-2020")));
    prints("29", call("days360", date("31-Jan-2020"), date("29-Feb-2020")));
    prints("366", call("days360", date("01-Jan-2020"), date("01-Jan-2021")));
    prints("1", call("totalMonths", date("01-Feb-2019"), date("01-Mar-2019")));
    prints("0", call("monthsBetween", date("01-Feb-2019"), date("01-Mar-2019")));
    prints("0", call("totalYears", date("02-Jan-2020"), date("01-Jan-2021")));
    prints("1", call("yearsBetween", date("02-Jan-2020"), date("01-Jan-2021")));
  }

  @Test
  void calendarHelpers() {
    prints("01-Mar-2019", on(date("15-Mar-2019"), "toStartOfMonth"));
    prints("01-Mar-2019 00:00:00", on(date("15-Mar-2019 10:00:00"), "toStartOfMonth"));
    prints("10-Mar-2019", on(date("15-Mar-2019"), "toStartOfWeek"));
    prints("10-Mar-2019", on(date("10-Mar-2019"), "toStartOfWeek"));
    prints("30-Apr-2019", on(date("15-Mar-2019"), "eomonth", 1L));
    prints("28-Feb-2019", on(date("15-Mar-2019"), "eomonth", -1L));
    prints("30-Apr-2019", on(date("31-Mar-2019"), "edate", 1L));
    prints("26-Jul-2021", on(date("20-Jul-2021"), "nextWeekDay", "Monday"));
    prints("27-Jul-2021", on(date("20-Jul-2021"), "nextWeekDay", "Tuesday"));
    prints("13-Jul-2021", on(date("20-Jul-2021"), "previousWeekDay", "tue"));
    fails("nextWeekDay: \"Funday\" is not a day of the week", () -> on(date("20-Jul-2021"), "nextWeekDay", "Funday"));
  }

  @Test
  void businessDays() {
    prints("18-Mar-2019", on(date("15-Mar-2019"), "workday", 1L));
    prints("30-May-2020", on(date("23-May-2020"), "workday", 5L, list("Sunday"), list(date("25-May-2020"))));
    prints("15-Mar-2019", on(date("15-Mar-2019 10:00:00"), "workday", -2L));
    prints("18-Mar-2019 10:00:00", on(date("15-Mar-2019 10:00:00"), "addBusinessDay", 1L));
    prints("15-Mar-2019", on(date("18-Mar-2019"), "subBusinessDay", 1L));
    prints("18-Mar-2019", on(date("18-Mar-2019"), "addBusinessDay", -2L)); // unchanged, as Zoho documents
  }

  @Test
  void dateTextIsAcceptedWhereADateIsExpected() {
    prints("06-Jan-2024", on("2024-01-05", "addDay", 1L));
    prints("4", call("daysBetween", "01-Jan-2024", date("05-Jan-2024")));
    prints("30-May-2020", on("23-May-2020", "workday", 5L, list("Sunday"), list("25-May-2020")));
    fails("addDay: the date must be a DATE-TIME or date text, got TEXT \"soon\"", () -> on("soon", "addDay", 1L));
    assertNull(on("15-Ma-2019", "addDay", 1L)); // a date's shape with a short month name: null, as Zoho documents
    fails("daysBetween: the end date must be a DATE-TIME or date text, got NULL",
        () -> call("daysBetween", date("15-Mar-2019"), null));
  }

  @Test
  void epoch() {
    prints("1000", on(date("01-Jan-1970 00:00:01"), "unixEpoch"));
    prints("01-Jan-1970 00:00:01", call("toDateTimeString", 1000L));
    prints("1970-01-01 05:30", call("toDateTimeString", 0L, "yyyy-MM-dd HH:mm", "Asia/Kolkata"));
  }
}
