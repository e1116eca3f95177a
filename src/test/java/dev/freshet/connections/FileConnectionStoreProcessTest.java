package dev.freshet.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store shared with another JVM ({@link StoreProbe}): the file lock, and a writer killed at any moment. */
class FileConnectionStoreProcessTest {
  @TempDir
  Path dir;

  @Test
  void anotherProcessHoldingTheLockMakesThisOneWait() throws Exception {
    Path home = dir.resolve("home");
    Path markers = Files.createDirectories(dir.resolve("markers"));
    FileConnectionStore store = FileStoreFixtures.keyFileStore(home);
    Process child = probe("hold", home.toString(), "1500", markers.toString());
    try (BufferedReader out = reader(child)) {
      assertEquals("locked", out.readLine(), () -> "the probe failed: " + stderr(child));
      assertTrue(Files.exists(markers.resolve("acquired")));
      boolean releasedFirst = store.withLock(null, "crm", () -> Files.exists(markers.resolve("released")));
      assertTrue(releasedFirst, "this process got the lock only after the other one let go");
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
      assertEquals(0, child.exitValue(), () -> stderr(child));
    } finally {
      child.destroyForcibly();
    }
  }

  /**
   * The child saves v, then reports v on its standard output, which goes to a file: each report is a completed write
   * before the next save starts, and nothing of it is lost when the child is killed (a pipe's unread end is, when
   * {@code destroyForcibly} closes it). So when it dies having last reported R, the store must hold R (no save lost)
   * or R + 1 (the save it was in when killed), and that version's own record (nothing torn or mixed).
   */
  @Test
  void aWriterKilledAtAnyMomentLeavesALoadableRecord() throws Exception {
    Path home = dir.resolve("home");
    Random random = new Random();
    long last = 0;
    for (int round = 0; round < 5; round++) {
      Path reports = dir.resolve("saved-" + round + ".txt");
      Process child = probe(reports, "save", home.toString());
      int enough = 150 + random.nextInt(150);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (reported(reports).size() < enough) {
        if (!child.isAlive() || System.nanoTime() > deadline) {
          child.destroyForcibly();
          fail("the writer stopped after " + reported(reports).size() + " saves: " + stderr(child));
        }
        Thread.sleep(5);
      }
      Thread.sleep(random.nextInt(20));
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      List<Long> versions = reported(reports);
      assertEquals(last + 1, versions.get(0), "round " + round + ": the child went on from the stored version");
      long lastReported = versions.get(versions.size() - 1);

      FileConnectionStore store = FileStoreFixtures.keyFileStore(home);
      ConnectionRecord r = store.load(null, "crm").orElseThrow();
      assertTrue(r.version() == lastReported || r.version() == lastReported + 1,
          "round " + round + ": stored v" + r.version() + ", last reported v" + lastReported);
      assertEquals(StoreProbe.record(r.version()), r, "round " + round + ": the record of its own version");
      assertEquals(List.of(r), store.list(null), "no temp file read as a record");
      last = r.version();
    }
  }

  /** The versions the child reported so far; a line the kill cut short (no newline) is not counted. */
  private static List<Long> reported(Path reports) throws IOException {
    String text = Files.exists(reports) ? Files.readString(reports, StandardCharsets.US_ASCII) : "";
    List<Long> versions = new java.util.ArrayList<>();
    for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
      if (!line.isEmpty()) {
        versions.add(Long.parseLong(line.trim()));
      }
    }
    return versions;
  }

  private Process probe(String... args) throws IOException {
    return probe(null, args);
  }

  /** The probe, its standard output into {@code output} when given (else a pipe), its standard error into a file. */
  private Process probe(Path output, String... args) throws IOException {
    List<String> cmd = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), StoreProbe.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(cmd)
        .redirectError(dir.resolve("stderr-" + System.nanoTime() + ".txt").toFile());
    if (output != null) {
      builder.redirectOutput(output.toFile());
    }
    return builder.start();
  }

  private static BufferedReader reader(Process p) {
    return new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
  }

  private String stderr(Process p) {
    try (var files = Files.list(dir)) {
      StringBuilder s = new StringBuilder();
      for (Path f : files.filter(f -> f.getFileName().toString().startsWith("stderr-")).toList()) {
        s.append(Files.readString(f));
      }
      return s.toString();
    } catch (IOException e) {
      return "(no stderr)";
    }
  }
}
