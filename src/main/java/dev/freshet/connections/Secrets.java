package dev.freshet.connections;

import java.util.Map;

/**
 * Everything secret about a connection. Stored only encrypted; never printed: {@link #toString()} names which
 * secrets are present, not their values.
 *
 * @param clientSecret the OAuth client secret
 * @param accessToken the current access token, or the static token of a {@code bearer} connection
 * @param refreshToken the refresh token
 * @param password for {@code basic}
 * @param keys for {@code api_key}: each key's value by its parameter or header name
 */
public record Secrets(String clientSecret, String accessToken, String refreshToken, String password,
    Map<String, String> keys) {
  public static final Secrets NONE = new Secrets(null, null, null, null, Map.of());

  public Secrets {
    keys = Map.copyOf(keys == null ? Map.of() : keys);
  }

  public Secrets withTokens(String access, String refresh) {
    return new Secrets(clientSecret, access, refresh, password, keys);
  }

  public Secrets withClientSecret(String secret) {
    return new Secrets(secret, accessToken, refreshToken, password, keys);
  }

  /** Every non-empty secret value, for tests and redaction. */
  public java.util.List<String> values() {
    java.util.List<String> all = new java.util.ArrayList<>();
    for (String s : new String[] {clientSecret, accessToken, refreshToken, password}) {
      if (s != null && !s.isEmpty()) {
        all.add(s);
      }
    }
    keys.values().stream().filter(v -> v != null && !v.isEmpty()).forEach(all::add);
    return all;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("Secrets[");
    String sep = "";
    if (clientSecret != null) {
      s.append("clientSecret=***");
      sep = ", ";
    }
    if (accessToken != null) {
      s.append(sep).append("accessToken=***");
      sep = ", ";
    }
    if (refreshToken != null) {
      s.append(sep).append("refreshToken=***");
      sep = ", ";
    }
    if (password != null) {
      s.append(sep).append("password=***");
      sep = ", ";
    }
    for (String k : keys.keySet()) {
      s.append(sep).append(k).append("=***");
      sep = ", ";
    }
    return s.append(']').toString();
  }
}
