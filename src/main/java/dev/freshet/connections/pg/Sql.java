package dev.freshet.connections.pg;

import dev.freshet.connections.ConnectionException;
import java.sql.SQLException;

/** JDBC steps whose failures become ConnectionExceptions that say what failed, never with a stack trace or secret. */
final class Sql {
  /** PostgreSQL's SQLSTATE for a lock not granted within lock_timeout. */
  static final String LOCK_NOT_AVAILABLE = "55P03";

  private Sql() {}

  /** One step on the database. */
  interface Step<T> {
    T run() throws SQLException;
  }

  static <T> T run(String what, Step<T> step) {
    try {
      return step.run();
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  static ConnectionException failure(String what, SQLException e) {
    return new ConnectionException(ConnectionException.Kind.STORE, "connection store (PostgreSQL): cannot " + what
        + ": " + reason(e), e);
  }

  /** The driver's message without its "Detail"/"Where" lines, which can quote row values. */
  static String reason(SQLException e) {
    while (e.getCause() instanceof SQLException cause) { // a pool's timeout wraps the driver's reason
      e = cause;
    }
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    String first = nl < 0 ? m : m.substring(0, nl);
    return e.getSQLState() == null ? first : first + " (SQLSTATE " + e.getSQLState() + ")";
  }
}
