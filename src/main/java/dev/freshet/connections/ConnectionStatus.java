package dev.freshet.connections;

import java.util.Locale;

/**
 * Where a connection is in its life (CONNECTIONS.md "Lifecycle"). A failure never deletes a connection; it moves it
 * to {@link #NEEDS_REAUTH}.
 */
public enum ConnectionStatus {
  /** Defined, no credentials yet: run {@code freshet connections authorize}. */
  DEFINED,
  CONNECTED,
  /** The provider refused the refresh token or client ({@code invalid_grant}, {@code invalid_client}). */
  NEEDS_REAUTH,
  REVOKED;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ConnectionStatus parse(String word) {
    return Words.parse(ConnectionStatus.class, word, "status");
  }
}
