package dev.freshet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code freshet fmt}: in place, {@code --check}, standard input, and files that do not parse left untouched. */
class FmtCommandTest {
  private static final String MESSY = "if (a==1) { info a; }\n";
  private static final String TIDY = "if(a == 1)\n{\n\tinfo a;\n}\n";

  @TempDir
  Path dir;

  private String[] fmt(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] all = Stream.concat(Stream.of("fmt"), Stream.of(args)).toArray(String[]::new);
    int exit = Main.execute(all, new Terminal(dir, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)));
    return new String[] {String.valueOf(exit), out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8)};
  }

  private String read(String name) throws IOException {
    return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void formatsFilesInPlaceQuietly() throws IOException {
    Files.writeString(dir.resolve("a.dg"), MESSY);
    Files.writeString(dir.resolve("b.dg"), TIDY);
    String[] r = fmt("", "a.dg", "b.dg");
    assertEquals("0", r[0], r[2]);
    assertEquals("", r[1] + r[2]);
    assertEquals(TIDY, read("a.dg"));
    assertEquals(TIDY, read("b.dg"));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(2, left.count(), "no temporary file is left behind");
    }
  }

  @Test
  void checkListsTheFilesThatWouldChangeAndChangesNothing() throws IOException {
    Files.writeString(dir.resolve("a.dg"), MESSY);
    Files.writeString(dir.resolve("b.dg"), TIDY);
    String[] r = fmt("", "--check", "a.dg", "b.dg");
    assertEquals("1", r[0], r[2]);
    assertEquals("a.dg\n", r[1]);
    assertEquals(MESSY, read("a.dg"));
    r = fmt("", "--check", "b.dg");
    assertEquals("0", r[0], r[2]);
    assertEquals("", r[1] + r[2]);
  }

  @Test
  void aFileThatDoesNotParseIsLeftUntouchedAndTheOthersAreFormatted() throws IOException {
    String broken = "a = 1;\nb = ;\n";
    Files.writeString(dir.resolve("bad.dg"), broken);
    Files.writeString(dir.resolve("good.dg"), MESSY);
    String[] r = fmt("", "bad.dg", "good.dg");
    assertEquals("65", r[0]);
    assertTrue(r[2].startsWith("bad.dg:2:5: error: "), r[2]);
    assertTrue(r[2].contains("b = ;\n    ^\n"), r[2]);
    assertEquals(broken, read("bad.dg"));
    assertEquals(TIDY, read("good.dg"));
    assertEquals("65", fmt("", "--check", "bad.dg")[0]);
  }

  @Test
  void aDashFormatsStandardInputToStandardOutput() {
    String[] r = fmt(MESSY, "-");
    assertEquals("0", r[0], r[2]);
    assertEquals(TIDY, r[1]);
    r = fmt(MESSY, "--check", "-");
    assertEquals("1", r[0]);
    assertEquals("<stdin>\n", r[1]);
    r = fmt("x = ;", "-");
    assertEquals("65", r[0]);
    assertEquals("", r[1]);
    assertTrue(r[2].startsWith("<stdin>:1:5: error: "), r[2]);
  }

  @Test
  void aFolderStandsForTheScriptsInIt() throws IOException {
    Files.createDirectories(dir.resolve("src/sub"));
    Files.createDirectories(dir.resolve("src/.hidden"));
    Files.writeString(dir.resolve("src/b.dg"), MESSY);
    Files.writeString(dir.resolve("src/sub/a.dg"), MESSY);
    Files.writeString(dir.resolve("src/.hidden/c.dg"), MESSY);
    Files.writeString(dir.resolve("src/notes.txt"), MESSY);
    String[] r = fmt("", "--check", "src");
    assertEquals("1", r[0], r[2]);
    assertEquals("src/b.dg\nsrc/sub/a.dg\n", r[1]);
    assertEquals("0", fmt("", "src")[0]);
    assertEquals(TIDY, read("src/sub/a.dg"));
    assertEquals(MESSY, read("src/.hidden/c.dg"));
    assertEquals(MESSY, read("src/notes.txt"));
  }

  @Test
  void aMissingFileIsAUsageError() {
    String[] r = fmt("", "nope.dg");
    assertEquals("64", r[0]);
    assertEquals("freshet fmt: cannot read nope.dg: no such file\n", r[2]);
  }

  @Test
  void crlfStaysCrlfAndAFinalLineBreakIsAdded() throws IOException {
    Files.writeString(dir.resolve("w.dg"), "a=1;\r\nif(a>0){info a;}");
    assertEquals("0", fmt("", "w.dg")[0]);
    assertEquals("a = 1;\r\nif(a > 0)\r\n{\r\n\tinfo a;\r\n}\r\n", read("w.dg"));
  }

  @Test
  void theFileKeepsItsPermissionsAndALinkStaysALink() throws IOException {
    Path real = dir.resolve("real.dg");
    Files.writeString(real, MESSY);
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
    Files.createSymbolicLink(dir.resolve("link.dg"), real.getFileName());
    assertEquals("0", fmt("", "link.dg")[0]);
    assertTrue(Files.isSymbolicLink(dir.resolve("link.dg")));
    assertEquals(TIDY, read("real.dg"));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
  }
}
