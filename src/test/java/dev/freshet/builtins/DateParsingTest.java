package dev.freshet.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.runtime.DateParsing;
import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.ScriptError;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Single-quoted literal shapes (DELUGE-FACTS §1) and Java-pattern parsing for toDate / toTime. */
class DateParsingTest {
  private static String lit(String text) {
    DateTime d = DateParsing.parseLiteral(text);
    return d == null ? null : d.toString();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "15-Aug-1947|15-Aug-1947",
      "15-Aug-47|15-Aug-2047",
      "15-Aug-52|15-Aug-1952",
      "15-August-1947|15-Aug-1947",
      "15-aug-1947|15-Aug-1947",
      "15-AUG-1947|15-Aug-1947",
      "15-Aug-1947 19:00:00|15-Aug-1947 19:00:00",
      "15-Aug-1947 19:05|15-Aug-1947 19:05:00",
      "2019-03-15|15-Mar-2019",
      "2019/03/15|15-Mar-2019",
      "2019.03.15|15-Mar-2019",
      "15-03-2019|15-Mar-2019",
      "03-15-2019|15-Mar-2019",
      "05-04-2019|05-Apr-2019",
      "15/03/2019|15-Mar-2019",
      "03/15/2019|15-Mar-2019",
      "15.03.2019|15-Mar-2019",
      "15 03 2019|15-Mar-2019",
      "15-03-19|15-Mar-2019",
      "19-03-31|19-Mar-2031",
      "99-12-31|31-Dec-1999",
      "1-3-2019|01-Mar-2019",
      "15 Mar,2019|15-Mar-2019",
      "15 Mar, 19|15-Mar-2019",
      "Mar 15,2019|15-Mar-2019",
      "March 15, 2019|15-Mar-2019",
      "Friday,March 15,2019|15-Mar-2019",
      "Fri,Mar 15,2019|15-Mar-2019",
      "Mar 15 2019|15-Mar-2019",
      "15 Mar 2019|15-Mar-2019",
      "15 March 19|15-Mar-2019",
      "Sept 15 2019|15-Sep-2019",
      "2024-03-08 14:30:00|08-Mar-2024 14:30:00",
      "31-Dec-1969 16:00:01|31-Dec-1969 16:00:01",
      "70-01-01|01-Jan-1970",
      "15-Mar-2019 10:30:00 PM|15-Mar-2019 22:30:00",
  })
  void documentedShapes(String text, String printed) {
    assertEquals(printed, lit(text));
  }

  @Test
  void dateOnlyUnlessThereIsATime() {
    assertTrue(DateParsing.parseLiteral("15-Mar-2019").dateOnly());
    assertTrue(!DateParsing.parseLiteral("15-Mar-2019 00:00:00").dateOnly());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "15-Mar-2019 24:10:10|15-Mar-2019 00:00:00",
      "15-Mar-2019 10:60:10|15-Mar-2019 10:00:00",
      "15-Mar-2019 10:20:60|15-Mar-2019 10:20:00",
  })
  void outOfRangeTimePartsReset(String text, String printed) {
    assertEquals(printed, lit(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"hello", "", "a,b", "12", "1.5", "it's", "Mr 15 2019", "15-Ma-2019", "15-Mar-12019",
      "123-Mar-2019", "31-Feb-2019", "15-Foo-2019", "15-Mar-2019 100:00:00", "2019-03-15T10:00:00", "10:30",
      "15-13-2019", "{\"a\":1}", " 15-Mar-2019"})
  void otherTextIsNotADate(String text) {
    assertNull(lit(text));
  }

  @Test
  void toDateTextReportsInvalidParts() {
    ZoneId utc = ZoneOffset.UTC;
    assertThrows(ScriptError.class, () -> DateParsing.parseText("31-Feb-2019", utc));
    assertThrows(ScriptError.class, () -> DateParsing.parseText("15-Foo-2019", utc));
    assertThrows(ScriptError.class, () -> DateParsing.parseText("15-Mar-2019 100:00:00", utc));
    assertNull(DateParsing.parseText("15-Ma-2019", utc));
    assertNull(DateParsing.parseText("hello", utc));
    // a month is its full name or 3-letter abbreviation (or Sept); other starts of a name are wrong names
    assertThrows(ScriptError.class, () -> DateParsing.parseText("15-Marc-2019", utc));
    assertThrows(ScriptError.class, () -> DateParsing.parseText("2019-01-15T10:00:00+99:99", utc));
  }

  @ParameterizedTest
  @ValueSource(strings = {"15-Ma-2019", "150-Mar-2019", "15-Mar-20190", "Ma 15 2019", "123-03-2019",
      "15-Ma-2019 10:00:00"})
  void textLaidOutLikeADateHasADateShape(String text) {
    assertTrue(DateParsing.hasDateShape(text));
    assertNull(DateParsing.parseText(text, ZoneOffset.UTC));
  }

  @ParameterizedTest
  @ValueSource(strings = {"hello", "", "12", "10:30", "Friday", "15-Mar"})
  void otherTextHasNoDateShape(String text) {
    assertTrue(!DateParsing.hasDateShape(text));
  }

  @Test
  void patternPartsJavaTimeCannotHoldAreDelugeErrors() {
    assertThrows(ScriptError.class, () -> DateParsing.parse("2019 400", "yyyy DDD", ZoneOffset.UTC));
    assertThrows(ScriptError.class, () -> DateParsing.parse("10:00 +24", "HH:mm X", ZoneOffset.UTC));
    assertNull(DateParsing.formatter("GGGGGG"));
    assertEquals("000000002019", DateParsing.format(DateParsing.parseLiteral("15-Jan-2019"), "yyyyyyyyyyyy",
        ZoneOffset.UTC, ZoneOffset.UTC));
  }

  @Test
  void isoTextWithOffsetConvertsToTheEngineZone() {
    assertEquals("15-Jan-2019 04:30:00",
        DateParsing.parseText("2019-01-15T10:00:00+05:30", ZoneOffset.UTC).toString());
    assertEquals("15-Jan-2019 10:00:00", DateParsing.parseText("2019-01-15T10:00:00Z", ZoneOffset.UTC).toString());
    assertEquals("15-Jan-2019 10:00:00", DateParsing.parseText("2019-01-15T10:00:00.123Z", ZoneOffset.UTC)
        .toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2019-01-15|yyyy-MM-dd|15-Jan-2019 00:00:00",
      "15/01/2019 10:30|dd/MM/yyyy HH:mm|15-Jan-2019 10:30:00",
      "1/2/2019|dd/MM/yyyy|01-Feb-2019 00:00:00",
      "20190115|yyyyMMdd|15-Jan-2019 00:00:00",
      "Jan 15, 2019 10:30 PM|MMM dd, yyyy hh:mm a|15-Jan-2019 22:30:00",
      "15-january-2019|dd-MMMM-yyyy|15-Jan-2019 00:00:00",
      "2019-01-15T10:00:00+0530|yyyy-MM-dd'T'HH:mm:ssZ|15-Jan-2019 04:30:00",
      "15-01-19|dd-MM-yy|15-Jan-2019 00:00:00",
      "2019-01-15 trailing text|yyyy-MM-dd|15-Jan-2019 00:00:00",
      "03/2019|MM/yyyy|01-Mar-2019 00:00:00",
  })
  void javaPatterns(String text, String pattern, String printed) {
    assertEquals(printed, DateParsing.parse(text, pattern, ZoneOffset.UTC).toString());
  }

  @Test
  void patternMismatchOrInvalidDayIsAnError() {
    assertThrows(ScriptError.class, () -> DateParsing.parse("hello", "yyyy-MM-dd", ZoneOffset.UTC));
    assertThrows(ScriptError.class, () -> DateParsing.parse("2019-02-31", "yyyy-MM-dd", ZoneOffset.UTC));
    assertThrows(ScriptError.class, () -> DateParsing.parse("2019-02-01", "yyyy-MM-dd bogus", ZoneOffset.UTC));
  }

  @Test
  void formatterRejectsUnknownPatternLetters() {
    assertNull(DateParsing.formatter("yyyy-MM-dd bogus"));
    assertEquals("2019-01-15T10:00:00", DateParsing.format(DateParsing.parseLiteral("15-Jan-2019 10:00:00"),
        "yyyy-MM-dd'T'HH:mm:ss", ZoneOffset.UTC, ZoneOffset.UTC));
    assertEquals("Sat, 5 January 19 x's 000 +0000", DateParsing.format(
        DateParsing.parseLiteral("05-Jan-2019 10:00:00"), "EEE, d MMMM yy 'x''s' SSS Z", ZoneOffset.UTC,
        ZoneOffset.UTC));
  }
}
