package dev.freshet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code freshet check} warns about a single '=' in a condition (it runs, comparing) but still exits 0. */
class CheckWarningsTest {
  @TempDir
  Path dir;

  private String[] check(String... args) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.execute(args, new Terminal(dir, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
    return new String[] {String.valueOf(exit), out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void singleEqualsInAConditionIsAWarningNotAnError() throws IOException {
    Files.writeString(dir.resolve("lead.dg"), "n = \"7\";\nif(n.length() = 1)\n{\n\tinfo n;\n}\nx = 1;\n");
    for (String mode : new String[] {"--syntax-only", null}) {
      String[] r = mode == null ? check("check", "lead.dg") : check("check", mode, "lead.dg");
      assertEquals("0", r[0], r[2]);
      assertEquals("checked 1 file: no errors, 1 warning\n", r[1]);
      assertEquals("lead.dg:2:15: warning: '=' in a condition compares like '=='; write '==' to make that plain\n"
          + "if(n.length() = 1)\n              ^\n", r[2]);
    }
  }

  @Test
  void anAssignmentIsNotWarnedAbout() throws IOException {
    Files.writeString(dir.resolve("ok.dg"), "a = 1;\nb = a == 1;\nif(b == true) { info b; }\n");
    String[] r = check("check", "ok.dg");
    assertEquals("0", r[0]);
    assertEquals("checked 1 file: no errors\n", r[1]);
    assertEquals("", r[2]);
  }

  @Test
  void errorsAndWarningsAreCountedApart() throws IOException {
    Files.writeString(dir.resolve("a.dg"), "if(1 = 1) { info 1; }\n");
    Files.writeString(dir.resolve("b.dg"), "info nope;\n");
    String[] r = check("check", "a.dg", "b.dg");
    assertEquals("65", r[0]);
    assertEquals("checked 2 files: 1 error, 1 warning\n", r[1]);
  }
}
