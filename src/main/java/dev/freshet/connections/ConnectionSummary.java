package dev.freshet.connections;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What may be shown about a connection: everything except the secrets, of which only the names of those present are
 * given ({@code client secret}, {@code access token}, …).
 */
public record ConnectionSummary(String name, String owner, Service service, AuthType auth, Grant grant,
    String clientId, List<String> scopes, String username, ConnectionStatus status, Instant expiresAt,
    Instant updatedAt, Map<String, String> info, List<String> apiHosts, List<String> secretsHeld, String problem,
    String apiDomain, String dc, boolean rewriteZohoHosts) {

  static ConnectionSummary of(ConnectionRecord r) {
    Connection c = r.connection();
    TreeSet<String> held = new TreeSet<>();
    Secrets s = r.secrets();
    if (s.clientSecret() != null) {
      held.add("client secret");
    }
    if (s.accessToken() != null) {
      held.add(c.auth() == AuthType.BEARER ? "token" : "access token");
    }
    if (s.refreshToken() != null) {
      held.add("refresh token");
    }
    if (s.password() != null) {
      held.add("password");
    }
    s.keys().keySet().forEach(k -> held.add("key " + k));
    return new ConnectionSummary(c.name(), c.owner(), c.service(), c.auth(), c.grant(), c.clientId(), c.scopes(),
        c.username(), r.status(), r.expiresAt(), r.updatedAt(), r.info(), LiveTokens.allowedHosts(r),
        List.copyOf(held), r.problem(), c.apiDomain(), c.dc(), c.rewriteZohoHosts());
  }
}
