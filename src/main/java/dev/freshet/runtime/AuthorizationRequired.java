package dev.freshet.runtime;

/**
 * A connection the script uses needs a person to authorize it (never authorized, revoked, or refused by the provider).
 * A script may catch it like any runtime error; uncaught, the CLI exits with code 75.
 */
public final class AuthorizationRequired extends ScriptError {
  private final String connection;

  public AuthorizationRequired(String connection, String message) {
    super(message);
    this.connection = connection;
  }

  /** The link name of the connection. */
  public String connection() {
    return connection;
  }
}
