package dev.freshet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.api.Engine;
import dev.freshet.api.Session;
import dev.freshet.builtins.BuiltinRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Completion, the entry rule, and {@code freshet repl} through the command line with piped input. */
class ReplPartsTest {
  final Session session = new Session(Engine.builder().output(s -> {}).build());
  final ReplConnections twoConnections = new ReplConnections() {
    @Override
    public boolean configured() {
      return true;
    }

    @Override
    public List<String> names() {
      return List.of("crm_oauth", "books");
    }
  };
  final ReplCompletion completion = new ReplCompletion(session, twoConnections, BuiltinRegistry.standard());

  List<String> complete(String buffer) {
    return completion.complete(buffer, buffer.length()).stream().map(ReplCompletion.Suggestion::value).toList();
  }

  @Test
  void completesKeywordsVariablesFunctionsAndGlobalBuiltins() {
    session.eval("<input>", "total = 1; void tally() {}");
    List<String> t = complete("info ta");
    assertTrue(t.containsAll(List.of("tally")), t.toString());
    assertTrue(complete("x = to").containsAll(List.of("total", "toDecimal")), complete("x = to").toString());
    assertEquals(List.of("for each"), complete("fo"));
    assertEquals(List.of(), complete("x.zoho.encryption.aes"), "global-only functions are no methods");
  }

  @Test
  void completesMethodsAfterADotAndDottedNames() {
    assertEquals(List.of("name.toUpperCase"), complete("info name.toUpperC"));
    assertTrue(complete("\"abc\".len").contains(".length"), complete("\"abc\".len").toString());
    assertEquals(List.of("zoho.currentdate", "zoho.currenttime"), complete("d = zoho.curr"));
  }

  @Test
  void completesConnectionNamesCommandsAndBuiltinNames() {
    assertEquals(List.of("crm_oauth"), complete("r = invokeurl [ url: \"https://x\" connection: \"cr"));
    assertEquals(List.of("books", "crm_oauth"), complete("r = invokeurl [\n  connection: "));
    assertEquals(List.of("builtins"), complete(":bu"));
    assertEquals(List.of("length"), complete(":builtins lengt"));
    assertEquals(List.of(), new ReplCompletion(session, ReplConnections.NONE, BuiltinRegistry.standard())
        .complete("connection: \"", 13));
  }

  @Test
  void anEntryIsReadyWhenTheParserSaysSo() {
    assertFalse(ReplInput.ready("if (x > 1) {"));
    assertFalse(ReplInput.ready("m = {\"a\": 1,"));
    assertFalse(ReplInput.ready("if (x > 1) {\n}"), "waits for an else on the next line");
    assertTrue(ReplInput.ready("if (x > 1) {\n}\n"), "an empty line ends it");
    assertTrue(ReplInput.ready("if (x > 1) { info 1; }"), "a one-line if runs at once");
    assertTrue(ReplInput.ready(":vars"));
    assertTrue(ReplInput.ready("info 1 +;"), "a syntax error is reported, not waited on");
  }

  record Run(int exit, String out, String err) {}

  static Run cli(String input, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
    int exit = Main.execute(args, new Terminal(Path.of(""), new ByteArrayInputStream(
        input.getBytes(StandardCharsets.UTF_8)), o, new PrintStream(err, true, StandardCharsets.UTF_8)));
    o.flush();
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void pipedInputRunsWithoutPrompts() {
    Run r = cli("info 1+1;\nx = 20;\nx + 1\n", "repl");
    assertEquals(new Run(0, "2\n21\n", ""), r);
  }

  @Test
  void pipedInputExitsWithTheLastFailure() {
    Run r = cli("info 1/0;\ninfo \"goes on\";\n", "repl");
    assertEquals(Main.RUNTIME_ERROR, r.exit);
    assertEquals("goes on\n", r.out);
    assertTrue(r.err.startsWith("<input>:1:7: runtime error: division by zero\n"), r.err);
  }

  @Test
  void replOptions() {
    assertEquals("+05:30\n", cli("zoho.currenttime.toString(\"XXX\")\n", "repl", "--tz", "Asia/Kolkata").out);
    Run seeded = cli("randomNumber(1, 1000000)\nrandomNumber(1, 1000000)\n", "repl", "--seed", "5");
    assertEquals(seeded, cli("randomNumber(1, 1000000)\nrandomNumber(1, 1000000)\n", "repl", "--seed", "5"));
    Run bad = cli("", "repl", "--tz", "Nowhere/Bogus");
    assertEquals(Main.USAGE, bad.exit);
    assertTrue(bad.err.startsWith("freshet repl: "), bad.err);
  }

  @Test
  void noCommandWithoutATerminalPrintsTheUsage() {
    Run r = cli("info 1;\n");
    assertEquals(0, r.exit);
    assertTrue(r.out.startsWith("Usage: freshet"), r.out);
    assertTrue(r.out.contains("  repl "), r.out);
  }
}
