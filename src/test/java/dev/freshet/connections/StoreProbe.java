package dev.freshet.connections;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A second process for {@link FileConnectionStoreProcessTest}, using the store in {@code args[1]} (keyed by its
 * {@code vault.key}):
 *
 * <pre>
 *   hold HOME MILLIS MARKERS   take the lock of "crm", write MARKERS/acquired, print "locked", wait, write
 *                              MARKERS/released, let go
 *   save HOME                  save ever-newer versions of "crm" forever, printing each saved version
 * </pre>
 */
public final class StoreProbe {
  private StoreProbe() {}

  public static void main(String[] args) throws Exception {
    FileConnectionStore store = FileConnectionStore.builder(Path.of(args[1])).env(n -> null).build();
    switch (args[0]) {
      case "hold" -> hold(store, Long.parseLong(args[2]), Path.of(args[3]));
      case "save" -> save(store);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static void hold(FileConnectionStore store, long millis, Path markers) {
    store.withLock(null, "crm", () -> {
      try {
        Files.writeString(markers.resolve("acquired"), "");
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(millis);
        Files.writeString(markers.resolve("released"), "");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return null;
    });
  }

  private static void save(FileConnectionStore store) {
    ConnectionRecord r = store.load(null, "crm").orElse(null);
    while (true) {
      long v = r == null ? 1 : r.version() + 1;
      ConnectionRecord next = record(v);
      if (!store.save(next)) {
        throw new IllegalStateException("version " + v + " refused");
      }
      System.out.println(v);
      System.out.flush();
      r = next;
    }
  }

  /** Version {@code v} of "crm": its token names its version, so a reader can tell a mixed-up record. */
  static ConnectionRecord record(long v) {
    Connection c = new Connection("crm", null, FileStoreFixtures.CUSTOM_OAUTH, null, "client", List.of("read"), null);
    Instant now = Instant.ofEpochSecond(1_700_000_000L + v);
    return new ConnectionRecord(c, ConnectionStatus.CONNECTED,
        new Secrets("cs-SECRET", "token-" + v, "refresh-" + v, null, Map.of()), now.plusSeconds(3600), now, now,
        Map.of("scope", "read"), null, v);
  }
}
