package dev.freshet.connections;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where connections are kept. The default is {@link FileConnectionStore} (a folder with an encrypted vault); a shared
 * database store or a host's own can be plugged in. Implementations must be safe for concurrent use by threads and,
 * where they are shared, by processes.
 *
 * <p>Writes are compare-and-set on {@link ConnectionRecord#version()}, so a refresh that lost a race never replaces
 * the winner's newer tokens.
 */
public interface ConnectionStore {
  /** Every connection of {@code owner} (null: the shared ones), by name. */
  List<ConnectionRecord> list(String owner);

  /** The connection, or empty. */
  Optional<ConnectionRecord> load(String owner, String name);

  /**
   * Writes {@code record} if the stored version is {@code record.version() - 1} (0: nothing is stored yet).
   *
   * @return false, writing nothing, when the stored version is different: someone else wrote first
   * @throws ConnectionException when the store cannot be written
   */
  boolean save(ConnectionRecord record);

  /** Deletes the connection; false if there was none. */
  boolean remove(String owner, String name);

  /**
   * Runs {@code action} while holding the connection's exclusive lock, which single-flights refreshes: across the
   * threads of this process and across every process sharing the store. Re-entrant on one thread; {@link #save}
   * and {@link #remove} may be called inside. The action should re-read the record first: someone may have refreshed
   * it while this caller waited.
   */
  <T> T withLock(String owner, String name, Supplier<T> action);

  /**
   * The default connection of each product ({@code crm} → {@code zohocrm}) for {@code owner} (null: the shared
   * ones): what a {@code zoho.*} task uses when the script names no connection. A store that keeps none has none.
   */
  default Map<String, String> defaults(String owner) {
    return Map.of();
  }

  /** Sets the product's default connection for {@code owner}, or clears it when {@code name} is null. */
  default void setDefault(String owner, String product, String name) {
    throw new ConnectionException(ConnectionException.Kind.INVALID, "this connection store keeps no default"
        + " connections");
  }
}
