package dev.freshet.connections;

/**
 * A connection cannot give credentials, or a connection command failed. The message names the connection and, when
 * there is one, the command that fixes it; it never holds a token or secret.
 */
public class ConnectionException extends RuntimeException {
  /** What went wrong, so a caller can choose an exit code or retry. */
  public enum Kind {
    /** No connection of that name. */
    UNKNOWN,
    /** Defined but never authorized, revoked, or refused by the provider: a person has to authorize it again. */
    NEEDS_AUTHORIZATION,
    /** The URL's host is not one the service allows the credentials to go to. */
    HOST_NOT_ALLOWED,
    /** The provider answered with an error (after retries for 429 and 5xx). */
    PROVIDER,
    /** The provider could not be reached. */
    NETWORK,
    /** The store could not be read or written, or the vault key is wrong. */
    STORE,
    /** Bad definition or command input. */
    INVALID
  }

  private final Kind kind;

  public ConnectionException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public ConnectionException(Kind kind, String message, Throwable cause) {
    super(message, cause, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** True when the fix is a person running {@code freshet connections authorize} (CLI exit code 75). */
  public boolean needsAuthorization() {
    return kind == Kind.NEEDS_AUTHORIZATION;
  }
}
