package dev.freshet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OpsTest {
  static String text(Object v) {
    return Values.toText(v);
  }

  @Test
  void numberArithmeticStaysNumberAndOverflowIsAnError() {
    assertEquals(7L, Ops.add(5L, 2L));
    assertEquals(-3L, Ops.divide(-7L, 2L));
    assertEquals(-1L, Ops.remainder(-7L, 2L));
    ScriptError e = assertThrows(ScriptError.class, () -> Ops.add(Long.MAX_VALUE, 1L));
    assertTrue(e.getMessage().startsWith("NUMBER overflow"));
    assertThrows(ScriptError.class, () -> Ops.multiply(1L << 62, 2L));
    assertThrows(ScriptError.class, () -> Ops.subtract(Long.MIN_VALUE, 1L));
    assertThrows(ScriptError.class, () -> Ops.negate(Long.MIN_VALUE));
    assertThrows(ScriptError.class, () -> Ops.divide(Long.MIN_VALUE, -1L));
  }

  @Test
  void decimalArithmeticIsExactAndDivisionKeeps16Digits() {
    assertEquals("0.3", text(Ops.add(new BigDecimal("0.1"), new BigDecimal("0.2"))));
    assertEquals("0.3333333333333333", text(Ops.divide(1L, new BigDecimal("3.0"))));
    assertEquals("0.6666666666666667", text(Ops.divide(2L, new BigDecimal("3"))));
    assertEquals("2.5", text(Ops.divide(10L, new BigDecimal("4.0"))));
    assertEquals("59.97", text(Ops.multiply(new BigDecimal("19.99"), 3L)));
  }

  @Test
  void divisionByZeroIsAnError() {
    assertEquals("division by zero", assertThrows(ScriptError.class, () -> Ops.divide(1L, 0L)).getMessage());
    assertThrows(ScriptError.class, () -> Ops.remainder(1L, 0L));
    assertThrows(ScriptError.class, () -> Ops.divide(new BigDecimal("1.5"), new BigDecimal("0.0")));
  }

  @Test
  void plusConcatenatesWhenEitherSideIsText() {
    assertEquals("3x", Ops.add(Ops.add(1L, 2L), "x"));
    assertEquals("ab", Ops.add(Ops.add("a", null), "b"));
    assertEquals("a1,2", Ops.add("a", DelugeCollection.listOf(java.util.List.of(1L, 2L))));
  }

  @Test
  void comparisonRules() {
    assertTrue(Values.same(1L, new BigDecimal("1.0")));
    assertFalse(Values.same("5", 5L));
    assertFalse(Values.same("", null));
    assertTrue(Ops.compare("<", "a", "b") < 0);
    assertTrue(Ops.compare(">", "10", 5L) > 0); // numeric text against a number is read as a number
    assertTrue(Ops.compare("<", new BigDecimal("2.5"), " 3 ") < 0);
    assertTrue(Ops.compare("<", "10", "5") < 0); // two texts: character by character
    ScriptError e = assertThrows(ScriptError.class, () -> Ops.compare("<", "ten", 5L));
    assertEquals("operator '<' cannot be applied to TEXT and NUMBER (TEXT \"ten\" is not a number)", e.getMessage());
    e = assertThrows(ScriptError.class, () -> Ops.compare("<", 5L, true));
    assertEquals("operator '<' cannot be applied to NUMBER and BOOLEAN", e.getMessage());
  }

  @Test
  void typeErrorsNameDelugeTypes() {
    ScriptError e = assertThrows(ScriptError.class, () -> Ops.subtract("a", 1L));
    assertEquals("operator '-' cannot be applied to TEXT and NUMBER", e.getMessage());
    assertEquals("operator '&&' needs BOOLEAN operands, got NUMBER 1", assertThrows(ScriptError.class,
        () -> Ops.truth("operator '&&'", 1L)).getMessage());
  }

  @Test
  void printing() {
    assertEquals("100", text(new BigDecimal("100.0")));
    assertEquals("0", text(new BigDecimal("0.000")));
    assertEquals("12345678901234567890", text(new BigDecimal("1.234567890123456789E+19")));
    DelugeCollection m = DelugeCollection.newMap();
    m.map().put("a", DelugeCollection.listOf(java.util.List.of("x\"y", 1L)));
    m.map().put("b", null);
    assertEquals("{\"a\":[\"x\\\"y\",1],\"b\":null}", text(m));
    DelugeCollection l = DelugeCollection.listOf(java.util.List.of("a", m));
    assertEquals("a,{\"a\":[\"x\\\"y\",1],\"b\":null}", text(l));
    assertEquals("{}", text(DelugeCollection.newEmpty()));
  }
}
