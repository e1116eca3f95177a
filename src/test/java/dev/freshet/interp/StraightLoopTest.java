package dev.freshet.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.freshet.api.Engine;
import dev.freshet.api.Result;
import dev.freshet.api.RunException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A {@code for each} whose body only assigns arithmetic counts an iteration's statements at once, and keeps NUMBERs
 * assigned that way unboxed in their slots. Each script here runs beside a twin whose body wraps one value in
 * {@code if(true, …, 0)}, which runs the ordinary way (one statement at a time, values boxed): the two must agree on
 * the value, the output, the statements counted and every error, at every statement limit.
 */
class StraightLoopTest {
  private static final Map<String, Object> ITEMS = Map.of("items", List.of(3, 1, 4, 1, 5, 9, 2, 6));

  /** The outcome of one run as a user sees it: output, then the value and count, or the error. */
  private static String outcome(String script, long maxStatements, Map<String, Object> bindings) {
    List<String> out = new ArrayList<>();
    Engine engine = Engine.builder().output(out::add).compile(false).maxStatements(maxStatements).build();
    try {
      Result r = engine.compile("t.dg", script, bindings.keySet().toArray(String[]::new)).run(bindings);
      return out + " -> " + r.value() + " in " + r.statementsExecuted() + " statements";
    } catch (RunException e) {
      return out + " -> " + e.getMessage();
    }
  }

  private static void sameAsTwin(String straight, String twin, long maxStatements, Map<String, Object> bindings) {
    assertEquals(outcome(twin, maxStatements, bindings), outcome(straight, maxStatements, bindings),
        "maxStatements " + maxStatements);
  }

  private static final String NESTED = """
      s = 0;
      for each hi in items {
        for each lo in items {
          i = hi * 10 + lo;
          s = s + i * i;
        }
      }
      info s;
      return s;
      """;

  @Test
  void nestedLoopsCountAndStopAsStatementByStatement() {
    String twin = NESTED.replace("i = hi * 10 + lo;", "i = if(true, hi * 10 + lo, 0);");
    assertEquals("[159004] -> 159004 in 203 statements", outcome(NESTED, Long.MAX_VALUE, ITEMS));
    for (long limit = 1; limit <= 204; limit++) { // the limit falls on every header and statement once
      sameAsTwin(NESTED, twin, limit, ITEMS);
    }
  }

  @Test
  void chunkBoundariesOfALongRunAreCrossedExactly() {
    Map<String, Object> many = Map.of("items", IntStream.range(0, 700).boxed().toList());
    String twin = NESTED.replace("s = s + i * i;", "s = s + if(true, i * i, 0);");
    sameAsTwin(NESTED, twin, Long.MAX_VALUE, many);
    sameAsTwin(NESTED, twin, 700 * 700 * 3 / 2, many);
  }

  @Test
  void anErrorInTheBodyCountsOnlyTheStatementsThatRan() {
    // 12 / 0 fails in the first statement, then in the second: what follows the failure is not counted
    String first = """
        s = 0;
        try {
          for each a in {3, 2, 0, 4} {
            q = 12 / a;
            s = s + q;
            t = s * 2;
          }
        } catch (e) {
          info e;
        }
        info s;
        return s;
        """;
    String second = first.replace("q = 12 / a;\n", "q = a;\n").replace("s = s + q;", "s = s + 12 / a;");
    for (String script : List.of(first, second)) {
      String twin = script.replace("t = s * 2;", "t = if(true, s * 2, 0);");
      assertEquals(outcome(twin, Long.MAX_VALUE, Map.of()), outcome(script, Long.MAX_VALUE, Map.of()));
      for (long limit = 1; limit <= 16; limit++) {
        sameAsTwin(script, twin, limit, Map.of());
      }
    }
    assertEquals("[division by zero, 10] -> 10 in 15 statements", outcome(first, Long.MAX_VALUE, Map.of()));
  }

  @Test
  void aRunningTotalThatOverflowsFailsAtItsStatementAndKeepsItsValue() {
    String script = """
        s = 9223372036854775000;
        try {
          for each a in {100, 200, 300, 400} {
            s = s + a;
          }
        } catch (e) {
          info e.lineNo;
        }
        return s;
        """;
    String twin = script.replace("s = s + a;", "s = s + if(true, a, 0);");
    assertEquals(outcome(twin, Long.MAX_VALUE, Map.of()), outcome(script, Long.MAX_VALUE, Map.of()));
    assertEquals("[4] -> 9223372036854775600 in 12 statements", outcome(script, Long.MAX_VALUE, Map.of()));
  }

  @Test
  void aNumberKeptUnboxedReadsAsANumberEverywhere() {
    // s and k are assigned arithmetic in the loop, then read by every kind of reader
    String script = """
        s = 0;
        for each index k in items {
          s = s + k * k;
          d = k + 1;
        }
        l = List();
        l.add(s);
        m = Map();
        m.put("s", s);
        info s + " " + d + " " + k + " " + l + " " + m + " " + (s > 100) + " " + (s == l.get(0));
        s = s + " done";
        info s;
        d -= 3;
        return d * 2;
        """;
    String twin = script.replace("d = k + 1;", "d = if(true, k + 1, 0);");
    assertEquals("[140 8 7 140 {\"s\":140} true true, 140 done] -> 10 in 34 statements",
        outcome(script, Long.MAX_VALUE, ITEMS));
    assertEquals(outcome(twin, Long.MAX_VALUE, ITEMS), outcome(script, Long.MAX_VALUE, ITEMS));
  }

  @Test
  void anOperatorOverAnOperatorOfVariablesFollowsTheGeneralRulesForEveryOperand() {
    // aa * 2 + b (an operator whose operand is an operator of variables) against +a * 2 + b, where the unary plus
    // makes the inner operand a general node: the same value in the same columns, so errors must match exactly
    for (String value : List.of("3", "2.5", "\"x\"", "'01-Jan-2024'", "{1}", "9223372036854775807")) {
      for (String expr : List.of("aa * 2 + b", "b - aa * 2", "aa * b % 7", "100 / (aa * b)")) {
        String script = "b = " + value + ";\nr = {};\nfor each aa in {1, 2} {\n  r.add(" + expr + ");\n}\nreturn r;";
        String twin = script.replace("aa", "+a").replace("each +a", "each a ");
        assertEquals(outcome(twin, Long.MAX_VALUE, Map.of()), outcome(script, Long.MAX_VALUE, Map.of()), script);
      }
    }
  }

  @Test
  void aTotalThatMeetsTextOrADecimalFollowsTheGeneralRules() {
    String script = """
        s = 0;
        for each a in {1, 2.5, "x", 3} {
          s = s + a;
          n = a * 2;
        }
        return s;
        """;
    String twin = script.replace("s = s + a;", "s = s + if(true, a, 0);");
    assertEquals(outcome(twin, Long.MAX_VALUE, Map.of()), outcome(script, Long.MAX_VALUE, Map.of()));
  }
}
