package dev.freshet.cli;

import dev.freshet.connections.AuthType;
import dev.freshet.connections.ClientAuth;
import dev.freshet.connections.Connection;
import dev.freshet.connections.ConnectionSummary;
import dev.freshet.connections.Grant;
import dev.freshet.connections.Placement;
import dev.freshet.connections.ScopeDelimiter;
import dev.freshet.connections.Secrets;
import dev.freshet.connections.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code freshet connections add}: defines a connection on a built-in or custom service. */
@Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Define a connection on a built-in service (--service) or a custom one (--custom).",
        "Secrets are read from the environment variable an *-env option names, or asked for without echo."})
final class ConnectionAdd extends ConnectionsCommand.Sub {
  @Parameters(paramLabel = "NAME", description = "The link name scripts use: a-z first, then a-z, 0-9, _.")
  String name;

  @Option(names = "--service", paramLabel = "SERVICE", description = "A built-in service (see: connections services).")
  String service;

  @Option(names = "--custom", description = "Define the service here with the options below.")
  boolean custom;

  @Option(names = "--auth", paramLabel = "TYPE", description = "oauth2, api_key, basic, bearer or none (custom).")
  String auth;

  @Option(names = "--grant", paramLabel = "GRANT",
      description = "authorization_code, client_credentials or device_code (oauth2).")
  String grant;

  @Option(names = "--client-id", paramLabel = "ID", description = "The OAuth client id.")
  String clientId;

  @Option(names = "--client-secret-env", paramLabel = "VAR", description = "Environment variable with the secret.")
  String clientSecretEnv;

  @Option(names = "--scopes", paramLabel = "a,b", split = ",", description = "Scopes to ask for.")
  List<String> scopes = new ArrayList<>();

  @Option(names = "--authorize-url", paramLabel = "URL") String authorizeUrl;
  @Option(names = "--token-url", paramLabel = "URL") String tokenUrl;
  @Option(names = "--refresh-url", paramLabel = "URL", description = "Default: the token URL.") String refreshUrl;
  @Option(names = "--revoke-url", paramLabel = "URL", description = "RFC 7009 revocation endpoint.") String revokeUrl;
  @Option(names = "--device-url", paramLabel = "URL", description = "RFC 8628 device endpoint.") String deviceUrl;

  @Option(names = "--scope-delimiter", paramLabel = "D", description = "comma, space (default) or plus.")
  String scopeDelimiter;

  @Option(names = "--header-prefix", paramLabel = "PREFIX", description = "Authorization header prefix"
      + " (default: Bearer).")
  String headerPrefix;

  @Option(names = "--token-param", paramLabel = "NAME", description = "Send the token as this query parameter"
      + " instead of a header.")
  String tokenParam;

  @Option(names = "--client-auth", paramLabel = "HOW", description = "basic or post (default): how the client"
      + " authenticates to the token endpoint.")
  String clientAuth;

  @Option(names = "--auth-param", paramLabel = "KEY=VALUE", description = "Extra authorization URL parameter.")
  Map<String, String> authParams = new LinkedHashMap<>();

  @Option(names = "--token-lifetime", paramLabel = "SECONDS", description = "Token life when the provider gives no"
      + " expires_in (default: 3600).")
  Long tokenLifetime;

  @Option(names = "--api-host", paramLabel = "HOST", description = "A host the credentials may be sent to"
      + " (repeat; *.example.com for subdomains). Default for custom: the token URL's host.")
  List<String> apiHosts = new ArrayList<>();

  @Option(names = "--api-domain", paramLabel = "URL", description = "Where zoho.* tasks send their requests, e.g."
      + " https://www.zohoapis.eu (default: the api_domain of the token response, else the data centre's).")
  String apiDomain;

  @Option(names = "--dc", paramLabel = "DC", description = "zoho: the data centre of the account: us, eu, in, au, jp,"
      + " ca, sa, uk or cn (sign-in, tokens and the default API domain go there; default: us).")
  String dc;

  @Option(names = "--rewrite-zoho-hosts", description = "Let invokeurl move a Zoho API URL written for another data"
      + " centre (https://www.zohoapis.com/…, https://desk.zoho.com/…) onto this connection's API domain; said on"
      + " standard error once per run.")
  boolean rewriteZohoHosts;

  @Option(names = "--key-name", paramLabel = "N", description = "api_key: the header or parameter name.")
  String keyName;

  @Option(names = "--key-in", paramLabel = "WHERE", description = "api_key: header, query or form.")
  String keyIn;

  @Option(names = "--key-env", paramLabel = "VAR", description = "api_key: environment variable with the key.")
  String keyEnv;

  @Option(names = "--username", paramLabel = "U", description = "basic: the user name.")
  String username;

  @Option(names = "--password-env", paramLabel = "VAR", description = "basic: environment variable with the password.")
  String passwordEnv;

