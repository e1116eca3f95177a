package dev.freshet.api;

import dev.freshet.source.Diagnostic;

/**
 * The run stopped because a connection it used needs a person to authorize it: it was never authorized, was revoked,
 * or the provider refused its refresh token. The message names the command that fixes it; the CLI exits with 75.
 */
public final class AuthorizationRequiredException extends RunException {
  private final String connection;

  AuthorizationRequiredException(Diagnostic diagnostic, String connection) {
    super(diagnostic, false);
    this.connection = connection;
  }

  /** The connection's link name. */
  public String connection() {
    return connection;
  }
}
