package dev.freshet.connections;

import java.util.Set;

/**
 * A provider refused or could not be reached. Carries the OAuth error code so a caller can tell "authorize again"
 * from "try later". Whoever builds one passes a description already free of secrets (see {@link OAuthClient}).
 */
final class OAuthException extends Exception {
  private static final long serialVersionUID = 1L;
  private static final Set<String> REAUTH = Set.of("invalid_grant", "invalid_client", "unauthorized_client",
      "access_denied", "expired_token");

  private final String error;
  private final String description;
  private final int status;
  private final boolean network;

  OAuthException(String error, String description, int status, boolean network) {
    super(message(error, description, status), null, false, false);
    this.error = error;
    this.description = description;
    this.status = status;
    this.network = network;
  }

  /** An error found on this side (state mismatch, timeout, unknown accounts server): no HTTP status. */
  OAuthException(String error, String description) {
    this(error, description, 0, false);
  }

  /** The OAuth error code ({@code invalid_grant}, ...), or null when the provider gave none. */
  String error() {
    return error;
  }

  String description() {
    return description;
  }

  /** The last HTTP status, or 0 when there was none (network failure, or an error found locally). */
  int status() {
    return status;
  }

  /** The grant or the client is no longer accepted: a person has to authorize again. */
  boolean needsReauth() {
    return error != null && REAUTH.contains(error);
  }

  /** The provider could not be reached (after retries). */
  boolean network() {
    return network;
  }

  private static String message(String error, String description, int status) {
    StringBuilder m = new StringBuilder(error != null ? error : "error");
    if (description != null && !description.isEmpty()) {
      m.append(": ").append(description);
    }
    if (status > 0) {
      m.append(" (HTTP ").append(status).append(')');
    }
    return m.toString();
  }
}
