package dev.freshet.connections.pg;

import dev.freshet.connections.ConnectionException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Where a PostgreSQL store is: {@code postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=…]} (libpq's form;
 * {@code postgres://} too), the password from the URL or else {@code PGPASSWORD}. The query parameters (sslmode,
 * sslrootcert, …) go to the driver as they are. {@link #toString()} never shows the password.
 *
 * @param jdbcUrl the driver's URL, without user or password
 * @param user the database user
 * @param password the password, or null
 * @param shown the URL without the password, for messages
 */
public record StoreUrl(String jdbcUrl, String user, String password, String shown) {
  public static final String ENV = "FRESHET_STORE";

  /** Whether {@code text} names a PostgreSQL store (and not, say, a folder). */
  public static boolean isPostgres(String text) {
    return text != null && (text.startsWith("postgresql://") || text.startsWith("postgres://"));
  }

  /**
   * Parses {@code text}.
   *
   * @param env where {@code PGPASSWORD} is looked up
   * @throws ConnectionException (INVALID) naming what is wrong, never echoing a password
   */
  public static StoreUrl parse(String text, Function<String, String> env) {
    if (!isPostgres(text)) {
      throw invalid("a store URL starts with postgresql://");
    }
    URI u;
    try {
      u = new URI(text);
    } catch (URISyntaxException e) {
      throw invalid("it is not a URL (" + e.getReason() + " at character " + e.getIndex() + ")");
    }
    if (u.getHost() == null) {
      throw invalid("it names no host");
    }
    String info = u.getRawUserInfo();
    if (info == null || info.isEmpty() || info.startsWith(":")) {
      throw invalid("it names no user: postgresql://USER@HOST:PORT/DB");
    }
    int colon = info.indexOf(':');
    String user = decode(colon < 0 ? info : info.substring(0, colon));
    String password = colon < 0 ? env.apply("PGPASSWORD") : decode(info.substring(colon + 1));
    String path = u.getRawPath();
    if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
      throw invalid("it names no database: postgresql://USER@HOST:PORT/DB");
    }
    String hostPort = (u.getHost().contains(":") && !u.getHost().startsWith("[") ? "[" + u.getHost() + "]"
        : u.getHost()) + (u.getPort() < 0 ? "" : ":" + u.getPort());
    String query = u.getRawQuery() == null ? "" : "?" + u.getRawQuery();
    String shown = "postgresql://" + user + "@" + hostPort + path + query;
    return new StoreUrl("jdbc:postgresql://" + hostPort + path + query, user, password, shown);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static ConnectionException invalid(String why) {
    return new ConnectionException(ConnectionException.Kind.INVALID, "the connection store URL is not valid: " + why);
  }

  @Override
  public String toString() {
    return shown;
  }
}
