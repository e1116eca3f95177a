package dev.freshet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.runtime.Limits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** {@link Session}: what carries from one entry to the next, and what a failing entry leaves behind. */
class SessionTest {
  final List<String> info = new ArrayList<>();
  final Session session = new Session(Engine.builder().output(info::add).seed(7).build());

  @Test
  void variablesAndFunctionsCarryOver() {
    session.eval("<input>", "a = 2; b = \"x\";");
    session.eval("<input>", "int twice(int n) { return n * 2; }");
    Session.Outcome out = session.eval("<input>", "a = twice(a); info b; a + 1");
    assertTrue(out.isExpression());
    assertEquals(5L, out.value());
    assertEquals(List.of("x"), info);
    assertEquals(List.of("a", "b"), List.copyOf(session.variables().keySet()));
    assertEquals(4L, session.variables().get("a"));
    assertEquals(List.of("int twice(int n)"), session.functionSignatures());
  }

  @Test
  void statementsHaveNoValueAndVoidCallsShowNone() {
    assertFalse(session.eval("<input>", "x = 1;").isExpression());
    Session.Outcome defined = session.eval("<input>", "void hi() { info \"hi\"; }");
    assertEquals(List.of("hi"), defined.functionsDefined());
    assertFalse(session.eval("<input>", "hi()").isExpression());
    Session.Outcome nothing = session.eval("<input>", "null");
    assertTrue(nothing.isExpression());
    assertEquals(null, nothing.value());
  }

  @Test
  void anEntryThatDoesNotCheckChangesNothing() {
    session.eval("<input>", "x = 1;");
    CompileException e = assertThrows(CompileException.class,
        () -> session.eval("<input>", "x = 2; void f() {} y = nope;"));
    assertEquals("<input>:1:24: error: variable 'nope' is not defined", e.diagnostics().get(0).header());
    assertEquals(Map.of("x", 1L), session.variables());
    assertEquals(List.of(), session.functionNames());
  }

  @Test
  void anEntryThatFailsRunningKeepsWhatItDid() {
    RunException e = assertThrows(RunException.class,
        () -> session.eval("<input>", "x = 1; void f() {} y = 1 / 0; z = 3;"));
    assertEquals("<input>:1:26: runtime error: division by zero", e.diagnostic().header());
    assertEquals(Map.of("x", 1L), session.variables());
    assertEquals(List.of("f"), session.functionNames());
  }

  @Test
  void anErrorInAnEarlierEntrysFunctionShowsThatEntrysText() {
    session.eval("first", "int inv(int n)\n{\n  return 1 / n;\n}");
    RunException e = assertThrows(RunException.class, () -> session.eval("second", "x = 0;\ninv(x)"));
    assertEquals("""
        first:3:12: runtime error: division by zero
          return 1 / n;
                   ^
          in inv(), called from second:2:1
        """, e.render());
  }

  @Test
  void resetForgetsEverythingAndRestartsTheSeededSequence() {
    Object first = session.eval("<input>", "randomNumber(1, 1000000)").value();
    Object second = session.eval("<input>", "randomNumber(1, 1000000)").value();
    assertNotEquals(first, second, "one random sequence runs through the whole session");
    session.eval("<input>", "v = 1;");
    session.reset();
    assertTrue(session.variables().isEmpty());
    assertEquals(first, session.eval("<input>", "randomNumber(1, 1000000)").value());
  }

  /** Cancelled once the loop is known to run (its first pass prints), not after a guessed delay. */
  @Test
  void cancelStopsTheRunningEntryFromAnotherThread() throws Exception {
    CountDownLatch looping = new CountDownLatch(1);
    Session slow = new Session(Engine.builder().output(line -> looping.countDown())
        .limits(new Limits(Long.MAX_VALUE, 75, Duration.ofMinutes(2))).build());
    slow.eval("<input>", "l = leftpad(\"\", 3000).toList(\"\");");
    Thread canceller = new Thread(() -> {
      try {
        looping.await();
      } catch (InterruptedException e) {
        return;
      }
      slow.cancel();
    });
    canceller.start();
    CancelledException e = assertThrows(CancelledException.class, () -> slow.eval("<input>",
        "n = 0; for each a in l { for each b in l { for each c in l { n = n + 1; if (n == 1) { info n; } } } }"));
    canceller.join();
    assertTrue(e.getMessage().contains("execution was cancelled"), e.getMessage());
    assertTrue((Long) slow.variables().get("n") > 0, "the loop ran until it was cancelled");
  }

  @Test
  void completenessComesFromTheParser() {
    assertEquals(Session.Completeness.INCOMPLETE, Session.completeness("if (x) {"));
    assertEquals(Session.Completeness.INCOMPLETE, Session.completeness("m = {\"a\": 1,"));
    assertEquals(Session.Completeness.INCOMPLETE, Session.completeness("r = invokeurl\n["));
    assertEquals(Session.Completeness.INCOMPLETE, Session.completeness("info \"open text"));
    assertEquals(Session.Completeness.INCOMPLETE, Session.completeness("x = 1"));
    assertEquals(Session.Completeness.OPEN_IF, Session.completeness("if (x) {\n}"));
    assertEquals(Session.Completeness.COMPLETE, Session.completeness("if (x) {\n} else {\n}"));
    assertEquals(Session.Completeness.COMPLETE, Session.completeness("if (x) {\n}\ninfo 1;"));
    assertEquals(Session.Completeness.COMPLETE, Session.completeness("1 +"+ " 2"));
    assertEquals(Session.Completeness.COMPLETE, Session.completeness("x = ;"), "a syntax error more text cannot fix");
  }
}
