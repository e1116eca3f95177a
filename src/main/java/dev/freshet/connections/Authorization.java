package dev.freshet.connections;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The OAuth grants end to end, provider quirks included: authorization code in two steps ({@link #begin}, then
 * {@link #complete} with the callback's parameters, so a host can use its own redirect URL), device code, client
 * credentials and refresh. Each returns the token response and the provider facts to store.
 */
final class Authorization {
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Parameters this class sets; a service's extra parameters may not replace them. */
  private static final Set<String> OWN = Set.of("response_type", "client_id", "redirect_uri", "scope", "state",
      "code_challenge", "code_challenge_method");

  private Authorization() {}

  /** Builds the authorization URL with a fresh state and, when the service uses PKCE, a fresh verifier. */
  static PendingAuthorization begin(Connection c, String redirectUri) {
    Service s = c.service();
    if (s.authorizeUrl() == null) {
      throw new IllegalArgumentException("service " + s.id() + " has no authorization URL");
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Pkce pkce = s.pkce() ? Pkce.create() : null;
    Map<String, String> q = new LinkedHashMap<>();
    q.put("response_type", "code");
    q.put("client_id", c.clientId());
    q.put("redirect_uri", redirectUri);
    List<String> scopes = c.effectiveScopes();
    q.put("scope", scopes.isEmpty() ? null : OAuthWire.scope(s.scopeDelimiter(), scopes));
    q.put("state", state);
    if (pkce != null) {
      q.put("code_challenge", pkce.challenge());
      q.put("code_challenge_method", pkce.method());
    }
    new TreeMap<>(s.authParams()).forEach((k, v) -> {
      if (!OWN.contains(k)) {
        q.put(k, v);
      }
    });
    String base;
    try {
      base = Quirks.authorizeUrl(c);
    } catch (OAuthException e) { // a data centre's accounts server the service does not list
      throw new IllegalArgumentException(e.getMessage());
    }
    int hash = base.indexOf('#');
    base = hash < 0 ? base : base.substring(0, hash); // a fragment would swallow the query
    String sep = !base.contains("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
    return new PendingAuthorization(c, redirectUri, state, pkce, base + sep + OAuthWire.encode(q));
  }

  /**
   * Checks the callback (provider error, then state) and exchanges its code, at the accounts server the callback
   * names for Zoho.
   */
  static TokenGrant complete(OAuthClient client, PendingAuthorization p, Secrets s, Map<String, String> callback)
      throws OAuthException {
    if (callback.get("error") != null) {
      throw new OAuthException(callback.get("error"), OAuthWire.redact(callback.get("error_description"),
          List.of(p.state())));
    }
    String state = callback.get("state");
    if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
        p.state().getBytes(StandardCharsets.UTF_8))) {
      throw new OAuthException("state_mismatch", "the callback's state is not the one this authorization sent; "
          + "start the authorization again");
    }
    String code = callback.get("code");
    if (code == null || code.isEmpty()) {
      throw new OAuthException("invalid_request", "the callback has no authorization code");
    }
    Service service = p.connection().service();
    Map<String, String> info = Quirks.facts(p.connection(), Quirks.fromCallback(service, callback));
    TokenResponse r = client.exchangeCode(p.connection(), s, Quirks.tokenUrl(service, info), code, p.redirectUri(),
        p.pkce() == null ? null : p.pkce().verifier());
    return new TokenGrant(r, Quirks.afterToken(client, service, r, info));
  }

  /** RFC 8628: asks for a user code, hands it to {@code show}, then polls until the user approves or it fails. */
  static TokenGrant device(OAuthClient client, Connection c, Secrets s, Consumer<DeviceAuthorization> show)
      throws OAuthException {
    DeviceAuthorization d = client.startDevice(c, s);
    show.accept(d);
    TokenResponse r = client.pollDevice(c, s, d);
    return new TokenGrant(r, Quirks.afterToken(client, c.service(), r, Quirks.facts(c, Map.of())));
  }

  /** The client-credentials grant; {@code info} is the connection's stored provider facts. */
  static TokenGrant clientCredentials(OAuthClient client, Connection c, Secrets s, Map<String, String> info)
      throws OAuthException {
    info = Quirks.facts(c, info);
    TokenResponse r = client.clientCredentials(c, s, Quirks.tokenUrl(c.service(), info));
    return new TokenGrant(r, Quirks.afterToken(client, c.service(), r, info));
  }

  /**
   * A refresh at the (quirk-adjusted) refresh URL. The response's refresh token is null when the provider sent none:
   * the caller keeps the old one.
   */
  static TokenGrant refresh(OAuthClient client, Connection c, Secrets s, Map<String, String> info)
      throws OAuthException {
    if (s.refreshToken() == null || s.refreshToken().isEmpty()) {
      if (c.grant() == Grant.CLIENT_CREDENTIALS) {
        return clientCredentials(client, c, s, info);
      }
      throw new OAuthException("invalid_grant", "no refresh token is stored");
    }
    info = Quirks.facts(c, info);
    TokenResponse r = client.refresh(c, s, Quirks.refreshUrl(c.service(), info));
    return new TokenGrant(r, Quirks.afterToken(client, c.service(), r, info));
  }
}
