package dev.freshet.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.api.Engine;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * A loop of a body the tree-walker runs switches to compiled code in its middle once it is hot (dev.freshet.interp's
 * HotLoop): on its first run, without leaving the loop, and with the variables, output, statement count and errors
 * the tree-walker alone gives, however the loop ends. {@code compileAfter(1)}: loops after 1,000 iterations (the items here are 0 to 2999), functions
 * after one call, a top level from its second run (each script here runs once, so its top level is interpreted).
 */
class HotLoopTest {
  private static final String ITEMS = """
      digits = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
      items = List();
      for each d in {0, 1, 2} { for each a in digits { for each b in digits { for each c in digits { \
      items.add(d * 1000 + a * 100 + b * 10 + c); } } } }
      """;

  /** Runs {@code script} in the tree-walker and with hot loops compiled; both must agree and a loop must compile. */
  private static String agree(String script, UnaryOperator<Engine.Builder> options) {
    String interpreted = Tiers.outcome(Tiers.engine(false, options), script);
    int before = FunctionCompiler.compiledCount();
    String compiled = Tiers.outcome(options.apply(Engine.builder().zone(java.time.ZoneOffset.UTC).seed(1)
        .compileAfter(1)).build(), script);
    assertEquals(interpreted, compiled);
    assertTrue(FunctionCompiler.compiledCount() > before, "no loop was compiled: " + FunctionCompiler.statistics());
    assertEquals(List.of(), FunctionCompiler.failures());
    return compiled;
  }

  @Test
  void aLongLoopOnItsFirstRunGoesOnInCompiledCodeWithItsVariables() {
    String out = agree(ITEMS + """
        s = 0;
        text = "";
        for each x in items {
          s = s + x * x;
          if (x % 100 == 0) { text = text + x + ";"; }
        }
        info s;
        info text;
        info x;
        """, b -> b);
    assertTrue(out.startsWith("8995500500\n0;100;200;300;400;500;600;700;800;900;1000;1100;1200;1300;1400;1500;1600;"
        + "1700;1800;1900;2000;2100;2200;2300;2400;2500;2600;2700;2800;2900;\n2999\n=>  in "), out);
  }

  @Test
  void anErrorInTheCompiledLoopLeavesTheVariablesWhereTheTreeWalkerWould() {
    String out = agree(ITEMS + """
        count = 0;
        last = "";
        try {
          for each x in items {
            count = count + 1;
            last = "at " + x;
            if (x == 2400) { y = 1 / 0; }
          }
        } catch (e) {
          info "caught: " + e.message + " at line " + e.lineNo;
        }
        info count + " " + last;
        """, b -> b);
    assertTrue(out.startsWith("caught: division by zero at line 10\n2401 at 2400\n"), out);
  }

  @Test
  void aReturnInTheCompiledLoopOfAFunctionIsCheckedAgainstItsReturnType() {
    agree(ITEMS + """
        info first(items, 2500);
        info first(items, 5000);
        info label(items);
        int first(list values, int over) {
          for each v in values { if (v > over) { return v; } }
          return -1;
        }
        string label(list values) {
          for each v in values { if (v > 2050) { return {"v": v}; } }
          return "none";
        }
        """, b -> b);
  }

  @Test
  void theStatementLimitStopsTheCompiledLoopAtTheSameStatement() {
    String out = agree(ITEMS + """
        s = 0;
        for each x in items { for each y in digits { s = s + y; if (y == 9) { continue; } } }
        """, b -> b.maxStatements(20_000));
    assertTrue(out.contains("statement limit exceeded"), out);
  }

  @Test
  void anInnerLoopEnteredManyTimesBuildsItsTextAcrossEntries() {
    agree(ITEMS + """
        out = "";
        n = 0;
        for each x in digits {
          for each y in items {
            if (y > 1300) { break; }
            if (y % 2 == 0) { continue; }
            out = out + y;
            n = n + 1;
          }
        }
        info out.length() + " " + n;
        """, b -> b);
  }

  @Test
  void aReplEntryWhoseHotLoopFailsKeepsTheVariablesTheLoopLeft() {
    dev.freshet.api.Session session = new dev.freshet.api.Session(Engine.builder().compileAfter(1).build());
    session.eval("1", ITEMS + "count = 0;");
    int before = FunctionCompiler.compiledCount();
    assertThrows(dev.freshet.api.DelugeException.class,
        () -> session.eval("2", "for each x in items { count = count + x; if (x == 2700) { y = x / 0; } }"));
    assertTrue(FunctionCompiler.compiledCount() > before, "the loop was not compiled");
    assertEquals(3646350L, session.variables().get("count"));
    assertEquals(2700L, session.variables().get("x"));
  }

  /** An inner loop that proves hot has the outermost loop around it compiled, which switches at its next iteration. */
  @Test
  void aHotInnerLoopHasTheWholeNestCompiled(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dump)
      throws java.io.IOException {
    String before = System.getProperty("freshet.compile.dump");
    System.setProperty("freshet.compile.dump", dump.toString());
    try {
      agree(ITEMS + """
          s = 0;
          for each x in digits {
            for each y in items { s = s + x * y; }
          }
          info s;
          """, b -> b);
    } finally {
      if (before == null) {
        System.clearProperty("freshet.compile.dump");
      } else {
        System.setProperty("freshet.compile.dump", before);
      }
    }
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dump)) {
      List<String> names = files.map(p -> p.getFileName().toString().replaceAll("-\\d+\\.class$", "")).sorted()
          .toList();
      // the outermost loops (line 3, building the items; line 5), none of the loops inside them (lines 6, 3)
      assertEquals(List.of("the_loop_at_3_1", "the_loop_at_5_1"), names);
    }
  }

  /** Eight threads run one Script whose loop switches while they run: each gets the tree-walker's answer. */
  @Test
  void threadsSharingAScriptAllSwitchToTheSameCompiledLoop() throws Exception {
    String text = ITEMS + """
        s = 0;
        for each x in items { if (x % 3 == shift) { s = s + x; } }
        return s;
        """;
    dev.freshet.api.Script script = Engine.builder().compileAfter(1).build().compile("t.dg", text, "shift");
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Object>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 48; i++) {
        long shift = i % 3;
        results.add(pool.submit(() -> script.run(java.util.Map.of("shift", shift)).value()));
      }
      for (int i = 0; i < results.size(); i++) {
        long expected = 0;
        for (long x = 0; x < 3000; x++) {
          expected += x % 3 == i % 3 ? x : 0;
        }
        assertEquals(expected, results.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Cancelling a run stops it inside the compiled loop it switched to. */
  @Test
  void cancellingStopsARunInsideItsCompiledLoop() throws Exception {
    dev.freshet.api.Script script = Engine.builder().compileAfter(1).maxStatements(Long.MAX_VALUE).build()
        .compile("busy.dg", ITEMS + """
            s = 0;
            for each x in items { for each y in items { for each z in items { s = s + 1; } } }
            return s;
            """);
    int before = FunctionCompiler.compiledCount();
    dev.freshet.api.Execution run = script.start(java.util.Map.of());
    long deadline = System.nanoTime() + 20_000_000_000L; // until the loop has switched (or 20 s)
    while (FunctionCompiler.compiledCount() == before && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertTrue(FunctionCompiler.compiledCount() > before, "the loop was not compiled");
    Thread.sleep(50);
    run.cancel();
    assertThrows(dev.freshet.api.CancelledException.class, () -> run.await(java.time.Duration.ofSeconds(20)));
  }
}
