package dev.freshet.builtins;

import static dev.freshet.builtins.Fixture.call;
import static dev.freshet.builtins.Fixture.dec;
import static dev.freshet.builtins.Fixture.fails;
import static dev.freshet.builtins.Fixture.on;
import static dev.freshet.builtins.Fixture.prints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.runtime.Type;
import dev.freshet.runtime.Values;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Math functions (DECISIONS §12, DELUGE-FACTS 5.2). */
class NumberLibTest {
  @Test
  void roundIsHalfUpAndDecimal() {
    prints("3", call("round", dec("2.5")));
    prints("-3", call("round", dec("-2.5")));
    prints("2.35", call("round", dec("2.345"), 2L));
    prints("1230", call("round", 1234L, -1L));
    assertEquals(Type.DECIMAL, Values.typeOf(call("round", 2L, 0L)));
    prints("3.14", on("3.14159", "round", 2L));
  }

  @Test
  void ceilFloorAbs() {
    assertEquals(3L, call("ceil", dec("2.1")));
    assertEquals(-2L, call("ceil", dec("-2.9")));
    assertEquals(2L, call("floor", dec("2.9")));
    assertEquals(-3L, call("floor", dec("-2.1")));
    assertEquals(5L, call("abs", -5L));
    prints("2.5", call("abs", dec("-2.5")));
    assertEquals(Type.DECIMAL, Values.typeOf(call("abs", dec("-2.5"))));
    assertEquals(12L, call("abs", "-12"));
    fails("abs expects NUMBER or DECIMAL for argument 1 (number), got TEXT \"x\"", () -> call("abs", "x"));
    fails("abs: the result 9223372036854775808 is too large for a NUMBER", () -> call("abs", Long.MIN_VALUE));
  }

  @Test
  void decimalResults() {
    prints("1.414213562373095", call("sqrt", 2L));
    prints("3", call("sqrt", 9L));
    fails("sqrt: cannot take the square root of a negative number", () -> call("sqrt", -1L));
    prints("1024", call("power", 2L, 10L));
    prints("0.25", call("power", 2L, -2L));
    prints("1.414213562373095", call("power", 2L, dec("0.5")));
    fails("power: 0 cannot be raised to a negative exponent", () -> call("power", 0L, -1L));
    prints("2.718281828459045", call("exp", 1L));
    prints("1", call("log", call("exp", 1L)));
    prints("0", call("sin", 0L));
    prints("1", call("cos", 0L));
    fails("log: the number must be above 0, got NUMBER 0", () -> call("log", 0L));
    fails("power: a negative number (-8) cannot be raised to a fractional exponent", () -> call("power", -8L, dec("0.5")));
    assertEquals(Type.DECIMAL, Values.typeOf(call("power", 2L, 3L)));
  }

  @Test
  void minMaxParityHex() {
    assertEquals(2L, call("min", 2L, 3L));
    prints("3.5", call("max", 2L, dec("3.5")));
    prints("true", call("isEven", 4L));
    prints("true", on(-3L, "isOdd"));
    prints("ff", call("toHex", 255L));
  }

  @Test
  void randomNumberIsInStartInclusiveEndExclusive() {
    Set<Object> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      seen.add(call("randomNumber", 1L, 3L));
    }
    assertEquals(Set.of(1L, 2L), seen);
    for (int i = 0; i < 100; i++) {
      BigDecimal d = (BigDecimal) call("randomNumber", dec("1.5"), 2L);
      assertTrue(d.compareTo(dec("1.5")) >= 0 && d.compareTo(dec("2")) < 0);
    }
    assertEquals(5L, call("randomNumber", 5L, 5L));
    fails("randomNumber: start NUMBER 5 is above end NUMBER 1", () -> call("randomNumber", 5L, 1L));
  }
}
