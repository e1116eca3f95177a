package dev.freshet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.freshet.ast.Script;
import dev.freshet.files.OwnerOnly;
import dev.freshet.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCacheTest {
  @TempDir
  Path dir;

  private static final String HELLO = "name = \"Ada\";\ninfo \"Hello, \" + name;\n";

  private static SourceFile source(String text) {
    return new SourceFile("hello.dg", text);
  }

  /** The same functions and statements (a Script also holds its SourceFile, which has no equality of its own). */
  private static void assertSameTree(Script expected, Script actual) {
    assertEquals(expected.functions(), actual.functions());
    assertEquals(expected.statements(), actual.statements());
  }

  private List<Path> entries() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  @Test
  void aParsedScriptIsKeptAndReadBackTheSame() throws IOException {
    ParseCache cache = new ParseCache(dir, "build-1");
    SourceFile source = source(HELLO);
    Script first = cache.parse(source);
    assertEquals(1, entries().size());
    assertEquals(0, cache.hits);
    Script second = cache.parse(source);
    assertEquals(1, cache.hits);
    assertSameTree(first, second);
    assertEquals(Parser.parseScript(source), second);
  }

  @Test
  void anotherBuildOrAnotherTextIsAMissAndTheEntryIsRewritten() throws IOException {
    new ParseCache(dir, "build-1").parse(source(HELLO));
    Path entry = entries().get(0);
    byte[] old = Files.readAllBytes(entry);

    ParseCache rebuilt = new ParseCache(dir, "build-2");
    assertSameTree(Parser.parseScript(source(HELLO)), rebuilt.parse(source(HELLO)));
    assertEquals(0, rebuilt.hits);
    assertFalse(java.util.Arrays.equals(old, Files.readAllBytes(entry)), "rewritten for the new build");
    rebuilt.parse(source(HELLO));
    assertEquals(1, rebuilt.hits);

    // an entry under this text's name that holds another text (as a hash collision would) is not used
    String other = "info 42;\n";
    Files.copy(entry, dir.resolve(ParseCache.key(other) + ".ast"));
    assertSameTree(Parser.parseScript(source(other)), rebuilt.parse(source(other)));
    assertEquals(1, rebuilt.hits);
  }

  @Test
  void aDamagedOrHalfWrittenEntryIsAMissNeverAFailure() throws IOException {
    ParseCache cache = new ParseCache(dir, "build-1");
    Script parsed = cache.parse(source(HELLO));
    Path entry = entries().get(0);
    byte[] whole = Files.readAllBytes(entry);
    for (int length : new int[] {0, 3, whole.length / 2, whole.length - 1}) {
      Files.write(entry, java.util.Arrays.copyOf(whole, length));
      assertSameTree(parsed, cache.parse(source(HELLO)));
    }
    for (int i = 0; i < whole.length; i += 7) {
      byte[] damaged = whole.clone();
      damaged[i] ^= 0x5A;
      Files.write(entry, damaged);
      assertSameTree(parsed, cache.parse(source(HELLO))); // byte i damaged
    }
    assertEquals(0, cache.hits);
    cache.parse(source(HELLO));
    assertEquals(1, cache.hits, "the last miss rewrote a good entry");
  }

  @Test
  void aSyntaxErrorIsReportedAndNotCached() throws IOException {
    ParseCache cache = new ParseCache(dir, "build-1");
    SyntaxError e = assertThrows(SyntaxError.class, () -> cache.parse(source("info (1;\n")));
    assertEquals(1, e.diagnostics().get(0).line());
    assertFalse(Files.exists(dir) && !entries().isEmpty(), "nothing cached");
  }

  @Test
  void aFolderThatCannotBeWrittenOnlyMeansParsingEveryTime() throws IOException {
    Path file = dir.resolve("not-a-folder");
    Files.writeString(file, "x");
    ParseCache cache = new ParseCache(file.resolve("cache"), "build-1");
    assertSameTree(Parser.parseScript(source(HELLO)), cache.parse(source(HELLO)));
    assertSameTree(Parser.parseScript(source(HELLO)), cache.parse(source(HELLO)));
    assertEquals(0, cache.hits);
  }

  @Test
  void theOldestEntriesGoWhenThereAreTooMany() throws IOException {
    ParseCache cache = new ParseCache(dir, "build-1");
    for (int i = 0; i <= ParseCache.MAX_ENTRIES; i++) {
      cache.parse(source("info " + i + ";\n"));
    }
    int left = entries().size();
    assertTrue(left <= ParseCache.MAX_ENTRIES && left >= ParseCache.MAX_ENTRIES / 2, left + " entries left");
    assertTrue(entries().stream().noneMatch(p -> p.toString().endsWith(".tmp")));
    cache.parse(source("info " + ParseCache.MAX_ENTRIES + ";\n"));
    assertEquals(1, cache.hits, "the newest entry is kept");
  }

  /** An entry holds the script's text, and scripts hold tokens: only their owner may read the cache. */
  @Test
  void foldersAreMade0700AndEntries0600() throws IOException {
    assumeTrue(OwnerOnly.posix(dir));
    Path home = dir.resolve("home");
    ParseCache cache = new ParseCache(home.resolve("cache/parsed"), "build-1");
    cache.parse(source("info \"https://example.com/api?authtoken=1234\";\n"));
    for (Path folder : List.of(home, home.resolve("cache"), home.resolve("cache/parsed"))) {
      assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)), folder.toString());
    }
    try (Stream<Path> files = Files.list(home.resolve("cache/parsed"))) {
      List<Path> all = files.toList();
      assertEquals(1, all.size());
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(all.get(0))));
    }
  }

  @Test
  void thisBuildIsKnownSoTheCliCanCache() {
    assertNotNull(ParseCache.in(dir), "the build is told by its class file or jar");
  }
}
