package dev.freshet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process killed (SIGKILL, {@code destroyForcibly}) while it writes a cassette leaves the old cassette whole: a
 * second JVM ({@link CassetteWriteProbe}) writes, and this one kills it, then reads the cassette back.
 */
class CassetteKillTest {
  @TempDir
  Path dir;

  /** The child says when half of the new cassette is on disk; it is killed right there, with no race. */
  @Test
  void aKillInsideTheWriteLeavesTheOldCassetteAndTheNextWriteCleansUp() throws Exception {
    Path file = dir.resolve("tests/cassettes/k/test_k.json");
    CassetteFile.write(file, CassetteWriteProbe.text(1));
    Process child = probe(null, "pause", file.toString());
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      assertEquals("inside", out.readLine(), () -> "the probe failed: " + stderr());
      child.destroyForcibly();
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    } finally {
      child.destroyForcibly();
    }
    assertEquals(CassetteWriteProbe.text(1), Files.readString(file), "the old cassette, byte for byte");
    assertEquals(1, Cassette.read(file, "test_k.json").seed);
    assertTrue(names(file.getParent()).stream().anyMatch(n -> n.endsWith(".tmp")),
        "the killed write had a temporary file: " + names(file.getParent()));

    CassetteFile.write(file, CassetteWriteProbe.text(3)); // the lock the dead process held is free again
    assertEquals(3, Cassette.read(file, "test_k.json").seed);
    assertEquals(List.of("test_k.json"), names(file.getParent()), "no temporary or lock file is left");
  }

  /**
   * The child writes version after version and reports each once it is written (into a file, which a kill does not
   * lose). Killed at a random moment after it reported R, the cassette must be version R or R + 1, whole.
   */
  @Test
  void aWriterKilledAtAnyMomentLeavesAWholeCassette() throws Exception {
    Path file = dir.resolve("tests/cassettes/k/test_k.json");
    CassetteFile.write(file, CassetteWriteProbe.text(1));
    Random random = new Random();
    long last = 1;
    for (int round = 0; round < 4; round++) {
      Path reports = dir.resolve("written-" + round + ".txt");
      Process child = probe(reports, "loop", file.toString(), String.valueOf(last + 1));
      int enough = 20 + random.nextInt(40);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      try {
        while (reported(reports).size() < enough) {
          if (!child.isAlive() || System.nanoTime() > deadline) {
            fail("the writer stopped after " + reported(reports).size() + " writes: " + stderr());
          }
          Thread.sleep(5);
        }
        Thread.sleep(random.nextInt(10));
      } finally {
        child.destroyForcibly();
      }
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
      List<Long> versions = reported(reports);
      long lastReported = versions.get(versions.size() - 1);
      Cassette c = Cassette.read(file, "test_k.json");
      assertNotNull(c);
      assertTrue(c.seed == lastReported || c.seed == lastReported + 1,
          "round " + round + ": cassette v" + c.seed + ", last reported v" + lastReported);
      assertEquals(CassetteWriteProbe.text(c.seed), Files.readString(file), "round " + round + ": whole");
      last = c.seed;
    }
  }

  private static List<Long> reported(Path reports) throws IOException {
    String text = Files.exists(reports) ? Files.readString(reports, StandardCharsets.US_ASCII) : "";
    List<Long> out = new ArrayList<>();
    for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
      if (!line.isBlank()) {
        out.add(Long.parseLong(line.trim()));
      }
    }
    return out;
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private Process probe(Path output, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        CassetteWriteProbe.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile());
    if (output != null) {
      b.redirectOutput(output.toFile());
    }
    return b.start();
  }

  private String stderr() {
    try {
      return Files.readString(dir.resolve("stderr.txt"));
    } catch (IOException e) {
      return "(no stderr)";
    }
  }
}
