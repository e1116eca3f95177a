package dev.freshet.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.api.CancelledException;
import dev.freshet.api.Engine;
import dev.freshet.api.Execution;
import dev.freshet.api.LimitExceededException;
import dev.freshet.api.Script;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What makes Deluge Deluge holds in compiled code: each case runs in both tiers and must look the same. */
class CompiledTierTest {
  private static void same(String text, String expected) {
    same(text, expected, b -> b);
  }

  private static void same(String text, String expected, UnaryOperator<Engine.Builder> options) {
    String interpreted = Tiers.outcome(false, text, options);
    assertEquals(expected, interpreted, "the tree-walker");
    assertEquals(interpreted, Tiers.outcome(true, text, options), "the compiled tier");
  }

  static final String FIB = "int fib(int n)\n{\n\tif (n < 2)\n\t{\n\t\treturn n;\n\t}\n"
      + "\treturn fib(n - 1) + fib(n - 2);\n}\n";

  @Test
  void recursionGivesTheSameValueAndStatementCount() {
    same(FIB + "return fib(20);", "=> 6765 in 43783 statements");
  }

  @Test
  void numberOverflowIsTheSameErrorAtTheSameOperatorWithTheCallChain() {
    same("int sq(int a)\n{\n\treturn a * a;\n}\nx = 1;\nreturn sq(4000000000);",
        "!! RunException: t.dg:3:11: runtime error: NUMBER overflow: 4000000000 * 4000000000 does not fit in 64"
            + " bits\n\treturn a * a;\n\t         ^\n  in sq(), called from t.dg:6:8\n");
  }

  @Test
  void arithmeticOnLongsOverflowsAtTheSameOperatorAsBoxedArithmetic() {
    String sum = "s = 0;\nfor each x in l\n{\n\ts = s + x * 100 - 1;\n}\nreturn s;";
    for (String l : new String[] {"{1, 2, 3}", "{1, 2.5, 3}", "{\"a\", 2}", "{92233720368547758}",
        "{92233720368547757, 92233720368547757}"}) {
      String script = "l = " + l + ";\n" + sum;
      assertEquals(Tiers.outcome(false, script), Tiers.outcome(true, script), script);
    }
    same("t = 9223372036854775000;\nfor each x in {1, 100}\n{\n\tt = t + x * x;\n}\nreturn t;", "!! RunException:"
        + " t.dg:4:2: runtime error: NUMBER overflow: 9223372036854775001 + 10000 does not fit in 64 bits\n"
        + "\tt = t + x * x;\n\t^\n"); // a running total's overflow is the statement's, in both tiers
    same("l = {922337203685477581};\n" + sum, "!! RunException: t.dg:5:12: runtime error: NUMBER overflow:"
        + " 922337203685477581 * 100 does not fit in 64 bits\n\ts = s + x * 100 - 1;\n\t          ^\n");
  }

  @Test
  void decimalArithmeticKeepsItsRules() {
    same("decimal f(decimal a, int b)\n{\n\treturn a / b + 0.10 - b % 3;\n}\ninfo f(1.0, 3);\ninfo f(10, 7);\n"
        + "return f(\"2.5\", 2);", "0.4333333333333333\n0.528571428571429\n=> -0.65 in 6 statements");
  }

  @Test
  void theStatementLimitStopsCompiledCodeAtTheSameStatement() {
    String loop = "void spin(int n)\n{\n\tfor each i in {1,2,3,4,5,6,7,8,9}\n\t{\n\t\tx = i;\n\t}\n\tspin(n + 1);\n}\n"
        + "spin(0);";
    same(loop, "!! LimitExceededException: t.dg:3:2: runtime error: statement limit exceeded: more than 100"
        + " statements executed\n\tfor each i in {1,2,3,4,5,6,7,8,9}\n\t^\n  in spin(), called from t.dg:7:2\n"
        + "  (the same call 4 more times)\n  in spin(), called from t.dg:9:1\n", b -> b.maxStatements(100));
  }

  @Test
  void theDepthLimitIsTheSame() {
    same("int down(int n)\n{\n\treturn down(n + 1);\n}\nreturn down(0);",
        "!! LimitExceededException: t.dg:3:9: runtime error: nested function call limit exceeded: more than 5"
            + " nested calls\n\treturn down(n + 1);\n\t       ^\n  in down(), called from t.dg:3:9\n"
            + "  (the same call 3 more times)\n  in down(), called from t.dg:5:8\n", b -> b.maxDepth(5));
  }

