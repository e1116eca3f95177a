package dev.freshet.connections;

/**
 * An authorization-code flow between {@link Authorization#begin} and {@link Authorization#complete}: what the browser
 * is sent to, and what the callback is checked against.
 *
 * @param connection the connection being authorized
 * @param redirectUri the redirect URI sent (the code exchange must send the same)
 * @param state the random value the callback must bring back
 * @param pkce the verifier and challenge, or null when the service does not use PKCE
 * @param url the authorization URL to open in a browser
 */
record PendingAuthorization(Connection connection, String redirectUri, String state, Pkce pkce, String url) {
  /** Names the connection and redirect only: the state, verifier and URL (which holds the state) stay out of logs. */
  @Override
  public String toString() {
    return "PendingAuthorization[" + connection.name() + ", redirectUri=" + redirectUri + ", pkce="
        + (pkce != null) + "]";
  }
}
