package dev.freshet.testing;

import dev.freshet.connections.ConnectionRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * A second process for {@link CassetteKillTest}, writing the cassette {@code args[1]} with {@link CassetteFile}:
 *
 * <pre>
 *   pause FILE   start writing version 2, print "inside" when half of it is on disk, then wait to be killed
 *   loop FILE N  write versions N, N+1, … forever, printing each version once its write is complete
 * </pre>
 */
public final class CassetteWriteProbe {
  private CassetteWriteProbe() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[1]);
    switch (args[0]) {
      case "pause" -> CassetteFile.write(file, text(2), () -> {
        System.out.println("inside");
        System.out.flush();
        try {
          Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
          throw new java.io.InterruptedIOException();
        }
      });
      case "loop" -> {
        for (long v = Long.parseLong(args[2]); ; v++) {
          CassetteFile.write(file, text(v));
          System.out.println(v);
          System.out.flush();
        }
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  /** Version {@code v} of a real cassette: its seed and the body of its one call name the version. */
  static String text(long v) {
    var request = Json.object();
    request.put("method", "GET").put("url", "https://api.example.com/v/" + v);
    var interaction = Json.object();
    interaction.put("connection", (String) null);
    interaction.set("request", request);
    var response = interaction.putObject("response").put("status", 200);
    response.putObject("body").putObject("json").put("version", v).put("padding", "x".repeat(64 * 1024));
    return new Cassette("tests/k.test.dg::test_k", Instant.parse("2026-12-05T06:00:00Z"), ZoneId.of("UTC"), v,
        new ConnectionRegistry.Replayed(Map.of(), Map.of(), Map.of(), Map.of()), List.of(interaction))
        .text("freshet probe");
  }
}
