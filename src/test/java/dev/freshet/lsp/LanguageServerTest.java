package dev.freshet.lsp;

import static dev.freshet.lsp.LspClient.open;
import static dev.freshet.lsp.LspClient.position;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The server driven as an editor drives it: JSON-RPC over a pipe, each feature asked for as a client asks. */
class LanguageServerTest {
  static final String URI = "file:///work/sample.dg";
  static final String SAMPLE = String.join("\n",
      "// A sample",                          // 0
      "void greet(string name, int times)",   // 1
      "{",                                    // 2
      "\tfor each i in {1, 2}",               // 3
      "\t{",                                  // 4
      "\t\tinfo \"Hello, \" + name;",         // 5
      "\t}",                                  // 6
      "}",                                    // 7
      "total = 0;",                           // 8
      "items = {1, 2, 3};",                   // 9
      "for each n in items",                  // 10
      "{",                                    // 11
      "\ttotal = total + n;",                 // 12
      "}",                                    // 13
      "greet(\"Ada\", 2);",                   // 14
      "info total.toString();",               // 15
      "");

  private ServerPipe server;
  private LspClient client;

  @BeforeEach
  void start() throws Exception {
    server = new ServerPipe(() -> List.of("gmail_connection", "crm_oauth"));
    client = server.client;
    JsonNode init = client.result("initialize", LspClient.initialize());
    JsonNode caps = init.get("capabilities");
    assertEquals(2, caps.get("textDocumentSync").asInt(), "incremental sync");
    assertTrue(caps.get("hoverProvider").asBoolean());
    assertTrue(caps.has("completionProvider") && caps.has("signatureHelpProvider"));
    assertTrue(caps.get("definitionProvider").asBoolean() && caps.get("referencesProvider").asBoolean());
    assertTrue(caps.get("documentSymbolProvider").asBoolean() && caps.get("documentFormattingProvider").asBoolean());
    assertEquals("freshet", init.get("serverInfo").get("name").asText());
    client.notify("initialized", Map.of());
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    assertEquals("", client.garbage.toString(), "only framed JSON-RPC on the server's output");
  }

