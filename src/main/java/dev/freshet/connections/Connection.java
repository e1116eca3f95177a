package dev.freshet.connections;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A connection's definition: its link name, owner, service and the non-secret settings. Secrets and tokens live in
 * {@link Secrets}; both together with the status form a {@link ConnectionRecord}.
 *
 * @param name the link name scripts write in {@code connection: "name"}
 * @param owner null for a connection every script may use; a user or tenant id when a host keeps one per owner
 * @param service the service (built-in, or custom and stored with the connection)
 * @param grant the OAuth grant, or null for other auth types
 * @param clientId the OAuth client id (not a secret), or null
 * @param scopes the scopes asked for
 * @param username for {@code basic}: the user name
 * @param apiDomain the API domain given when the connection was added ({@code https://www.zohoapis.eu}), an origin
 *     without a path; null to use the one the token response names, or the data centre's
 * @param dc a Zoho data centre ({@code us}, {@code eu}, {@code in}, …; see {@link ZohoHosts}), or null
 * @param rewriteZohoHosts whether invokeurl moves a Zoho API URL written for another data centre onto this
 *     connection's API domain
 */
public record Connection(String name, String owner, Service service, Grant grant, String clientId,
    List<String> scopes, String username, String apiDomain, String dc, boolean rewriteZohoHosts) {
  private static final Pattern LINK_NAME = Pattern.compile("[a-z][a-z0-9_]{0,49}");

  public Connection {
    checkName(name);
    Objects.requireNonNull(service);
    scopes = List.copyOf(scopes == null ? List.of() : scopes);
    if (service.auth() == AuthType.OAUTH2) {
      grant = grant == null ? service.defaultGrant() : grant;
      if (clientId == null || clientId.isBlank()) {
        throw new IllegalArgumentException("connection " + name + ": an oauth2 connection needs a client id");
      }
    } else {
      grant = null;
    }
    if (apiDomain != null) {
      String origin = Quirks.origin(apiDomain);
      if (origin == null) {
        throw new IllegalArgumentException("connection " + name + ": the API domain is an http(s) origin such as"
            + " https://www.zohoapis.eu, without a path; got \"" + apiDomain + "\"");
      }
      apiDomain = origin;
    }
    if (dc != null) {
      dc = ZohoHosts.checkDc(dc);
    }
  }

  /** A connection with no API domain, data centre or host rewriting of its own. */
  public Connection(String name, String owner, Service service, Grant grant, String clientId, List<String> scopes,
      String username) {
    this(name, owner, service, grant, clientId, scopes, username, null, null, false);
  }

  /** The same definition for another owner. */
  public Connection withOwner(String newOwner) {
    return new Connection(name, newOwner, service, grant, clientId, scopes, username, apiDomain, dc,
        rewriteZohoHosts);
  }

  /** Throws when {@code name} is not a link name: a lower-case letter, then {@code [a-z0-9_]}, at most 50. */
  public static void checkName(String name) {
    if (name == null || !LINK_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a connection name starts with a lower-case letter, then has only a-z, 0-9"
          + " and _, at most 50 characters; got \"" + name + "\"");
    }
  }

  public AuthType auth() {
    return service.auth();
  }

  /** The scopes sent: the connection's own, or the service's defaults. */
  public List<String> effectiveScopes() {
    return scopes.isEmpty() ? service.defaultScopes() : scopes;
  }
}
