package dev.freshet.connections;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a token response into the next record, and answers "is this token fresh?". */
final class Tokens {
  private Tokens() {}

  /**
   * The record after a successful grant or refresh: the old refresh token is kept when the response has none, and a
   * response without {@code expires_in} lives for the service's default lifetime (null: never expires).
   */
  static ConnectionRecord apply(ConnectionRecord r, TokenGrant grant, Instant now) {
    TokenResponse t = grant.response();
    String refresh = t.refreshToken() != null && !t.refreshToken().isEmpty() ? t.refreshToken()
        : r.secrets().refreshToken();
    Duration lifetime = t.expiresIn() != null && t.expiresIn() > 0 ? Duration.ofSeconds(t.expiresIn())
        : r.connection().service().defaultLifetime();
    Map<String, String> info = new LinkedHashMap<>(r.info());
    info.putAll(grant.info());
    if (t.scope() != null && !t.scope().isEmpty()) {
      info.put("scope", t.scope());
    }
    return r.next(ConnectionStatus.CONNECTED, r.secrets().withTokens(t.accessToken(), refresh),
        lifetime == null ? null : now.plus(lifetime), now, info, null, now);
  }

  /** How long before expiry a token is refreshed: the service's margin, never more than half its lifetime. */
  static Duration margin(ConnectionRecord r) {
    Duration margin = r.connection().service().refreshMargin();
    if (r.expiresAt() != null && r.obtainedAt() != null) {
      Duration half = Duration.between(r.obtainedAt(), r.expiresAt()).dividedBy(2);
      if (half.compareTo(margin) < 0) {
        return half.isNegative() ? Duration.ZERO : half;
      }
    }
    return margin;
  }

  static boolean hasToken(ConnectionRecord r) {
    return r.secrets().accessToken() != null && r.status() == ConnectionStatus.CONNECTED;
  }

  /** Usable without refreshing: not within the margin of its expiry. */
  static boolean fresh(ConnectionRecord r, Instant now) {
    return hasToken(r) && (r.expiresAt() == null || now.isBefore(r.expiresAt().minus(margin(r))));
  }

  /** Still accepted by the provider, though perhaps within the margin. */
  static boolean valid(ConnectionRecord r, Instant now) {
    return hasToken(r) && (r.expiresAt() == null || now.isBefore(r.expiresAt()));
  }
}
