package dev.freshet.builtins;

import static dev.freshet.builtins.Fixture.call;
import static dev.freshet.builtins.Fixture.dec;
import static dev.freshet.builtins.Fixture.on;
import static dev.freshet.builtins.Fixture.prints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.runtime.Type;
import dev.freshet.runtime.Values;
import org.junit.jupiter.api.Test;

/** truncate, text and the number patterns of toString; getDate's ordinals. */
class NumberFormattingTest {
  @Test
  void numberPatternsHaveDigitsAndNoLetters() {
    for (String p : new String[] {"#", "0", "#,##0.00", "##,###.00", "0.0%", "000", "$#,##0", "#.##;(#.##)"}) {
      assertTrue(NumberFormatting.isNumberPattern(p), p);
    }
    for (String p : new String[] {"", ",", "yyyy", "dd-MM-yyyy", "HH:mm", "0 'days'", "#E0"}) {
      assertFalse(NumberFormatting.isNumberPattern(p), p);
    }
  }

  @Test
  void textRoundsHalfUpWithEnglishSymbols() {
    assertEquals("1,234.50", call("text", dec("1234.5"), "#,##0.00"));
    assertEquals("0.13", call("text", dec("0.125"), "0.00"));
    assertEquals("-0.13", call("text", dec("-0.125"), "0.00"));
    assertEquals("1,000", on(1000L, "toString", "#,###"));
    assertEquals("01-01-1970", on(0L, "toString", "dd-MM-yyyy"));
  }

  @Test
  void truncateCutsTowardZeroAndIsDecimal() {
    prints("25.12", call("truncate", dec("25.129"), 2L));
    prints("-25.12", call("truncate", dec("-25.129"), 2L));
    prints("9700", call("truncate", dec("9789.852"), -2L));
    prints("0", call("truncate", dec("0.999"), 0L));
    assertEquals(Type.DECIMAL, Values.typeOf(call("truncate", 5L, 0L)));
  }

  @Test
  void ordinalsFollowEnglish() {
    String[] want = {"th", "st", "nd", "rd", "th"};
    for (int n = 0; n <= 4; n++) {
      assertEquals(want[n], DatePresentation.ordinal(n));
    }
    for (int n : new int[] {11, 12, 13, 111, 112, 113}) {
      assertEquals("th", DatePresentation.ordinal(n), String.valueOf(n));
    }
    assertEquals("st", DatePresentation.ordinal(21));
    assertEquals("nd", DatePresentation.ordinal(22));
    assertEquals("rd", DatePresentation.ordinal(31 - 8));
  }
}
