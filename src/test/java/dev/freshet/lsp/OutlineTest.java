package dev.freshet.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which names define variables, which use them, and which call functions, read from tokens alone. */
class OutlineTest {
  private static Outline outline(String text) {
    return new Outline(new Tokens(text));
  }

  private static List<String> definitions(Outline o) {
    return o.variables.stream().filter(Outline.Occurrence::definition).map(Outline.Occurrence::name).toList();
  }

  @Test
  void loopsCatchesAndAssignmentsDefineConditionsAndPropertiesDoNot() {
    Outline o = outline("for each index i in {1}\n{\n}\nfor each item in {1} { }\ntry { x = 1; } catch (e) { }\n"
        + "if (y = 2) { }\nrec.field = 3;\ntotal += 1;\nm = {\"k\": 1};\n");
    assertEquals(List.of("i", "item", "x", "e", "m"), definitions(o));
  }

  @Test
  void usesAreNamesOfDefinedVariablesNotKeysMembersOrCalls() {
    Outline o = outline("url = \"u\";\nr = invokeurl [ url: url type: GET ];\ninfo r.url;\nurl();\n");
    List<Integer> uses = o.occurrences("url", null).stream().filter(x -> !x.definition())
        .map(x -> x.tok().start()).toList();
    assertEquals(List.of(32), uses); // the value after 'url:', not the key, the property or the call
  }

  @Test
  void functionsWithCategoriesTypedParametersAndTheirCalls() {
    Outline o = outline("m = {};\nmap automation.Update_Lead(string id, list:string tags)\n{\n\tinfo id;\n}\n"
        + "automation.update_lead(\"1\", {});\nthisapp.Update_Lead(\"2\", {});\nm.Update_Lead(1);\n");
    assertEquals(1, o.functions.size());
    Outline.Function f = o.functions.get(0);
    assertEquals("map automation.Update_Lead(string id, list:string tags)", f.header());
    assertEquals(2, o.callsOf(f).size(), "category and thisapp calls, not a method of the variable m");
    assertEquals(List.of("m", "id", "tags"), definitions(o));
    assertEquals(f, o.frameAt(o.occurrences("id", f).get(1).tok().start()));
    assertNull(o.frameAt(0));
  }

  @Test
  void anUnclosedFunctionRunsToTheEnd() {
    Outline o = outline("void f()\n{\n\ta = 1;\n\tinfo a\n");
    assertEquals(1, o.functions.size());
    assertEquals(List.of("a"), o.variablesBefore(o.functions.get(0).end()).keySet().stream().toList());
  }
}
