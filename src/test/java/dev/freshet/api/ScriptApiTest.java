package dev.freshet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.source.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Compile once, run with bindings: free variables, declared variables, diagnostics as objects. */
class ScriptApiTest {
  private final List<String> out = new ArrayList<>();
  private final Engine engine = Engine.builder().output(out::add).build();

  @Test
  void bindingsNeedNotBeDeclaredWhenCompiling() {
    Script s = engine.compile("greet.dg", "info \"Hello, \" + name + \"!\";\nreturn id * 2;");
    assertEquals(List.of("name", "id"), s.freeVariables());
    assertEquals(84L, s.run(Map.of("name", "Ada", "id", 42)).value());
    assertEquals(List.of("Hello, Ada!"), out);
  }

  @Test
  void aVariableAssignedBeforeUseIsNotFree() {
    Script s = engine.compile("t.dg", "x = 1;\ninfo x + y;\n");
    assertEquals(List.of("y"), s.freeVariables());
    s.run(Map.of("y", 2, "unused", new Object()));
    assertEquals(List.of("3"), out);
  }

  @Test
  void runningWithoutAFreeVariableIsAClearErrorAtItsFirstUse() {
    Script s = engine.compile("t.dg", "total = 1;\nif (true) {\n  info totl;\n}\n");
    RunException e = assertThrows(RunException.class, () -> s.run(Map.of()));
    assertEquals("t.dg:3:8: runtime error: variable 'totl' is not defined; did you mean 'total'?"
        + " (no binding named 'totl' was given)", e.getMessage());
    assertTrue(e.render().contains("  info totl;\n       ^\n"), e.render());
    assertTrue(out.isEmpty(), "nothing ran");
  }

  @Test
  void aNullBindingIsNull() {
    Map<String, Object> b = new HashMap<>();
    b.put("x", null);
    assertEquals(true, engine.compile("t.dg", "return x == null;").run(b).value());
  }

  @Test
  void undefinedNamesInsideFunctionsAreStillErrors() {
    CompileException e = assertThrows(CompileException.class, () -> engine.compile("f.dg",
        "int f() {\n  return missing;\n}\ninfo f() + free;\n"));
    assertEquals(1, e.diagnostics().size());
    assertEquals("f.dg:2:10: error: variable 'missing' is not defined", e.getMessage());
  }

  @Test
  void otherCheckErrorsAreReportedAllTogetherAsStructuredDiagnostics() {
    CompileException e = assertThrows(CompileException.class, () -> engine.compile("e.dg",
        "info nosuch(1);\ninfo freeVar;\nbreak;\n"));
    List<Diagnostic> ds = e.diagnostics();
    assertEquals(2, ds.size(), e.render());
    assertEquals(1, ds.get(0).line());
    assertEquals(6, ds.get(0).column());
    assertEquals("function 'nosuch' is not defined", ds.get(0).message());
    assertEquals(3, ds.get(1).line());
    assertEquals(Diagnostic.Kind.ERROR, ds.get(1).kind());
  }

  @Test
  void syntaxErrorsAreCompileExceptions() {
    CompileException e = assertThrows(CompileException.class, () -> engine.compile("s.dg", "info (1 + ;"));
    assertEquals("s.dg", e.diagnostics().get(0).source().name());
    assertEquals(1, e.diagnostics().get(0).line());
  }

  @Test
  void declaringVariablesKeepsTheStrictCheck() {
    CompileException e = assertThrows(CompileException.class, () -> engine.compile("d.dg", "info a + b;", "a"));
    assertEquals("d.dg:1:10: error: variable 'b' is not defined; did you mean 'a'?", e.getMessage());
    Script s = engine.compile("d.dg", "info a;", "a");
    assertTrue(s.freeVariables().isEmpty());
    s.run(Map.of()); // a declared variable that is not bound is NULL
    assertEquals(List.of(""), out);
  }

  @Test
  void checkIsWhatZohoReportsOnSave() {
    CompileException e = assertThrows(CompileException.class, () -> engine.check("c.dg", "info x;"));
    assertEquals("c.dg:1:6: error: variable 'x' is not defined", e.getMessage());
    engine.check("ok.dg", "x = 1; info x;");
  }

  @Test
  void aScriptRunsManyTimesWithFreshVariables() {
    Script s = engine.compile("t.dg", "l = List();\nl.add(n);\nreturn l;");
    assertEquals(List.of(1L), s.run(Map.of("n", 1)).asJava());
    assertEquals(List.of(2L), s.run(Map.of("n", 2)).asJava());
  }

  @Test
  void aRunsInfoLinesCanGoToItsOwnOutput() {
    List<String> mine = new ArrayList<>();
    engine.compile("t.dg", "info 1; info 2;").run(Map.of(), mine::add);
    assertEquals(List.of("1", "2"), mine);
    assertTrue(out.isEmpty());
  }

  @Test
  void callRunsOneFunctionWithArgumentsByName() {
    Script s = engine.compile("f.dg", "int add(int a, int b) { return a + b; }");
    assertFalse(s.hasTopLevelStatements());
    assertEquals(List.of("add"), s.functionNames());
    assertEquals(5L, s.call("add", Map.of("a", 2, "b", 3)).value());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.call("sub", Map.of()));
    assertEquals("no function named sub in f.dg", e.getMessage());
  }

  @Test
  void runtimeErrorsCarryTheSpanAndTheCallChain() {
    Script s = engine.compile("r.dg", "int f(int x) {\n  return x / 0;\n}\ninfo f(1);\n");
    RunException e = assertThrows(RunException.class, () -> s.run(Map.of()));
    assertFalse(e.isLimit());
    assertEquals(2, e.diagnostic().line());
    assertEquals(Diagnostic.Kind.RUNTIME_ERROR, e.diagnostic().kind());
    assertEquals(List.of("in f(), called from r.dg:4:6"), e.diagnostic().notes());
  }

  @Test
  void theResultCountsStatements() {
    Result r = engine.compile("t.dg", "a = 1;\nb = 2;\nreturn a + b;").run(Map.of());
    assertEquals(3, r.statementsExecuted());
    assertNull(engine.compile("t.dg", "a = 1;").run(Map.of()).value());
  }
}
