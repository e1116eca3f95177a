package dev.freshet.connections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Copies connections from one store to another ({@code freshet connections export} / {@code import}): each record as
 * it is — status, tokens, expiry, provider facts — decrypted with the source's key and sealed with the
 * destination's, plus the default connection of each product. Nothing is printed or returned but names.
 */
public final class StoreCopy {
  private StoreCopy() {}

  /**
   * What was copied.
   *
   * @param copied the connections written (as {@code name} or {@code owner/name})
   * @param skipped those already in the destination, left alone (without {@code replace})
   * @param defaults how many product defaults were set
   */
  public record Report(List<String> copied, List<String> skipped, int defaults) {}

  /**
   * Copies the shared connections and those of {@code owners}.
   *
   * @param replace overwrite a connection or default the destination already has
   */
  public static Report copy(ConnectionStore from, ConnectionStore to, List<String> owners, boolean replace) {
    List<String> scopes = new ArrayList<>();
    scopes.add(null);
    scopes.addAll(owners);
    List<String> copied = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    int defaults = 0;
    for (String owner : scopes) {
      for (ConnectionRecord r : from.list(owner)) {
        String label = owner == null ? r.name() : owner + "/" + r.name();
        boolean wrote = to.withLock(owner, r.name(), () -> {
          Optional<ConnectionRecord> there = to.load(owner, r.name());
          if (there.isPresent() && !replace) {
            return false;
          }
          long version = there.map(t -> t.version() + 1).orElse(1L);
          ConnectionRecord copy = new ConnectionRecord(r.connection(), r.status(), r.secrets(), r.expiresAt(),
              r.obtainedAt(), r.updatedAt(), r.info(), r.problem(), version);
          if (!to.save(copy)) {
            throw new ConnectionException(ConnectionException.Kind.STORE, "connection \"" + label
                + "\" was changed in the destination during the copy; try again");
          }
          return true;
        });
        (wrote ? copied : skipped).add(label);
      }
      Map<String, String> have = to.defaults(owner);
      for (Map.Entry<String, String> d : from.defaults(owner).entrySet()) {
        if (replace || !have.containsKey(d.getKey())) {
          to.setDefault(owner, d.getKey(), d.getValue());
          defaults++;
        }
      }
    }
    return new Report(copied, skipped, defaults);
  }
}
