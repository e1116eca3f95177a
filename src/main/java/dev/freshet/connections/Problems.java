package dev.freshet.connections;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The connection errors users see, in one place so that each names the connection and the command that fixes it. */
final class Problems {
  private Problems() {}

  static String fix(String name) {
    return "run: freshet connections authorize " + name;
  }

  /** Throws unless the record can give or get a token. */
  static void requireUsable(ConnectionRecord r) {
    String name = r.name();
    switch (r.status()) {
      case CONNECTED:
        return;
      case DEFINED:
        throw needsAuth("connection \"" + name + "\" is not authorized yet; " + fix(name));
      case NEEDS_REAUTH:
        throw needsAuth("connection \"" + name + "\" needs to be authorized again"
            + (r.problem() == null ? "" : " (" + r.problem() + ")") + "; " + fix(name));
      default:
        throw needsAuth("connection \"" + name + "\" was revoked; " + fix(name) + " to connect it again");
    }
  }

  static ConnectionException needsAuth(String message) {
    return new ConnectionException(ConnectionException.Kind.NEEDS_AUTHORIZATION, message);
  }

  /** The provider no longer accepts the grant or the client: a person must authorize again. */
  static boolean isReauth(OAuthException e) {
    return e.needsReauth() || "invalid_code".equals(e.error()); // Zoho's word for a dead refresh token
  }

  /** Records NEEDS_REAUTH (never deleting anything) and returns the error to throw. */
  static ConnectionException markNeedsReauth(ConnectionStore store, ConnectionRecord r, String why, Instant now) {
    ConnectionRecord marked = r.withStatus(ConnectionStatus.NEEDS_REAUTH, why, now);
    store.save(marked); // under the lock; if someone wrote first, their record stands
    return needsAuth("connection \"" + r.name() + "\" needs to be authorized again (" + why + "); " + fix(r.name()));
  }

  static ConnectionException refreshFailed(String name, OAuthException e) {
    return new ConnectionException(e.network() ? ConnectionException.Kind.NETWORK : ConnectionException.Kind.PROVIDER,
        "connection \"" + name + "\": the token could not be refreshed: " + e.getMessage());
  }

  static ConnectionException unknown(ConnectionStore store, String owner, String name) {
    List<String> names = store.list(owner).stream().map(ConnectionRecord::name).sorted(Comparator.naturalOrder())
        .toList();
    String hint = names.isEmpty() ? "there are no connections yet; add one with freshet connections add " + name
        + " --service SERVICE" : "the connections are: " + String.join(", ", names);
    return new ConnectionException(ConnectionException.Kind.UNKNOWN, "no connection named \"" + name + "\" ("
        + hint + ")");
  }
}
