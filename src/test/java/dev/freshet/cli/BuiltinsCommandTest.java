package dev.freshet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.builtins.BuiltinRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code freshet builtins [NAME]}, run in-process through {@link Main#execute}. */
class BuiltinsCommandTest {
  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, false, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    int exit = Main.execute(args, new Terminal(Path.of(""), new ByteArrayInputStream(new byte[0]), outStream,
        errStream));
    outStream.flush();
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void listsEveryFamilyWithAlignedDescriptions() {
    Run r = run("builtins");
    assertEquals(0, r.exit, r.err);
    assertEquals("", r.err);
    assertTrue(r.out.startsWith("Text\n  length "), r.out);
    assertTrue(r.out.contains("\nText search\n"), r.out);
    assertTrue(r.out.contains("\nEncoding\n"), r.out);
    assertTrue(r.out.contains("  zoho.encryption.base64Encode  Base64 of"), r.out);
    assertTrue(r.out.contains(" (also subText, mid)\n"), r.out);
    assertTrue(r.out.contains("\nSystem values\n  zoho.currenttime  "), r.out);
    assertTrue(r.out.endsWith("'freshet builtins NAME' shows one in full.\n"), r.out);
    // within the Text family every description starts in the same column
    List<String> text = r.out.substring(0, r.out.indexOf("\n\n")).lines().skip(1).toList();
    int column = text.get(0).indexOf("Number of characters");
    for (String line : text) {
      assertTrue(line.charAt(column - 1) == ' ' && line.charAt(column) != ' ', "misaligned: " + line);
    }
  }

  @Test
  void describesOneFunctionCaseInsensitively() {
    Run r = run("builtins", "SUBSTRING");
    assertEquals(0, r.exit, r.err);
    String doc = BuiltinRegistry.standard().lookup("subString").get(0).doc();
    assertEquals("""
        subString  (Text)

          text.subString(start[, end])
          subString(text, start[, end])

        %s

        Parameters:
          text   TEXT
          start  NUMBER
          end    NUMBER (optional)
        Returns: TEXT
        Aliases: subText, mid
        """.formatted(doc), r.out);
  }

  @Test
  void findsAliasesDottedNamesAndSystemValues() {
    Run alias = run("builtins", "Mid");
    assertEquals(0, alias.exit, alias.err);
    assertTrue(alias.out.startsWith("mid is another name for subString.\n\nsubString  (Text)\n"), alias.out);

    Run dotted = run("builtins", "zoho.encryption.base64encode");
    assertEquals(0, dotted.exit, dotted.err);
    assertTrue(dotted.out.startsWith("zoho.encryption.base64Encode  (Encoding)\n\n  zoho.encryption.base64Encode("),
        dotted.out);
    assertTrue(!dotted.out.contains(".zoho.encryption"), "dotted names have no method form: " + dotted.out);

    Run value = run("builtins", "zoho.currentTime");
    assertEquals(0, value.exit, value.err);
    assertTrue(value.out.startsWith("zoho.currenttime  (system value, Date extras)\n"), value.out);
  }

  @Test
  void showsEveryOverloadOfAName() {
    Run r = run("builtins", "remove");
    assertEquals(0, r.exit, r.err);
    assertTrue(r.out.contains("remove  (Text)\n"), r.out);
    assertTrue(r.out.contains("remove  (Map)\n"), r.out);
    assertTrue(r.out.contains("remove  (List)\n"), r.out);
    assertTrue(r.out.contains("  list.remove(index)\n"), r.out);
  }

  @Test
  void unknownNameIsAUsageErrorWithASuggestion() {
    Run r = run("builtins", "toUppercse");
    assertEquals(64, r.exit);
    assertEquals("", r.out);
    assertEquals("freshet builtins: no built-in function or system value named 'toUppercse'; did you mean"
        + " 'toUpperCase'?\nRun 'freshet builtins' to list them all.\n", r.err);

    Run far = run("builtins", "xyzzyplugh");
    assertEquals(64, far.exit);
    assertTrue(far.err.startsWith("freshet builtins: no built-in function or system value named 'xyzzyplugh'\n"),
        far.err);
  }

  @Test
  void appearsInHelp() {
    Run help = run("--help");
    assertEquals(0, help.exit);
    assertTrue(help.out.contains("builtins"), help.out);
    Run own = run("builtins", "--help");
    assertEquals(0, own.exit);
    assertTrue(own.out.contains("Usage: freshet builtins"), own.out);
  }
}
