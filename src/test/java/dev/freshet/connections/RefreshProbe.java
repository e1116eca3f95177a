package dev.freshet.connections;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A second process for {@link ConnectionProcessTest}: a registry over the store in HOME (opened with the fixed key of
 * {@link LiveFixtures#store}), on the real clock, asking for credentials for the API on 127.0.0.1:PORT.
 *
 * <pre>
 *   RefreshProbe MODE HOME PORT NAME
 *     race   print "ready", wait for a line on stdin, then ask once   (two of them start together)
 *     once   ask once                                                 (killed while the provider is slow)
 *     loop   ask forever, printing each new fingerprint              (killed at a random moment)
 *     exit   ask once, print "exiting EPOCH_MILLIS", System.exit(0)  (a background refresh still in flight)
 * </pre>
 *
 * It prints a SHA-256 fingerprint of the Authorization header ({@code sha256:HEX ELAPSEDms STARTED}, STARTED the
 * epoch milliseconds when it asked), never the token, and
 * exits 0; on a ConnectionException it prints its kind and message and exits 3. The service needs no arguments: a
 * custom service is stored in full with the record.
 */
public final class RefreshProbe {
  private RefreshProbe() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path home = Path.of(args[1]);
    URI api = URI.create("http://127.0.0.1:" + Integer.parseInt(args[2]) + "/api/items");
    String name = args[3];
    ConnectionRegistry registry = ConnectionRegistry.builder().store(LiveFixtures.store(home)).build();
    try {
      switch (mode) {
        case "race" -> {
          System.out.println("ready");
          System.out.flush();
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
          ask(registry, name, api);
        }
        case "once" -> ask(registry, name, api);
        case "loop" -> {
          String last = null;
          while (true) {
            String fp = fingerprint(registry.credentials(name, api).headers().get("Authorization"));
            if (!fp.equals(last)) { // only changes: the output stays small however long the loop runs
              System.out.println("sha256:" + fp);
              System.out.flush();
              last = fp;
            }
          }
        }
        case "exit" -> {
          ask(registry, name, api);
          System.out.println("exiting " + System.currentTimeMillis());
          System.out.flush();
          System.exit(0); // the shutdown hook must wait for the refresh credentials() started
        }
        default -> throw new IllegalArgumentException(mode);
      }
    } catch (ConnectionException e) {
      System.out.println("error " + e.kind() + " " + e.getMessage());
      System.out.flush();
      System.exit(3);
    }
  }

  private static void ask(ConnectionRegistry registry, String name, URI api) {
    long startedAt = System.currentTimeMillis();
    long start = System.nanoTime();
    Credentials c = registry.credentials(name, api);
    long ms = (System.nanoTime() - start) / 1_000_000;
    System.out.println("sha256:" + fingerprint(c.headers().get("Authorization")) + " " + ms + "ms " + startedAt);
    System.out.flush();
  }

  /** What the parent compares: a digest of the header value, so no token ever reaches the output. */
  static String fingerprint(String headerValue) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(String.valueOf(headerValue).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
