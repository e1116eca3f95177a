package dev.freshet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Runs stopped by a limit or by the host, from another thread, with the position where they stopped. */
class ExecutionTest {
  /** Nested loops over a 1000-element binding: a billion iterations, far more than any test waits for. */
  private static final String ENDLESS = """
      info "started";
      for each a in items {
        for each b in items {
          for each c in items {
            x = a + b + c;
          }
        }
      }
      """;
  private static final Map<String, Object> ITEMS = Map.of("items", IntStream.range(0, 1000).boxed().toList());

  @Test
  void passingTheStatementLimitIsALimitExceededExceptionWithTheSpan() {
    Script s = Engine.builder().output(l -> {}).maxStatements(500).build().compile("loop.dg", ENDLESS);
    LimitExceededException e = assertThrows(LimitExceededException.class, () -> s.run(ITEMS));
    assertTrue(e.isLimit());
    assertEquals("loop.dg:5:7: runtime error: statement limit exceeded: more than 500 statements executed",
        e.getMessage());
  }

  @Test
  void passingTheCallDepthIsALimitExceededException() {
    Script s = Engine.builder().maxDepth(20).build().compile("deep.dg",
        "int f(int n) {\n  return f(n + 1);\n}\ninfo f(0);\n");
    LimitExceededException e = assertThrows(LimitExceededException.class, () -> s.run(Map.of()));
    assertEquals(2, e.diagnostic().line());
    assertTrue(e.getMessage().contains("nested function call limit exceeded: more than 20 nested calls"));
  }

  @Test
  void passingTheTimeLimitIsALimitExceededException() {
    Script s = Engine.builder().output(l -> {}).maxStatements(Long.MAX_VALUE).timeout(Duration.ofMillis(200)).build()
        .compile("slow.dg", ENDLESS);
    LimitExceededException e = assertThrows(LimitExceededException.class, () -> s.run(ITEMS));
    assertTrue(e.getMessage().contains("time limit exceeded"), e.getMessage());
  }

  @Test
  void aRunIsCancelledFromAnotherThread() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    Script s = Engine.builder().maxStatements(Long.MAX_VALUE).build().compile("loop.dg", ENDLESS);
    long begin = System.nanoTime();
    Execution ex = s.start(ITEMS, line -> started.countDown(), task -> new Thread(task).start());
    assertTrue(started.await(10, TimeUnit.SECONDS));
    assertFalse(ex.isDone());
    ex.cancel();
    CancelledException e = assertThrows(CancelledException.class, ex::await);
    assertTrue(ex.isCancelled());
    assertTrue(ex.isDone());
    assertFalse(e.isLimit());
    assertEquals("execution was cancelled", e.diagnostic().message());
    assertTrue(e.diagnostic().line() >= 2 && e.diagnostic().line() <= 5, e.getMessage());
    assertTrue(System.nanoTime() - begin < TimeUnit.SECONDS.toNanos(10), "stopped promptly");
  }

  @Test
  void aRunCancelledBeforeItGetsAThreadNeverStarts() {
    List<Runnable> queued = new ArrayList<>();
    List<String> out = Collections.synchronizedList(new ArrayList<>());
    Execution ex = Engine.builder().build().compile("t.dg", "info \"ran\";").start(Map.of(), out::add, queued::add);
    ex.cancel();
    queued.forEach(Runnable::run);
    CancelledException e = assertThrows(CancelledException.class, ex::await);
    assertEquals("t.dg: runtime error: execution was cancelled before it started", e.getMessage());
    assertTrue(out.isEmpty());
  }

  @Test
  void aStartedRunGivesItsResult() throws Exception {
    Execution ex = Engine.builder().build().compile("t.dg", "return n * 2;").start(Map.of("n", 21));
    assertEquals(42L, ex.await(Duration.ofSeconds(10)).value());
    assertEquals(42L, ex.future().get().value());
    ex.cancel(); // too late: harmless
    assertEquals(42L, ex.await().value());
  }

  @Test
  void aStartedRunReportsScriptErrors() {
    Execution ex = Engine.builder().build().compile("t.dg", "return 1 / n;").start(Map.of("n", 0));
    RunException e = assertThrows(RunException.class, ex::await);
    assertEquals(1, e.diagnostic().line());
  }

  @Test
  void missingBindingsAreReportedBeforeStarting() {
    Script s = Engine.builder().build().compile("t.dg", "return n;");
    RunException e = assertThrows(RunException.class, () -> s.start(Map.of()));
    assertEquals("t.dg:1:8: runtime error: variable 'n' is not defined (no binding named 'n' was given)",
        e.getMessage());
  }
}
