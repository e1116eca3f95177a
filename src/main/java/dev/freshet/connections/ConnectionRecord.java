package dev.freshet.connections;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One stored connection: definition, status, secrets, token expiry and provider facts, with a version that grows by
 * one on every write so that a store can refuse to overwrite a newer record with an older one.
 *
 * @param connection the definition
 * @param status where it is in its life
 * @param secrets client secret, tokens, keys, password
 * @param expiresAt when the access token expires; null when there is none or it never expires
 * @param obtainedAt when the current access token was obtained, or null
 * @param updatedAt the last write
 * @param info non-secret provider facts: {@code api_domain} and {@code accounts_server} (Zoho), {@code api_endpoint}
 *     (MailChimp), {@code scope} (as granted)
 * @param problem the last failure, for {@code connections show} (never holds a secret), or null
 * @param version 1 for the first write, then one more for each write
 */
public record ConnectionRecord(Connection connection, ConnectionStatus status, Secrets secrets, Instant expiresAt,
    Instant obtainedAt, Instant updatedAt, Map<String, String> info, String problem, long version) {

  public ConnectionRecord {
    Objects.requireNonNull(connection);
    Objects.requireNonNull(status);
    secrets = secrets == null ? Secrets.NONE : secrets;
    info = Map.copyOf(info == null ? Map.of() : info);
  }

  /** A new, never-stored record in state {@link ConnectionStatus#DEFINED} (or CONNECTED when nothing is to do). */
  public static ConnectionRecord define(Connection connection, Secrets secrets, Instant now) {
    AuthType auth = connection.auth();
    boolean ready = auth != AuthType.OAUTH2 || connection.grant() == Grant.CLIENT_CREDENTIALS;
    return new ConnectionRecord(connection, ready ? ConnectionStatus.CONNECTED : ConnectionStatus.DEFINED, secrets,
        null, null, now, Map.of(), null, 0);
  }

  public String name() {
    return connection.name();
  }

  public String owner() {
    return connection.owner();
  }

  /** The next version of this record, written at {@code now}. */
  public ConnectionRecord next(ConnectionStatus status, Secrets secrets, Instant expiresAt, Instant obtainedAt,
      Map<String, String> info, String problem, Instant now) {
    return new ConnectionRecord(connection, status, secrets, expiresAt, obtainedAt, now, info, problem, version + 1);
  }

  /** The same content as the next version, with a new status and problem. */
  public ConnectionRecord withStatus(ConnectionStatus status, String problem, Instant now) {
    return next(status, secrets, expiresAt, obtainedAt, info, problem, now);
  }

  @Override
  public String toString() {
    return "ConnectionRecord[" + connection.name() + (connection.owner() == null ? "" : "@" + connection.owner())
        + ", " + connection.service().id() + ", " + status.word() + ", v" + version + ", " + secrets + "]";
  }
}
