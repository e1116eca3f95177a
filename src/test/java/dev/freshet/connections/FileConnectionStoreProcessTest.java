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
import java.util.concurrent.atomic.AtomicLong;
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

  @Test
  void aWriterKilledAtAnyMomentLeavesALoadableRecord() throws Exception {
    Path home = dir.resolve("home");
    Random random = new Random();
    long last = 0;
    for (int round = 0; round < 5; round++) {
      Process child = probe("save", home.toString());
      AtomicLong reported = new AtomicLong(last);
      AtomicLong lines = new AtomicLong();
      Thread reader = new Thread(() -> readVersions(child, reported, lines));
      reader.start();
      int enough = 150 + random.nextInt(150);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (lines.get() < enough) {
        if (!child.isAlive() || System.nanoTime() > deadline) {
          child.destroyForcibly();
          fail("the writer stopped after " + lines.get() + " saves: " + stderr(child));
        }
        Thread.sleep(5);
      }
      Thread.sleep(random.nextInt(20));
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      reader.join(30_000); // the pipe drains to its end: every version the child printed is counted
      last = reported.get();

      FileConnectionStore store = FileStoreFixtures.keyFileStore(home);
      ConnectionRecord r = store.load(null, "crm").orElseThrow();
      assertTrue(r.version() == last || r.version() == last + 1,
          "round " + round + ": stored v" + r.version() + ", last reported v" + last);
      assertEquals(StoreProbe.record(r.version()), r, "round " + round + ": the record of its own version");
      assertEquals(List.of(r), store.list(null), "no temp file read as a record");
      last = r.version();
    }
  }

  /** Counts the versions the child printed; a line the kill cut short (no newline) is not counted. */
  private static void readVersions(Process child, AtomicLong reported, AtomicLong lines) {
    try (var in = new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII)) {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != -1; c = in.read()) {
        if (c != '\n') {
          line.append((char) c);
        } else {
          reported.set(Long.parseLong(line.toString().trim()));
          lines.incrementAndGet();
          line.setLength(0);
        }
      }
    } catch (IOException e) {
      // the child died: what was read counts
    }
  }

  private Process probe(String... args) throws IOException {
    List<String> cmd = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), StoreProbe.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectError(dir.resolve("stderr-" + System.nanoTime() + ".txt").toFile())
        .start();
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