  @Test
  void diagnosticsOnOpenAndChangeCoverTheOffendingToken() {
    client.notify("textDocument/didOpen", open(URI, 1, "total = 1;\ninfo totl;\nif (total = 1) { info 2; }\n"));
    JsonNode diags = client.diagnostics(URI, 1);
    assertEquals(2, diags.size(), diags.toString()); // the check's error and the parser's warning
    JsonNode undefined = diags.get(0);
    assertEquals("variable 'totl' is not defined; did you mean 'total'?", undefined.get("message").asText());
    assertEquals(1, undefined.get("severity").asInt());
    assertEquals("freshet", undefined.get("source").asText());
    assertRange(undefined.get("range"), 1, 5, 1, 9);

    // fix the typo with an incremental edit: the error goes, the warning stays
    client.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", URI, "version", 2),
        "contentChanges", List.of(Map.of("range", range(1, 5, 1, 9), "text", "total"))));
    diags = client.diagnostics(URI, 2);
    assertEquals(1, diags.size(), diags.toString());
    assertEquals(2, diags.get(0).get("severity").asInt());
    assertTrue(diags.get(0).get("message").asText().contains("'=' in a condition"));
    assertRange(diags.get(0).get("range"), 2, 10, 2, 11);

    // a syntax error: a whole-text change; the range is the token the parser stopped at
    client.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", URI, "version", 3),
        "contentChanges", List.of(Map.of("text", "x = (1 + ;\ninfo x;\n"))));
    diags = client.diagnostics(URI, 3);
    assertEquals(1, diags.size(), diags.toString());
    assertEquals(1, diags.get(0).get("severity").asInt());
    assertRange(diags.get(0).get("range"), 0, 9, 0, 10);

    // a missing ';' is reported after the statement: the range is its last token
    client.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", URI, "version", 4),
        "contentChanges", List.of(Map.of("text", "x = 10\ninfo x;\n"))));
    diags = client.diagnostics(URI, 4);
    assertEquals("missing ';' after this statement", diags.get(0).get("message").asText());
    assertRange(diags.get(0).get("range"), 0, 4, 0, 6);

    client.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", URI, "version", 5),
        "contentChanges", List.of(Map.of("text", SAMPLE))));
    assertEquals(0, client.diagnostics(URI, 5).size());
  }

  @Test
  void aByteOrderMarkIsAColumnOfTheFirstLineAsTheEditorCountsIt() {
    // the editor counts the BOM as character 0 of line 0; the parser does not see it
    client.notify("textDocument/didOpen", open(URI, 1, "\uFEFFinfo totl;\ninfo totl;\n"));
    JsonNode diags = client.diagnostics(URI, 1);
    assertEquals(2, diags.size(), diags.toString());
    assertRange(diags.get(0).get("range"), 0, 6, 0, 10);
    assertRange(diags.get(1).get("range"), 1, 5, 1, 9);
  }

  @Test
  void aBurstOfChangesIsCheckedForItsLastText() {
    client.notify("textDocument/didOpen", open(URI, 1, "x = 1;\n"));
    client.diagnostics(URI, 1);
    for (int v = 2; v <= 8; v++) {
      client.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", URI, "version", v),
          "contentChanges", List.of(Map.of("range", range(0, 4, 0, 5), "text", String.valueOf(v)))));
    }
    client.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", URI, "version", 9),
        "contentChanges", List.of(Map.of("range", range(0, 4, 0, 5), "text", "y"))));
    JsonNode last = client.diagnostics(URI, 9);
    assertEquals("variable 'y' is not defined", last.get(0).get("message").asText());
    List<Integer> versions = new ArrayList<>();
    for (JsonNode n : client.notifications("textDocument/publishDiagnostics")) {
      versions.add(n.path("params").path("version").asInt());
    }
    assertEquals(9, versions.get(versions.size() - 1), "nothing older is published after the newest: " + versions);
    assertTrue(versions.size() <= 9, versions.toString());
  }

  @Test
  void completesVariablesInScopeFunctionsKeywordsAndBuiltins() {
    String text = SAMPLE + "\n";
    client.notify("textDocument/didOpen", open(URI, 1, text));
    List<String> inFunction = labels(client.result("textDocument/completion", position(URI, 5, 2)));
    assertTrue(inFunction.containsAll(List.of("name", "times", "i", "greet", "info", "subString", "zoho")),
        inFunction.toString());
    assertFalse(inFunction.contains("total"), "a top-level variable is not in scope inside a function");

    List<String> atEnd = labels(client.result("textDocument/completion", position(URI, 16, 0)));
    assertTrue(atEnd.containsAll(List.of("total", "items", "n", "greet")), atEnd.toString());
    assertFalse(atEnd.contains("name"));

    JsonNode topItems = client.result("textDocument/completion", position(URI, 16, 0)).get("items");
    JsonNode subString = find(topItems, "subString");
    assertEquals("subString(text, start[, end]) → TEXT", subString.get("detail").asText());
    assertEquals("void greet(string name, int times)", find(topItems, "greet").get("detail").asText());
    assertEquals(6, find(topItems, "total").get("kind").asInt()); // Variable
  }

  @Test
  void completesMethodsAfterADotAndZohoTasks() {
    client.notify("textDocument/didOpen", open(URI, 1, "t = \"abc\";\nx = t.to\nr = zoho.crm.\n"));
    JsonNode methods = client.result("textDocument/completion", position(URI, 1, 8)).get("items");
    JsonNode upper = find(methods, "toUpperCase");
    assertEquals(2, upper.get("kind").asInt()); // Method
    assertTrue(upper.get("detail").asText().startsWith("text.toUpperCase()"), upper.toString());
    assertRange(upper.get("textEdit").get("range"), 1, 6, 1, 8); // replaces "to", after the dot
    assertTrue(labels(methods).stream().noneMatch(l -> l.equals("info")), "no keywords after a dot");

    JsonNode zoho = client.result("textDocument/completion", position(URI, 2, 13)).get("items");
    JsonNode task = find(zoho, "zoho.crm.getRecordById");
    assertEquals("zoho.crm.getRecordById", task.get("textEdit").get("newText").asText());
    assertRange(task.get("textEdit").get("range"), 2, 4, 2, 13); // the whole dotted word
    assertTrue(labels(zoho).stream().allMatch(l -> l.toLowerCase().startsWith("zoho.crm.")), labels(zoho).toString());
  }

  @Test
  void completesConnectionNamesNeverAnythingElseAboutThem() {
    client.notify("textDocument/didOpen", open(URI, 1,
        "r = invokeurl\n[\n\turl: \"https://example.com\"\n\ttype: GET\n\tconnection: \"\n];\n"));
    JsonNode items = client.result("textDocument/completion", position(URI, 4, 14)).get("items");
    assertEquals(List.of("gmail_connection", "crm_oauth"), labels(items));
    assertEquals("connection", items.get(0).get("detail").asText());
  }

  @Test
  void completesTaskKeysWhereAKeyGoesAndHttpMethodsAfterType() {
    client.notify("textDocument/didOpen", open(URI, 1,
        "r = invokeurl\n[\n\turl: \"https://example.com\"\n\tty\n];\nsendmail\n[\n\tfrom: zoho.adminuserid\n\t\n]\n"
            + "x = invokeurl [ url: \"u\" type: G ];\n"));
    JsonNode keys = client.result("textDocument/completion", position(URI, 3, 3)).get("items");
    assertTrue(labels(keys).containsAll(List.of("url", "type", "parameters", "headers", "connection")),
        labels(keys).toString());
    assertFalse(labels(keys).contains("subject"), "sendmail's keys are not invokeurl's");
    assertEquals("type: ", find(keys, "type").get("textEdit").get("newText").asText());
    assertRange(find(keys, "type").get("textEdit").get("range"), 3, 1, 3, 3);
    List<String> mail = labels(client.result("textDocument/completion", position(URI, 8, 1)));
    assertTrue(mail.containsAll(List.of("to", "subject", "message", "reply to")), mail.toString());
    List<String> methods = labels(client.result("textDocument/completion", position(URI, 10, 32)));
    assertTrue(methods.containsAll(List.of("GET", "POST", "DELETE")), methods.toString());
    assertFalse(methods.contains("parameters"), "a value goes after 'type:', not a key");
  }

  @Test
  void noCompletionInCommentsOrText() {
    client.notify("textDocument/didOpen", open(URI, 1, "// a comm\ninfo \"tex\";\n/* bl\n"));
    assertEquals(0, client.result("textDocument/completion", position(URI, 0, 8)).get("items").size());
    assertEquals(0, client.result("textDocument/completion", position(URI, 1, 8)).get("items").size());
    assertEquals(0, client.result("textDocument/completion", position(URI, 2, 5)).get("items").size());
  }

  @Test
  void hoverShowsTheBuiltinsDocumentationAndUserFunctionHeaders() {
    client.notify("textDocument/didOpen", open(URI, 1, SAMPLE));
    JsonNode hover = client.result("textDocument/hover", position(URI, 15, 13));
    String text = hover.get("contents").get("value").asText();
    assertTrue(text.contains("toString") && text.contains("The value as text"), text);
    assertTrue(text.contains("Returns: TEXT"), text);
    assertRange(hover.get("range"), 15, 11, 15, 19);

    String greet = client.result("textDocument/hover", position(URI, 14, 2)).get("contents").get("value").asText();
    assertTrue(greet.contains("void greet(string name, int times)"), greet);

    String variable = client.result("textDocument/hover", position(URI, 12, 2)).get("contents").get("value")
        .asText();
    assertTrue(variable.contains("first assigned on line 9"), variable);
    assertTrue(client.result("textDocument/hover", position(URI, 0, 4)).isNull(), "nothing in a comment");
  }

  @Test
  void hoverOverAKeywordShowsItsForm() {
    client.notify("textDocument/didOpen", open(URI, 1, SAMPLE));
    JsonNode hover = client.result("textDocument/hover", position(URI, 10, 1));
    String text = hover.get("contents").get("value").asText();
    assertTrue(text.startsWith("```deluge\nfor each x in <list | map | text>"), text);
    assertTrue(text.contains("no while loop"), text);
    assertRange(hover.get("range"), 10, 0, 10, 3);
    text = client.result("textDocument/hover", position(URI, 5, 3)).get("contents").get("value").asText();
    assertTrue(text.contains("info <expression>;"), text);
    // a variable called index is a variable, not the keyword
    client.notify("textDocument/didOpen", open("file:///work/index.dg", 1, "index = 3;\ninfo index;\n"));
    text = client.result("textDocument/hover", position("file:///work/index.dg", 1, 6)).get("contents").get("value")
        .asText();
    assertTrue(text.contains("variable, first assigned on line 1"), text);
  }

  @Test
  void signatureHelpMarksTheArgumentUnderTheCursor() {
    client.notify("textDocument/didOpen", open(URI, 1, SAMPLE + "s = subString(\"abc\", 1\ngreet(\"x\", \n"));
    JsonNode help = client.result("textDocument/signatureHelp", position(URI, 16, 22));
    assertEquals("subString(text, start[, end])", help.get("signatures").get(0).get("label").asText());
    assertEquals(1, help.get("activeParameter").asInt());
    JsonNode start = help.get("signatures").get(0).get("parameters").get(1).get("label");
    assertEquals(16, start.get(0).asInt());
    assertEquals(21, start.get(1).asInt());

    JsonNode user = client.result("textDocument/signatureHelp", position(URI, 17, 11));
    assertEquals("void greet(string name, int times)", user.get("signatures").get(0).get("label").asText());
    assertEquals(1, user.get("activeParameter").asInt());
    assertTrue(client.result("textDocument/signatureHelp", position(URI, 8, 3)).isNull());
  }

  @Test
  void definitionAndReferencesOfVariablesAndFunctions() {
    client.notify("textDocument/didOpen", open(URI, 1, SAMPLE));
    JsonNode def = client.result("textDocument/definition", position(URI, 5, 21));
    assertEquals(1, def.size());
    assertEquals(URI, def.get(0).get("uri").asText());
    assertRange(def.get(0).get("range"), 1, 18, 1, 22); // the parameter 'name'

    JsonNode fn = client.result("textDocument/definition", position(URI, 14, 1));
    assertRange(fn.get(0).get("range"), 1, 5, 1, 10);

    JsonNode refs = client.result("textDocument/references", Map.of("textDocument", Map.of("uri", URI),
        "position", Map.of("line", 12, "character", 10), "context", Map.of("includeDeclaration", true)));
    assertEquals(List.of("8:0", "12:1", "12:9", "15:5"), starts(refs));

    JsonNode calls = client.result("textDocument/references", Map.of("textDocument", Map.of("uri", URI),
        "position", Map.of("line", 1, "character", 7), "context", Map.of("includeDeclaration", false)));
    assertEquals(List.of("14:0"), starts(calls));
  }

  @Test
  void documentSymbolsListFunctionsAndVariables() {
    client.notify("textDocument/didOpen", open(URI, 1, SAMPLE));
    JsonNode symbols = client.result("textDocument/documentSymbol", Map.of("textDocument", Map.of("uri", URI)));
    assertEquals(List.of("greet", "total", "items", "n"), names(symbols));
    JsonNode greet = symbols.get(0);
    assertEquals(12, greet.get("kind").asInt()); // Function
    assertEquals("void greet(string name, int times)", greet.get("detail").asText());
    assertRange(greet.get("selectionRange"), 1, 5, 1, 10);
    assertEquals(List.of("name", "times", "i"), names(greet.get("children")));
  }

  @Test
  void formattingReplacesTheTextWithFreshetFmtsLayout() {
    client.notify("textDocument/didOpen", open(URI, 1, "x=1;if(x>0){info x;} // done\n"));
    JsonNode edits = client.result("textDocument/formatting", Map.of("textDocument", Map.of("uri", URI),
        "options", Map.of("tabSize", 4, "insertSpaces", false)));
    assertEquals(1, edits.size());
    assertEquals("x = 1;\nif(x > 0)\n{\n\tinfo x;\n} // done\n", edits.get(0).get("newText").asText());
    assertRange(edits.get(0).get("range"), 0, 0, 1, 0);

    client.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", URI, "version", 2),
        "contentChanges", List.of(Map.of("text", edits.get(0).get("newText").asText()))));
    assertEquals(0, client.result("textDocument/formatting", Map.of("textDocument", Map.of("uri", URI),
        "options", Map.of("tabSize", 4, "insertSpaces", false))).size(), "formatted text stays as it is");

    client.notify("textDocument/didChange", Map.of("textDocument", Map.of("uri", URI, "version", 3),
        "contentChanges", List.of(Map.of("text", "x = (1 + ;\n"))));
    JsonNode refused = client.request("textDocument/formatting", Map.of("textDocument", Map.of("uri", URI),
        "options", Map.of("tabSize", 4, "insertSpaces", false)));
    assertEquals(-32803, refused.get("error").get("code").asInt()); // RequestFailed
    assertTrue(refused.get("error").get("message").asText().startsWith("not formatted: sample.dg:1:10: error:"),
        refused.toString());
  }

  @Test
  void shutdownThenExitEndsWithCodeZero() throws Exception {
    assertTrue(client.request("shutdown", null).get("result").isNull());
    client.notify("exit", null);
    assertEquals(0, server.exitCode.get(20, TimeUnit.SECONDS));
  }

  @Test
  void exitWithoutShutdownEndsWithCodeOne() throws Exception {
    client.notify("exit", null);
    assertEquals(1, server.exitCode.get(20, TimeUnit.SECONDS));
  }

  // ---------------------------------------------------------------------------------------------------------------

  static Map<String, Object> range(int l1, int c1, int l2, int c2) {
    return Map.of("start", Map.of("line", l1, "character", c1), "end", Map.of("line", l2, "character", c2));
  }

  static void assertRange(JsonNode range, int l1, int c1, int l2, int c2) {
    assertEquals(l1 + ":" + c1 + "-" + l2 + ":" + c2, range.get("start").get("line") + ":"
        + range.get("start").get("character") + "-" + range.get("end").get("line") + ":"
        + range.get("end").get("character"));
  }

  static List<String> labels(JsonNode completion) {
    JsonNode items = completion.has("items") ? completion.get("items") : completion;
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.get("label").asText()));
    return out;
  }

  static JsonNode find(JsonNode items, String label) {
    for (JsonNode i : items) {
      if (i.get("label").asText().equals(label)) {
        return i;
      }
    }
    throw new AssertionError("no item " + label + " in " + labels(items));
  }

  private static List<String> starts(JsonNode locations) {
    List<String> out = new ArrayList<>();
    locations.forEach(l -> out.add(l.get("range").get("start").get("line") + ":"
        + l.get("range").get("start").get("character")));
    return out;
  }

  private static List<String> names(JsonNode symbols) {
    List<String> out = new ArrayList<>();
    symbols.forEach(s -> out.add(s.get("name").asText()));
    return out;
  }
}
