package dev.freshet.connections.pg;

import dev.freshet.connections.ConnectionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates and upgrades the schema {@code freshet}: each step is a numbered SQL file in the jar, applied once and
 * recorded in {@code freshet.migrations}. Every process runs this on opening the store; an advisory lock held in the
 * transaction lets one of them apply the steps while the others wait and then find nothing to do.
 */
final class Migrations {
  /** The steps, in order: version i + 1 is STEPS.get(i). */
  static final List<String> STEPS = List.of("V1__connections.sql");
  /** The advisory lock key of migrating (ASCII "freshetM"). */
  private static final long LOCK = 0x66726573_6865744DL;

  private Migrations() {}

  static int latest() {
    return STEPS.size();
  }

  /** Brings the schema to the latest version; returns the version found before. */
  static int migrate(Connection c) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      try (Statement s = c.createStatement()) {
        s.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
        s.execute("CREATE SCHEMA IF NOT EXISTS freshet");
        s.execute("CREATE TABLE IF NOT EXISTS freshet.migrations (version int PRIMARY KEY, description text NOT NULL,"
            + " applied_at timestamptz NOT NULL DEFAULT now())");
      }
      int found = current(c);
      if (found > latest()) {
        throw new ConnectionException(ConnectionException.Kind.STORE, "the connection store's schema freshet is at"
            + " version " + found + ", newer than this Freshet knows (" + latest() + "): use a newer Freshet");
      }
      for (int v = found + 1; v <= latest(); v++) {
        String file = STEPS.get(v - 1);
        try (Statement s = c.createStatement()) {
          s.execute(sql(file));
        }
        try (PreparedStatement p = c.prepareStatement(
            "INSERT INTO freshet.migrations (version, description) VALUES (?, ?)")) {
          p.setInt(1, v);
          p.setString(2, file);
          p.executeUpdate();
        }
      }
      c.commit();
      return found;
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(auto);
    }
  }

  static int current(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT coalesce(max(version), 0) FROM freshet.migrations")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static String sql(String file) {
    try (InputStream in = Migrations.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalStateException("migration " + file + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read migration " + file + ": " + e.getMessage());
    }
  }
}
