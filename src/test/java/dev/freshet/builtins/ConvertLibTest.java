package dev.freshet.builtins;

import static dev.freshet.builtins.Fixture.call;
import static dev.freshet.builtins.Fixture.date;
import static dev.freshet.builtins.Fixture.dec;
import static dev.freshet.builtins.Fixture.fails;
import static dev.freshet.builtins.Fixture.list;
import static dev.freshet.builtins.Fixture.map;
import static dev.freshet.builtins.Fixture.on;
import static dev.freshet.builtins.Fixture.prints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.FileValue;
import dev.freshet.runtime.Type;
import dev.freshet.runtime.Values;
import org.junit.jupiter.api.Test;

/** Conversions and type checks (DELUGE-FACTS 5.7). The fixture's zone is UTC. */
class ConvertLibTest {
  @Test
  void toLong() {
    assertEquals(99L, call("toLong", dec("99.9")));
    assertEquals(-99L, call("toNumber", dec("-99.9")));
    assertEquals(1000L, call("toLong", "1000"));
    assertEquals(12L, call("toNumber", " 12 "));
    assertEquals(12L, call("toLong", "12.7"));
    fails("toLong: cannot convert TEXT \"1000abc\" to NUMBER", () -> call("toLong", "1000abc"));
    fails("toLong: cannot convert TEXT \"\" to NUMBER", () -> call("toLong", ""));
    fails("toLong: cannot convert NULL to NUMBER", () -> call("toLong", (Object) null));
    fails("toLong: cannot convert BOOLEAN true to NUMBER", () -> call("toLong", true));
    fails("toLong: 1000000000000000000000000000000 is too large for a NUMBER", () -> call("toLong", dec("1E+30")));
    assertEquals(0L, call("toLong", date("01-Jan-1970 00:00:00")));
    assertEquals(1000L, call("toLong", date("01-Jan-1970 00:00:01")));
  }

  @Test
  void toDecimal() {
    prints("100", call("toDecimal", "100"));
    prints("99.9", call("toDecimal", dec("99.9")));
    assertEquals(Type.DECIMAL, Values.typeOf(call("toDecimal", 5L)));
    fails("toDecimal: cannot convert TEXT \"1e3\" to DECIMAL", () -> call("toDecimal", "1e3"));
    fails("toDecimal: cannot convert TEXT \"\" to DECIMAL", () -> call("toDecimal", ""));
  }

  @Test
  void toStringWithAndWithoutPattern() {
    prints("12", call("toString", 12L));
    prints("2.5", call("toText", dec("2.50")));
    prints("a,b", call("toString", list("a", "b")));
    prints("{\"a\":1}", on(map("a", 1), "toString"));
    prints("", call("toString", (Object) null));
    prints("15-Mar-2019", on(date("15-Mar-2019"), "toString"));
    prints("2019-03-15 10:30", on(date("15-Mar-2019 10:30:00"), "toString", "yyyy-MM-dd HH:mm"));
    prints("2019-03-15 16:00", on(date("15-Mar-2019 10:30:00"), "toString", "yyyy-MM-dd HH:mm", "Asia/Kolkata"));
    prints("1970-01-01", on(0L, "toString", "yyyy-MM-dd"));
    prints("15/03/2019", on("2019-03-15", "toString", "dd/MM/yyyy"));
    prints("Friday", on(date("15-Mar-2019"), "toString", "EEEE"));
    assertNull(on(date("15-Mar-2019"), "toString", "yyyy-MM-dd bogus"));
    fails("toString: cannot format TEXT \"abc\" as a date", () -> on("abc", "toString", "yyyy"));
    fails("toString: \"Mars/Base\" is not a time zone", () -> on(date("15-Mar-2019"), "toString", "yyyy", "Mars/Base"));
  }

  @Test
  void toDateAndToTime() {
    DateTime d = (DateTime) call("toDate", "15-Mar-2019 10:30:00");
    assertTrue(d.dateOnly());
    prints("15-Mar-2019", d);
    prints("15-Mar-2019 10:30:00", call("toTime", "15-Mar-2019 10:30:00"));
    prints("15-Mar-2019 00:00:00", call("toTime", "2019-03-15"));
    prints("15-Jan-2019", call("toDate", "01/15/2019"));
    prints("15-Jan-2019", call("toDate", "15012019", "ddMMyyyy"));
    prints("15-Jan-2019 04:30:00", call("toTime", "2019-01-15 10:00", "yyyy-MM-dd HH:mm", "Asia/Kolkata"));
    prints("01-Jan-1970 00:00:01", call("toTime", 1000L));
    prints("15-Mar-2019", call("toDate", date("15-Mar-2019 10:30:00")));
    prints("15-Jan-2019 10:00:00", call("toTime", "2019-01-15T10:00:00Z"));
    fails("toDate: cannot convert TEXT \"hello\" to DATE-TIME", () -> call("toDate", "hello"));
    fails("toDate: day 31 is not valid for February 2019", () -> call("toDate", "31-Feb-2019"));
    fails("toDate: \"2019-13-01\" has an invalid month 13", () -> call("toDate", "2019-13-01", "yyyy-MM-dd"));
    fails("toTime: \"x\" does not match the date pattern", () -> call("toTime", "x", "yyyy"));
  }

  @Test
  void nullAndEmptyChecks() {
    prints("true", call("isNull", ""));
    prints("false", call("isNull", DelugeCollection.newList()));
    prints("true", call("isEmpty", (Object) null));
    prints("true", call("isEmpty", DelugeCollection.newEmpty()));
    prints("false", call("isEmpty", 0L));
    prints("true", call("isBlank", "\t \n"));
    prints("true", call("isBlank", (Object) null));
    prints("false", call("isBlank", "x"));
    prints("true", call("isBlank", DelugeCollection.newMap()));
  }

  @Test
  void typeChecks() {
    prints("true", call("isNumber", 5L));
    prints("true", call("isNumber", dec("5.5")));
    prints("true", call("isNumber", " -5.5 "));
    prints("false", call("isNumber", "5a"));
    prints("true", call("isDate", date("15-Mar-2019")));
    prints("true", call("isDate", "15-Mar-2019"));
    prints("false", call("isDate", "31-Feb-2019"));
    prints("false", call("isDate", "hello"));
    prints("true", call("isText", "x"));
    prints("false", call("isText", 1L));
    prints("true", call("isFile", new FileValue("a.txt", "text/plain", new byte[0])));
    prints("fallback", call("ifnull", null, "fallback"));
    prints("", call("ifnull", "", "fallback"));
  }
}
