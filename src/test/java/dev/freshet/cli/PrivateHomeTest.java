package dev.freshet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.freshet.files.OwnerOnly;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything Freshet writes under {@code $FRESHET_HOME} is its owner's only (folders 0700, files 0600): the connection
 * store, its key and the default connections, parsed scripts (they hold the script's text, and scripts hold tokens in
 * URLs), the sendmail outbox and the REPL history. Each writer is used through the CLI on a home that does not exist
 * yet, then every folder and file in it is checked, so a new writer that forgets is caught too.
 */
class PrivateHomeTest {
  @TempDir
  Path dir;

  @Test
  void everyFolderAndFileInTheHomeIsTheOwnersOnly() throws IOException {
    assumeTrue(OwnerOnly.posix(dir));
    Path home = dir.resolve("new/home");
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("FRESHET_HOME", home.toString());
    env.put("API_TOKEN", "home-test-token-5f1c");
    env.remove("FRESHET_CACHE");
    env.remove("FRESHET_SMTP_URL");
    env.remove("FRESHET_MASTER_KEY");
    Terminal terminal = new Terminal(dir, new ByteArrayInputStream(new byte[0]),
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), env);
    Files.writeString(dir.resolve("s.dg"), "url = \"https://example.com/api?authtoken=1234\";\n"
        + "sendmail [ to: \"ada@example.com\" subject: \"Report\" message: url ];\n");

    assertEquals(0, Main.execute(new String[] {"run", "s.dg"}, terminal), "run with the cache and the outbox");
    assertEquals(0, Main.execute(new String[] {"connections", "add", "api", "--custom", "--auth", "bearer",
        "--token-env", "API_TOKEN", "--api-host", "example.com"}, terminal), "connections add");
    assertEquals(0, Main.execute(new String[] {"connections", "default", "crm", "api"}, terminal),
        "connections default");
    assertNotNull(ReplTerminal.historyFile(terminal.home(), new PrintWriter(new StringWriter())), "history");

    Set<String> made = new TreeSet<>();
    List<String> wrong = new ArrayList<>();
    try (Stream<Path> all = Files.walk(dir.resolve("new"))) {
      for (Path p : all.toList()) {
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        String want = Files.isDirectory(p) ? "rwx------" : "rw-------";
        if (!mode.equals(want)) {
          wrong.add(dir.relativize(p) + " is " + mode);
        }
        made.add(home.relativize(p).toString().replaceAll("[0-9a-f]{16}\\.ast$", "KEY.ast")
            .replaceAll("outbox/.*\\.eml$", "outbox/MESSAGE.eml"));
      }
    }
    assertEquals(List.of(), wrong);
    // every writer did write (else the check above proves nothing about it)
    for (String expected : List.of("..", "", "cache", "cache/parsed", "cache/parsed/KEY.ast", "outbox",
        "outbox/MESSAGE.eml", "connections", "connections/api.json", "vault.key", "locks", "defaults.json",
        "history")) {
      assertEquals(true, made.contains(expected), expected + " in " + made);
    }
  }
}
