package dev.freshet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one set of conversion rules (docs/language.md, Conversions), value by value. */
class CoercionsTest {
  @Test
  void scalarsBecomeTheirTextCollectionsAndNullDoNot() {
    assertEquals("12345", Coercions.toText(12345L));
    assertEquals("2.5", Coercions.toText(new BigDecimal("2.50")));
    assertEquals("true", Coercions.toText(true));
    assertEquals("15-Mar-2019", Coercions.toText(DateParsing.parseLiteral("15-Mar-2019")));
    assertNull(Coercions.toText(DelugeCollection.listOf(List.of("a"))));
    assertNull(Coercions.toText(DelugeCollection.newMap()));
    assertNull(Coercions.toText(null));
  }

  @Test
  void wholeNumbersInTextOrDecimalBecomeNumbers() {
    assertEquals(0L, Coercions.toNumber("0"));
    assertEquals(-3L, Coercions.toNumber(" -3 "));
    assertEquals(7L, Coercions.toNumber("+7"));
    assertEquals(2L, Coercions.toNumber("2.0"));
    assertEquals(2L, Coercions.toNumber(new BigDecimal("2.00")));
    assertNull(Coercions.toNumber("1.5"));
    assertNull(Coercions.toNumber(new BigDecimal("1.5")));
    assertNull(Coercions.toNumber("first"));
    assertNull(Coercions.toNumber(""));
    assertNull(Coercions.toNumber("1,000"));
    assertNull(Coercions.toNumber("1e3"));
    assertNull(Coercions.toNumber("99999999999999999999")); // beyond a NUMBER
    assertNull(Coercions.toNumber(true));
  }

  @Test
  void numberTextKeepsItsKind() {
    assertEquals(12L, Coercions.toNumeric("12"));
    assertEquals(new BigDecimal("-3.5"), Coercions.toNumeric("-3.5"));
    assertEquals(new BigDecimal(".5"), Coercions.toNumeric("+.5"));
    assertEquals(new BigDecimal("99999999999999999999"), Coercions.toNumeric("99999999999999999999"));
    assertNull(Coercions.toNumeric("12 kg"));
    assertEquals(new BigDecimal("4"), Coercions.to(Type.DECIMAL, 4L));
  }

  @Test
  void dateTextBecomesADate() {
    assertEquals(DateParsing.parseLiteral("15-Mar-2019"), Coercions.toDateTime("15-Mar-2019"));
    assertNull(Coercions.toDateTime("tomorrow"));
    assertNull(Coercions.toDateTime(5L)); // a number is never a date
  }

  @Test
  void nothingElseConverts() {
    assertNull(Coercions.to(Type.BOOLEAN, "true"));
    assertEquals(Boolean.TRUE, Coercions.to(Type.BOOLEAN, true));
    assertNull(Coercions.to(Type.LIST, "a,b"));
  }

  @Test
  void orderingReadsTheTextAsTheOtherSidesType() {
    assertEquals(5L, Coercions.toOrderAgainst(-1L, "5"));
    assertEquals(DateParsing.parseLiteral("2024-01-15"), Coercions.toOrderAgainst(
        DateParsing.parseLiteral("20-Jan-2024"), "2024-01-15"));
    assertNull(Coercions.toOrderAgainst(true, "5"));
    assertNull(Coercions.toOrderAgainst(1L, "five"));
  }
}
