package dev.freshet.connections;

import java.util.Map;

/**
 * The result of an authorization or refresh: the token response and the provider facts to store with the connection
 * (the connection's previous facts plus what this grant learned: {@code accounts_server}, {@code api_domain},
 * {@code api_endpoint}, {@code dc}).
 */
record TokenGrant(TokenResponse response, Map<String, String> info) {
  TokenGrant {
    info = Map.copyOf(info == null ? Map.of() : info);
  }
}
