package dev.freshet.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.ast.Expr;
import dev.freshet.ast.Script;
import dev.freshet.ast.Stmt;
import dev.freshet.parse.Parser;
import dev.freshet.source.Diagnostic;
import dev.freshet.source.SourceFile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResolverTest {
  static final KnownNames KNOWN = new KnownNames() {
    @Override
    public boolean isFunction(String name) {
      return name.equalsIgnoreCase("len");
    }

    @Override
    public boolean isMethod(String name) {
      return Set.of("size", "get").contains(name.toLowerCase());
    }

    @Override
    public boolean isSystemValue(String name) {
      return name.equalsIgnoreCase("today");
    }
  };

  static Resolver.Result resolve(String text, String... predefined) {
    Script script = Parser.parseScript(new SourceFile("t.dg", text));
    return Resolver.resolve(script, KNOWN, List.of(predefined));
  }

  static List<String> errors(String text, String... predefined) {
    return resolve(text, predefined).diagnostics().stream().map(d -> d.line() + ":" + d.column() + " " + d.message())
        .toList();
  }

  @Test
  void variablesGetOneSlotPerNameInFirstAssignmentOrder() {
    String text = "a = 1;\nb = a + 1;\na = b;\ninfo a;\n";
    Script script = Parser.parseScript(new SourceFile("t.dg", text));
    Resolution r = Resolver.resolve(script, KNOWN, List.of()).resolution();
    assertEquals(2, r.frameSize(script));
    Stmt.Info info = (Stmt.Info) script.statements().get(3);
    assertEquals(0, r.slot(info.value()));
    assertEquals(List.of("a", "b"), List.copyOf(r.topLevelSlots().keySet()));
  }

  @Test
  void predefinedVariablesComeFirstAndCountAsDefined() {
    assertEquals(List.of(), errors("info id + 1;", "id"));
    assertEquals(List.of("1:6 variable 'id' is not defined"), errors("info id + 1;"));
  }

  @Test
  void useBeforeAssignmentIsReportedAtTheUse() {
    assertEquals(List.of("1:6 variable 'x' is not defined"), errors("info x;\nx = 1;\n"));
  }

  @Test
  void compoundAssignmentNeedsAnExistingVariable() {
    assertEquals(List.of("1:1 variable 'n' is not defined"), errors("n += 1;"));
  }

  @Test
  void loopAndCatchVariablesAreDefinedInsideAndAfter() {
    assertEquals(List.of(), errors("for each v in {1} { info v; }\ninfo v;\ntry { } catch (e) { info e; }\n"));
  }

  @Test
  void functionsDoNotSeeTopLevelVariables() {
    assertEquals(List.of("2:27 variable 'x' is not defined"), errors("x = 1;\nint f() { return x; }\n"
        .replace("int f() { return x; }", "int f() {          return x; }")));
  }

  @Test
  void breakAndContinueOutsideLoops() {
    List<String> e = errors("break;\nfor each i in {1} { continue; }\ncontinue;\n");
    assertEquals(2, e.size());
    assertTrue(e.get(0).startsWith("1:1 'break'"));
    assertTrue(e.get(1).startsWith("3:1 'continue'"));
  }

  @Test
  void callsAreCheckedAgainstUserFunctionsAndBuiltins() {
    String text = "int twice(int n) { return n * 2; }\ninfo twice(1, 2);\ninfo len(\"a\");\ninfo nope(1);\n"
        + "info standalone.twice(3);\ninfo \"a\".size();\ninfo \"a\".sise();\n";
    assertEquals(List.of("2:6 function 'twice' takes 1 argument but 2 were given", "4:6 function 'nope' is not defined",
        "7:10 unknown function 'sise'"), errors(text));
  }

  @Test
  void systemValuesAreNotVariables() {
    assertEquals(List.of(), errors("info today;"));
  }

  @Test
  void misspeltNamesGetASuggestion() {
    Diagnostic d = resolve("total = 1;\ninfo totl;").diagnostics().get(0);
    assertEquals("variable 'totl' is not defined; did you mean 'total'?", d.message());
  }

  @Test
  void taskBlockBareWordsAreNotVariables() {
    assertEquals(List.of(), errors("r = invokeurl [ url: \"http://x\" type: GET ];"));
  }
}