  @Option(names = "--token-env", paramLabel = "VAR", description = "bearer: environment variable with the token.")
  String tokenEnv;

  @Option(names = "--replace", description = "Replace a connection of the same name (its tokens are dropped).")
  boolean replace;

  ConnectionAdd(Terminal terminal) {
    super(terminal);
  }

  @Override
  int act() {
    Connection.checkName(name);
    if ((service == null) == !custom) {
      throw new IllegalArgumentException("give either --service SERVICE or --custom");
    }
    var registry = registry();
    Service s = custom ? customService() : registry.services().find(service).orElseThrow(() ->
        new IllegalArgumentException("unknown service \"" + service + "\"; see: freshet connections services"));
    Grant g = grant == null ? null : Grant.parse(grant);
    if (g != null && s.auth() == AuthType.OAUTH2 && !s.grants().contains(g)) {
      throw new IllegalArgumentException("service " + s.id() + " does not offer the " + g.word() + " grant ("
          + String.join(", ", s.grants().stream().map(Grant::word).toList()) + ")");
    }
    if (dc != null && !"zoho".equals(s.quirk())) {
      throw new IllegalArgumentException("--dc is for the zoho service; give --api-domain URL for " + s.id());
    }
    Connection c = new Connection(name, null, s, g, clientId, scopes, username, apiDomain, dc, rewriteZohoHosts);
    ConnectionSummary added = registry.add(c, secrets(c), replace);
    terminal.out().println("Added \"" + name + "\" (" + s.name() + ", " + s.auth().word()
        + (added.grant() == null ? "" : ", " + added.grant().word()) + "): " + added.status().word() + ".");
    if (added.status() == dev.freshet.connections.ConnectionStatus.DEFINED) {
      terminal.out().println("Next: freshet connections authorize " + name);
    }
    return Main.OK;
  }

  private Service customService() {
    if (auth == null) {
      throw new IllegalArgumentException("--custom needs --auth oauth2|api_key|basic|bearer|none");
    }
    AuthType type = AuthType.parse(auth);
    List<Grant> grants = type == AuthType.OAUTH2 ? List.of(grant == null ? Grant.AUTHORIZATION_CODE
        : Grant.parse(grant)) : List.of();
    if (type == AuthType.OAUTH2) {
      require(tokenUrl, "--token-url");
      if (grants.get(0) == Grant.AUTHORIZATION_CODE) {
        require(authorizeUrl, "--authorize-url");
      }
      if (grants.get(0) == Grant.DEVICE_CODE) {
        require(deviceUrl, "--device-url");
      }
    } else if (apiHosts.isEmpty() && type != AuthType.NONE) {
      throw new IllegalArgumentException("a custom " + type.word() + " connection needs --api-host HOST: the hosts"
          + " its credentials may be sent to");
    }
    List<Placement> keys = List.of();
    if (type == AuthType.API_KEY) {
      require(keyName, "--key-name");
      keys = List.of(new Placement(Placement.In.parse(keyIn == null ? "header" : keyIn), keyName, null));
    }
    Placement token = tokenParam != null ? new Placement(Placement.In.QUERY, tokenParam, null)
        : Placement.header(headerPrefix == null ? "Bearer" : headerPrefix);
    return new Service("custom", name, type, grants, authorizeUrl, tokenUrl, refreshUrl, revokeUrl, deviceUrl,
        scopeDelimiter == null ? null : ScopeDelimiter.parse(scopeDelimiter), List.of(), token, keys, authParams,
        clientAuth == null ? null : ClientAuth.parse(clientAuth),
        Duration.ofSeconds(tokenLifetime == null ? 3600 : tokenLifetime), null, apiHosts, null, List.of(), null, true,
        null);
  }

  private Secrets secrets(Connection c) {
    switch (c.auth()) {
      case OAUTH2: {
        boolean required = c.grant() == Grant.CLIENT_CREDENTIALS;
        String secret = SecretInput.read(terminal, clientSecretEnv, "--client-secret-env", "Client secret for " + name
            + (required ? "" : " (empty for a public client)"), required);
        return new Secrets(secret, null, null, null, Map.of());
      }
      case API_KEY: {
        Map<String, String> values = new LinkedHashMap<>();
        for (Placement p : c.service().keys()) {
          values.put(p.name(), SecretInput.read(terminal, keyEnv, "--key-env", "Value of " + p.name(), true));
        }
        return new Secrets(null, null, null, null, values);
      }
      case BASIC:
        require(username, "--username");
        return new Secrets(null, null, null, SecretInput.read(terminal, passwordEnv, "--password-env",
            "Password for " + username, true), Map.of());
      case BEARER:
        return new Secrets(null, SecretInput.read(terminal, tokenEnv, "--token-env", "Token for " + name, true), null,
            null, Map.of());
      default:
        return Secrets.NONE;
    }
  }

  private static void require(String value, String option) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("missing " + option);
    }
  }
}
