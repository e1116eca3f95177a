package dev.freshet.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.freshet.api.Engine;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * NUMBER variables and parameters kept as longs, and statements counted in batches (docs/performance.md, "The
 * compiled tier"): when a value stops being a NUMBER, when an error or a limit falls inside a batch, both tiers show
 * the same output, value, statement count and error.
 */
class UnboxedNumbersTest {
  private static void same(String text, String expected, UnaryOperator<Engine.Builder> options) {
    String interpreted = Tiers.outcome(false, text, options);
    assertEquals(expected, interpreted, "the tree-walker");
    assertEquals(interpreted, Tiers.outcome(true, text, options), "the compiled tier");
  }

  @Test
  void aNumberVariableThatTakesADecimalFollowsTheDecimalRules() {
    same("i = 0;\nout = List();\nfor each x in {1, 2, 3, 4}\n{\n\ti = i * 10 + x;\n\tout.add(i);\n"
        + "\tif (x == 2)\n\t{\n\t\ti = 1.5;\n\t}\n}\ninfo out;\nt = 7;\nt -= i;\nt *= 2;\ninfo t;\nreturn i;",
        "1,12,18,184\n-354\n=> 184 in 25 statements", b -> b);
  }

  @Test
  void aNumberParameterTakesAConvertedDecimalAndNull() {
    same("int down(int n)\n{\n\tif (n <= 0)\n\t{\n\t\treturn 0;\n\t}\n\treturn down(n - 1) + n;\n}\n"
        + "info down(5);\ninfo down(3.0);\ninfo down(null);", "15\n6\n!! RunException: t.dg:3:8: runtime error: "
        + "operator '<=' cannot be applied to NULL and NUMBER\n\tif (n <= 0)\n\t      ^\n  in down(), called from "
        + "t.dg:11:6\n", b -> b);
  }

  @Test
  void anOverflowInsideABatchCountsOnlyTheStatementsThatRan() {
    same("a = 1;\nb = 2;\nc = 0;\ntry\n{\n\tfor each x in {1, 2, 3}\n\t{\n\t\ta = a + x;\n"
        + "\t\tb = b * 3037000499;\n\t\tc = a + b;\n\t}\n}\ncatch (e)\n{\n\tinfo e.lineNo + \": \" + e.message;\n}\n"
        + "return a + c;", "9: NUMBER overflow: 6074000998 * 3037000499 does not fit in 64 bits\n"
        + "=> 6074001004 in 13 statements", b -> b);
  }

  @Test
  void theStatementLimitStopsAtTheSameStatementInsideABatch() {
    String loop = "s = 0;\nfor each x in {1, 2, 3, 4, 5, 6, 7, 8, 9}\n{\n\ts = s + x;\n\tinfo s;\n}\nreturn s;";
    for (long limit = 5; limit <= 12; limit++) {
      long max = limit;
      String interpreted = Tiers.outcome(false, loop, b -> b.maxStatements(max));
      assertEquals(interpreted, Tiers.outcome(true, loop, b -> b.maxStatements(max)), "limit " + limit);
    }
    same(loop, "1\n3\n!! LimitExceededException: t.dg:5:2: runtime error: statement limit exceeded: more than 9 "
        + "statements executed\n\tinfo s;\n\t^\n", b -> b.maxStatements(9));
  }
}
