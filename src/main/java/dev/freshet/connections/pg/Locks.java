package dev.freshet.connections.pg;

import dev.freshet.connections.ConnectionException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The store's database sessions and its per-connection lock. The lock is {@code pg_advisory_xact_lock} taken in a
 * transaction on a session of its own: it excludes every other session on every host, and it ends with the
 * transaction — at commit, or when the session dies with its process, so a killed refresher never leaves it held.
 * While a thread holds it, every store call of that thread runs on the lock's session (one pool connection per
 * holder, so a small pool cannot deadlock) and its writes are committed when the lock is let go, before the action's
 * result is handed to anyone.
 */
final class Locks {
  /**
   * How long a holder may sit idle in its transaction (it waits for a provider) before the server ends its session and
   * so its lock: far above a refresh's HTTP timeouts, and what bounds the wait when a holder's host vanishes.
   */
  static final String HOLD_LIMIT = "5min";

  private final Supplier<DataSource> db;
  private final ThreadLocal<Held> held = new ThreadLocal<>();

  /** The session a thread holds its locks on, and which keys it holds. */
  private record Held(Connection session, Set<String> keys) {}

  /** Work on one session. */
  interface Use<T> {
    T run(Connection c) throws SQLException;
  }

  Locks(Supplier<DataSource> db) {
    this.db = db;
  }

  /** Runs {@code use} on this thread's lock session, or else on a pooled session in auto-commit mode. */
  <T> T use(String what, Use<T> use) {
    Held h = held.get();
    if (h != null) {
      return Sql.run(what, () -> use.run(h.session()));
    }
    return Sql.run(what, () -> {
      try (Connection c = db.get().getConnection()) {
        return use.run(c);
      }
    });
  }

  <T> T withLock(String key, String name, Supplier<T> action) {
    Held h = held.get();
    if (h != null) {
      if (h.keys().add(key)) { // another connection while holding one: same transaction, both let go together
        Sql.run("lock connection \"" + name + "\"", () -> lock(h.session(), key));
      }
      return action.get();
    }
    Connection c = Sql.run("lock connection \"" + name + "\"", () -> db.get().getConnection());
    try {
      Sql.run("lock connection \"" + name + "\"", () -> {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
          s.execute("SET LOCAL idle_in_transaction_session_timeout = '" + HOLD_LIMIT + "'");
        }
        return lock(c, key);
      });
      Set<String> keys = new HashSet<>();
      keys.add(key);
      held.set(new Held(c, keys));
      T result;
      try {
        result = action.get();
      } catch (RuntimeException | Error e) {
        held.remove();
        letGo(c, name, e);
        throw e;
      }
      held.remove();
      letGo(c, name, null);
      return result;
    } finally {
      try {
        c.close(); // back to the pool, which rolls back anything left open
      } catch (SQLException e) {
        // the session is gone: so is its transaction and its lock
      }
    }
  }

  /**
   * Commits what the action wrote (a NEEDS_REAUTH mark is written even when the action then fails), which releases
   * the lock.
   */
  private static void letGo(Connection c, String name, Throwable failed) {
    try {
      c.commit();
    } catch (SQLException e) {
      if (failed == null) {
        throw Sql.failure("commit the changes to connection \"" + name + "\"", e);
      }
      failed.addSuppressed(new ConnectionException(ConnectionException.Kind.STORE, Sql.reason(e)));
    }
  }

  private static Void lock(Connection c, String key) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      p.setLong(1, lockId(key));
      p.execute();
    }
    return null;
  }

  /** A 64-bit advisory lock id for a connection: the first bytes of a SHA-256 (a clash only serializes two). */
  static long lockId(String key) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(("freshet:" + key).getBytes(StandardCharsets.UTF_8));
      long id = 0;
      for (int i = 0; i < 8; i++) {
        id = (id << 8) | (d[i] & 0xff);
      }
      return id;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