  @Test
  void typeErrorsConditionsAndThrowsKeepTheirPositions() {
    same("int f(list l)\n{\n\tfor each x in l\n\t{\n\t\tif (x)\n\t\t{\n\t\t\tinfo x;\n\t\t}\n\t}\n\treturn 0;\n}\n"
        + "return f({true, 1});", "true\n!! RunException: t.dg:5:7: runtime error: if condition needs a BOOLEAN, got"
        + " NUMBER 1\n\t\tif (x)\n\t\t    ^\n  in f(), called from t.dg:12:8\n");
    same("string g(text t)\n{\n\tthrow t + \"!\";\n}\ninfo g(\"ok\");", "!! RunException: t.dg:3:2: runtime"
        + " error: ok!\n\tthrow t + \"!\";\n\t^\n  in g(), called from t.dg:5:6\n");
    same("int h(int a)\n{\n\treturn a;\n}\nreturn h(\"x\");", "!! RunException: t.dg:5:8: runtime error: argument 1"
        + " (a) of h() must be NUMBER, got TEXT \"x\"\nreturn h(\"x\");\n       ^\n");
  }

  @Test
  void aFunctionIsCompiledOnceItIsHot() {
    Engine engine = Engine.builder().compileAfter(50).build();
    Script script = engine.compile("hot.dg", "int twice(int n)\n{\n\treturn n * 2;\n}\ns = 0;\n"
        + "for each i in {1,2,3,4,5,6,7,8,9,10}\n{\n\ts = s + twice(i);\n}\nreturn s;");
    int before = FunctionCompiler.compiledCount();
    for (int run = 0; run < 4; run++) {
      assertEquals(110L, script.run(Map.of()).value());
    }
    assertEquals(before, FunctionCompiler.compiledCount(), "40 calls: not hot yet");
    for (int run = 0; run < 2; run++) {
      assertEquals(110L, script.run(Map.of()).value());
    }
    assertEquals(before + 1, FunctionCompiler.compiledCount(), "compiled at the 51st call, once");
  }

  @Test
  void offMeansNeverCompiled() {
    Script script = Engine.builder().compile(false).build().compile("cold.dg", FIB + "return fib(12);");
    int before = FunctionCompiler.compiledCount();
    for (int run = 0; run < 20; run++) {
      assertEquals(144L, script.run(Map.of()).value());
    }
    assertEquals(before, FunctionCompiler.compiledCount());
  }

  @Test
  void aTimeoutStopsACompiledLoop() {
    Engine engine = Engine.builder().compileAfter(0).maxStatements(Long.MAX_VALUE).timeout(Duration.ofMillis(300))
        .build();
    Script script = engine.compile("slow.dg", "int cube(list l)\n{\n\tt = 0;\n\tfor each a in l\n\t{\n"
        + "\t\tfor each b in l\n\t\t{\n\t\t\tfor each c in l\n\t\t\t{\n\t\t\t\tt = t + 1;\n\t\t\t}\n\t\t}\n\t}\n"
        + "\treturn t;\n}\nreturn cube(l);", "l");
    List<Long> thousand = java.util.stream.LongStream.range(0, 1000).boxed().toList();
    LimitExceededException e = assertThrows(LimitExceededException.class, () -> script.run(Map.of("l", thousand)));
    assertTrue(e.getMessage().contains("time limit exceeded"), e.getMessage());
  }

  @Test
  void cancellingStopsACompiledLoop() throws Exception {
    Engine engine = Engine.builder().compileAfter(0).maxStatements(Long.MAX_VALUE).maxDepth(1000).build();
    Script script = engine.compile("busy.dg", "int count(list l, int n)\n{\n\tt = 0;\n\tfor each a in l\n\t{\n"
        + "\t\tt = t + 1;\n\t\tif (n > 0)\n\t\t{\n\t\t\tt = t + count(l, n - 1);\n\t\t}\n\t}\n\treturn t;\n}\n"
        + "return count({1,2,3,4,5,6,7,8,9,10}, 30);");
    Execution run = script.start(Map.of());
    Thread.sleep(200);
    run.cancel();
    assertThrows(CancelledException.class, () -> run.await(Duration.ofSeconds(20)));
  }

  @Test
  void threadsShareOneScriptWhileItsFunctionsAreCompiled() throws Exception {
    Engine engine = Engine.builder().compileAfter(3).maxStatements(Long.MAX_VALUE).build();
    Script script = engine.compile("fib.dg", FIB + "return fib(n);", "n");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Object>> results = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        long n = 5 + i % 12;
        results.add(pool.submit(() -> script.run(Map.of("n", n)).value()));
      }
      long[] fib = new long[20];
      fib[1] = 1;
      for (int i = 2; i < 20; i++) {
        fib[i] = fib[i - 1] + fib[i - 2];
      }
      for (int i = 0; i < results.size(); i++) {
        assertEquals(fib[5 + i % 12], results.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
