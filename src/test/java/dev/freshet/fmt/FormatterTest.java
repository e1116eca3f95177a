package dev.freshet.fmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The formatter's API: layout, line endings, and refusal of text that does not parse. */
class FormatterTest {
  @Test
  void laysOutStatementsBlocksAndOperatorsAsZohosEditor() {
    String source = "if (a==1) { info a+1; } else { x = {\"k\" : 1, \"j\": [1, 2]}; }\n";
    assertEquals("if(a == 1)\n{\n\tinfo a + 1;\n}\nelse\n{\n\tx = {\"k\":1,\"j\":[1,2]};\n}\n",
        Formatter.format(source));
  }

  @Test
  void keepsCrlfLineEndingsAndEndsWithALineBreak() {
    assertEquals("a = 1;\r\nb = 2;\r\n", Formatter.format("a=1;\r\nb=2;"));
  }

  @Test
  void emptyTextStaysEmpty() {
    assertEquals("", Formatter.format(""));
  }

  @Test
  void refusesTextThatDoesNotParseWithThePositionOfTheProblem() {
    FormatException e = assertThrows(FormatException.class, () -> Formatter.format("x.dg", "a = 1;\nb = ;\n"));
    assertEquals(2, e.diagnostics().get(0).line());
    assertTrue(e.render().startsWith("x.dg:2:5: error: "), e.render());
  }

  @Test
  void textWithCharactersBeyondTheBasicPlaneKeepsItsComments() {
    assertEquals("info \"\uD83D\uDE00\"; // smile\n", Formatter.format("info  \"\uD83D\uDE00\";   // smile"));
  }
}
