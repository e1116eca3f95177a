package dev.freshet.connections;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A provider's definition (CONNECTIONS.md "Words"): built-in ones ship in {@code services.json} inside the jar; a
 * custom one is written into its connection. Holds no secret.
 *
 * @param id the service name used on the command line, e.g. {@code mailchimp}; {@code custom} for a custom one
 * @param name the display name
 * @param auth the auth type
 * @param grants the OAuth grants it supports, the default first (empty unless {@code oauth2})
 * @param authorizeUrl where the browser signs in (authorization code)
 * @param tokenUrl the token endpoint
 * @param refreshUrl the refresh endpoint; null means the token URL
 * @param revokeUrl the RFC 7009 revocation endpoint, or null
 * @param deviceUrl the RFC 8628 device authorization endpoint, or null
 * @param scopeDelimiter how scopes are joined
 * @param defaultScopes scopes asked for when a connection names none
 * @param token how an access or bearer token is attached to API requests
 * @param keys for {@code api_key}: the values a connection supplies and where each goes
 * @param authParams extra authorization-URL parameters such as {@code access_type=offline}
 * @param clientAuth how the client authenticates to the token endpoint
 * @param defaultLifetime an access token's life when the response has no {@code expires_in}; null when the provider
 *     documents tokens that never expire (MailChimp)
 * @param refreshMargin refresh this long before expiry (never more than half the token's life)
 * @param apiHosts the hosts the credentials may be sent to
 * @param quirk a named provider hook: {@code zoho} (data centres, {@code api_domain}) or {@code mailchimp}
 *     (metadata endpoint); null for none
 * @param accountsServers for {@code zoho}: the accounts servers an {@code accounts-server} redirect may name
 * @param metadataUrl for {@code mailchimp}: the endpoint that gives the account's API host
 * @param pkce whether the authorization-code flow sends a PKCE S256 challenge
 * @param docs where to register an OAuth client or create a key
 */
public record Service(String id, String name, AuthType auth, List<Grant> grants, String authorizeUrl, String tokenUrl,
    String refreshUrl, String revokeUrl, String deviceUrl, ScopeDelimiter scopeDelimiter, List<String> defaultScopes,
    Placement token, List<Placement> keys, Map<String, String> authParams, ClientAuth clientAuth,
    Duration defaultLifetime, Duration refreshMargin, List<String> apiHosts, String quirk,
    List<String> accountsServers, String metadataUrl, boolean pkce, String docs) {

  public static final Duration DEFAULT_MARGIN = Duration.ofSeconds(60);

  public Service {
    Objects.requireNonNull(id);
    Objects.requireNonNull(auth);
    name = name == null ? id : name;
    grants = List.copyOf(grants == null ? List.of() : grants);
    scopeDelimiter = scopeDelimiter == null ? ScopeDelimiter.SPACE : scopeDelimiter;
    defaultScopes = List.copyOf(defaultScopes == null ? List.of() : defaultScopes);
    token = token == null ? Placement.header("Bearer") : token;
    keys = List.copyOf(keys == null ? List.of() : keys);
    authParams = Map.copyOf(authParams == null ? Map.of() : authParams);
    clientAuth = clientAuth == null ? ClientAuth.POST : clientAuth;
    refreshMargin = refreshMargin == null ? DEFAULT_MARGIN : refreshMargin;
    apiHosts = List.copyOf(apiHosts == null ? List.of() : apiHosts);
    apiHosts.forEach(Hosts::validate);
    accountsServers = List.copyOf(accountsServers == null ? List.of() : accountsServers);
    if (auth == AuthType.OAUTH2 && tokenUrl == null) {
      throw new IllegalArgumentException("service " + id + ": an oauth2 service needs a token URL");
    }
    if (auth == AuthType.OAUTH2 && grants.isEmpty()) {
      grants = List.of(Grant.AUTHORIZATION_CODE);
    }
  }

  /** The endpoint refresh-token requests go to. */
  public String refreshEndpoint() {
    return refreshUrl != null ? refreshUrl : tokenUrl;
  }

  /** The default grant: the first one listed. */
  public Grant defaultGrant() {
    return grants.isEmpty() ? null : grants.get(0);
  }

  public boolean isCustom() {
    return id.equals("custom");
  }

  /** The hosts credentials may go to; a custom service with none listed allows only its token URL's host. */
  public List<String> effectiveApiHosts() {
    if (!apiHosts.isEmpty() || tokenUrl == null) {
      return apiHosts;
    }
    return List.of(Hosts.of(tokenUrl));
  }
}
