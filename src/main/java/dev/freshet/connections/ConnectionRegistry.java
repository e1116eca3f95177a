package dev.freshet.connections;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The connections scripts name in {@code invokeurl [ connection: "name" ]}: defines them, runs their authorization,
 * and hands out live credentials without a script ever seeing a secret. Thread-safe; share one per store.
 *
 * <pre>{@code
 * ConnectionRegistry connections = ConnectionRegistry.openDefault();      // $FRESHET_HOME or ~/.freshet
 * Engine engine = Engine.builder().connections(connections).build();
 * }</pre>
 */
public final class ConnectionRegistry {
  private final ConnectionStore store;
  private final ServiceCatalog services;
  private final Clock clock;
  private final String owner;
  private final LiveTokens tokens;
  private final Lazy<OAuthClient> client;
  /** Not null for {@link #replaying}: recorded answers, no store, no credentials. */
  private final Replayed replayed;

  private ConnectionRegistry(ConnectionStore store, ServiceCatalog services, Clock clock, String owner,
      LiveTokens tokens, Lazy<OAuthClient> client) {
    this(store, services, clock, owner, tokens, client, null);
  }

  private ConnectionRegistry(ConnectionStore store, ServiceCatalog services, Clock clock, String owner,
      LiveTokens tokens, Lazy<OAuthClient> client, Replayed replayed) {
    this.replayed = replayed;
    this.store = store;
    this.services = services;
    this.clock = clock;
    this.owner = owner;
    this.tokens = tokens;
    this.client = client;
  }

  /** The built-in services and the folder store at {@code $FRESHET_HOME}, or {@code ~/.freshet}. */
  public static ConnectionRegistry openDefault() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * What a connection answered while traffic was recorded: its service, its API domain, whether it moves Zoho hosts,
   * and the product defaults. A {@link #replaying} registry gives these back.
   */
  public record Replayed(Map<String, String> services, Map<String, String> apiDomains,
      Map<String, Boolean> rewritesZohoHosts, Map<String, String> defaults) {}

  /**
   * A registry for replaying recorded HTTP traffic (freshet test): it accepts every connection name and attaches no
   * credentials, so a replay needs no store, no master key and no network. Only what a request is built from is
   * answered ({@link #credentials}, {@link #apiDomain}, {@link #rewritesZohoHosts}, {@link #defaults}); managing
   * connections is refused.
   */
  public static ConnectionRegistry replaying(Replayed recorded) {
    return new ConnectionRegistry(null, ServiceCatalog.builtIn(), Clock.systemUTC(), null, null, null,
        Objects.requireNonNull(recorded));
  }

  /**
   * The same registry seen by one owner (a user or tenant of a host application): it lists and defines that owner's
   * connections, and a script running for it finds the owner's connection first, then a shared one of that name.
   */
  public ConnectionRegistry forOwner(String owner) {
    return new ConnectionRegistry(store, services, clock, owner, tokens, client, replayed);
  }

  public ServiceCatalog services() {
    return services;
  }

  /** Credentials for one request to {@code uri}; refreshes the token first when it has expired. */
  public Credentials credentials(String name, URI uri) {
    if (replayed != null) {
      return new Credentials(name, owner, null);
    }
    return tokens.credentials(owner, name, uri);
  }

  /**
   * After the resource answered 401 to a request made with {@code used}: refreshes the token once (unless another
   * caller already has) and returns credentials to retry with, or null when a retry would not help.
   */
  public Credentials afterUnauthorized(Credentials used, URI uri) {
    if (replayed != null) {
      return null;
    }
    return tokens.afterUnauthorized(used, uri);
  }

  /**
   * Where the connection's API calls go, as an origin such as {@code https://www.zohoapis.eu}: the API domain it was
   * added with ({@code --api-domain}); else the {@code api_domain} its token response named (an OAuth connection
   * that holds no token yet gets one first); else, for Zoho, its data centre's ({@code --dc}, or the location its
   * authorization reported; US when neither). Null when none of these applies.
   *
   * @throws ConnectionException when there is no such connection, or getting its token fails
   */
  public String apiDomain(String name) {
    if (replayed != null) {
      return replayed.apiDomains().get(name);
    }
    ConnectionRecord r = tokens.record(owner, name);
    Connection c = r.connection();
    if (c.apiDomain() != null) {
      return c.apiDomain();
    }
    if (r.info().get("api_domain") == null && c.auth() == AuthType.OAUTH2) {
      r = tokens.withToken(owner, name);
    }
    if (r.info().get("api_domain") != null) {
      return r.info().get("api_domain");
    }
    if (!Quirks.ZOHO.equals(c.service().quirk())) {
      return null;
    }
    String location = r.info().get("location");
    String dc = c.dc() != null ? c.dc()
        : location != null && ZohoHosts.dcs().contains(location.toLowerCase(java.util.Locale.ROOT))
        ? location.toLowerCase(java.util.Locale.ROOT) : null;
    return ZohoHosts.apiDomain(dc);
  }

  /** Whether invokeurl moves Zoho API URLs onto this connection's API domain ({@code --rewrite-zoho-hosts}). */
  public boolean rewritesZohoHosts(String name) {
    if (replayed != null) {
      return Boolean.TRUE.equals(replayed.rewritesZohoHosts().get(name));
    }
    return tokens.record(owner, name).connection().rewriteZohoHosts();
  }

  /**
   * The default connection of each product ({@code crm} → {@code zohocrm}), sorted: what a {@code zoho.*} task uses
   * when the script names no connection. An owner's view has its own defaults, falling back to the shared ones.
   */
  public Map<String, String> defaults() {
    if (replayed != null) {
      return new java.util.TreeMap<>(replayed.defaults());
    }
    Map<String, String> all = new java.util.TreeMap<>(store.defaults(null));
    if (owner != null) {
      all.putAll(store.defaults(owner));
    }
    return all;
  }

  /**
   * Makes {@code name} the default connection of {@code product}, or clears the default when {@code name} is null.
   *
   * @throws ConnectionException when there is no connection of that name, or the store cannot be written
   */
  public void setDefault(String product, String name) {
    if (product == null || !product.matches("[a-z][a-z0-9_]{0,31}")) {
      throw new ConnectionException(ConnectionException.Kind.INVALID, "a product is a lower-case name such as crm,"
          + " got \"" + product + "\"");
    }
    if (name != null) {
      require(name);
    }
    store.setDefault(owner, product, name);
  }

  /**
   * Defines a connection.
   *
   * @throws ConnectionException when one of that name exists (unless {@code replace}) or the store fails
   */
  public ConnectionSummary add(Connection connection, Secrets secrets, boolean replace) {
    if (!Objects.equals(connection.owner(), owner)) {
      connection = connection.withOwner(owner);
    }
    Connection c = connection;
    return summary(store.withLock(owner, c.name(), () -> {
      Optional<ConnectionRecord> old = loadForReplace(c.name(), replace);
      if (old.isPresent() && !replace) {
        throw new ConnectionException(ConnectionException.Kind.INVALID, "a connection named \"" + c.name()
            + "\" already exists (remove it first, or add it again with --replace)");
      }
      ConnectionRecord fresh = ConnectionRecord.define(c, secrets, clock.instant());
      ConnectionRecord r = old.map(o -> new ConnectionRecord(c, fresh.status(), secrets, null, null,
          clock.instant(), Map.of(), null, o.version() + 1)).orElse(new ConnectionRecord(c, fresh.status(), secrets,
          null, null, clock.instant(), Map.of(), null, 1));
      save(r);
      return r;
    }));
  }

  /** The stored record; with {@code replace}, one that cannot be read any more (a lost key) is deleted instead. */
  private Optional<ConnectionRecord> loadForReplace(String name, boolean replace) {
    try {
      return store.load(owner, name);
    } catch (ConnectionException e) {
      if (!replace || e.kind() != ConnectionException.Kind.STORE) {
        throw e;
      }
      store.remove(owner, name);
      return Optional.empty();
    }
  }

  public List<ConnectionSummary> list() {
    if (replayed != null) { // the recorded connections, as far as choosing one needs (zoho.* tasks)
      return replayed.services().entrySet().stream().flatMap(e -> services.find(e.getValue()).stream()
          .map(service -> new ConnectionSummary(e.getKey(), null, service, service.auth(), null, null, List.of(), null,
              ConnectionStatus.CONNECTED, null, null, Map.of(), List.of(), List.of(), null,
              replayed.apiDomains().get(e.getKey()), null, rewritesZohoHosts(e.getKey())))).toList();
    }
    return store.list(owner).stream().map(ConnectionSummary::of).toList();
  }

  public Optional<ConnectionSummary> find(String name) {
    return store.load(owner, name).map(ConnectionSummary::of);
  }

  /**
   * The authorization-code flow with a redirect URL the host serves: send the user to {@link
   * AuthorizationRequest#url()}, then pass the redirect's query parameters to {@link #completeAuthorization}.
   */
  public AuthorizationRequest beginAuthorization(String name, String redirectUri) {
    ConnectionRecord r = require(name);
    if (r.connection().grant() != Grant.AUTHORIZATION_CODE) {
      throw new ConnectionException(ConnectionException.Kind.INVALID, "connection \"" + name + "\" uses the "
          + r.connection().grant().word() + " grant, not authorization_code");
    }
    return new AuthorizationRequest(Authorization.begin(r.connection(), redirectUri));
  }

  /** Checks the redirect ({@code state}, {@code error}), exchanges the code and stores the tokens. */
  public ConnectionSummary completeAuthorization(AuthorizationRequest request, Map<String, String> callbackParams) {
    String name = request.pending().connection().name();
    ConnectionRecord r = require(name);
    TokenGrant grant;
    try {
      grant = Authorization.complete(client.get(), request.pending(), r.secrets(), callbackParams);
    } catch (OAuthException e) {
      throw authorizationFailed(name, e);
    }
    return connected(name, grant);
  }

  /**
   * Authorizes on this machine: for authorization_code, listens once on {@code http://127.0.0.1:<free port>/callback}
   * and passes the URL to {@code showUrl} (print it, open a browser); for device_code, passes the user code and URL to
   * {@code showDevice}; for client_credentials, fetches a token at once.
   */
  public ConnectionSummary authorize(String name, boolean device, Consumer<String> showUrl,
      Consumer<DevicePrompt> showDevice, Duration timeout) {
    return authorize(name, device, 0, showUrl, showDevice, timeout);
  }

  /**
   * As {@link #authorize(String, boolean, Consumer, Consumer, Duration)}, listening on {@code port} (0: any free
   * port) for providers that accept only the exact redirect URL registered, such as Zoho.
   */
  public ConnectionSummary authorize(String name, boolean device, int port, Consumer<String> showUrl,
      Consumer<DevicePrompt> showDevice, Duration timeout) {
    ConnectionRecord r = require(name);
    Connection c = r.connection();
    if (c.auth() != AuthType.OAUTH2) {
      throw new ConnectionException(ConnectionException.Kind.INVALID, "connection \"" + name + "\" uses "
          + c.auth().word() + ": there is nothing to authorize");
    }
    try {
      if (c.grant() == Grant.CLIENT_CREDENTIALS) {
        return connected(name, Authorization.clientCredentials(client.get(), c, r.secrets(), r.info()));
      }
      if (device || c.grant() == Grant.DEVICE_CODE) {
        if (c.service().deviceUrl() == null) {
          throw new ConnectionException(ConnectionException.Kind.INVALID, "service " + c.service().id()
              + " has no device authorization endpoint; authorize in a browser instead");
        }
        return connected(name, Authorization.device(client.get(), c, r.secrets(),
            d -> showDevice.accept(new DevicePrompt(d.userCode(), d.verificationUri(), d.verificationUriComplete(),
                d.expiresAt()))));
      }
      try (LoopbackListener listener = LoopbackListener.start(port)) {
        AuthorizationRequest request = beginAuthorization(name, listener.redirectUri());
        showUrl.accept(request.url());
        return completeAuthorization(request, listener.await(timeout));
      }
    } catch (OAuthException e) {
      throw authorizationFailed(name, e);
    } catch (java.io.IOException e) {
      throw new ConnectionException(ConnectionException.Kind.NETWORK, "connection \"" + name
          + "\": cannot listen for the redirect on 127.0.0.1" + (port == 0 ? "" : ":" + port) + ": "
          + e.getMessage());
    }
  }

  /** Refreshes the token now, whatever its expiry. */
  public ConnectionSummary refresh(String name) {
    ConnectionRecord r = require(name);
    if (r.connection().auth() != AuthType.OAUTH2) {
      throw new ConnectionException(ConnectionException.Kind.INVALID, "connection \"" + name + "\" uses "
          + r.connection().auth().word() + ": it has no token to refresh");
    }
    return summary(tokens.refreshNow(r.owner(), name));
  }

  /**
   * Revokes the tokens at the provider (RFC 7009) when it has an endpoint, then forgets them: the connection stays,
   * {@code revoked}, until it is authorized again or removed.
   */
  public ConnectionSummary revoke(String name) {
    ConnectionRecord r = require(name);
    revokeAtProvider(r);
    return summary(update(name, old -> old.next(ConnectionStatus.REVOKED,
        old.secrets().withTokens(null, null), null, null, old.info(), null, clock.instant())));
  }

  /** Revokes (best effort when the provider cannot be reached) and deletes the connection. */
  public boolean remove(String name) {
    try {
      Optional<ConnectionRecord> r = store.load(owner, name);
      if (r.isEmpty()) {
        return false;
      }
      revokeAtProvider(r.get());
    } catch (ConnectionException e) {
      // removing must work even when the provider is down, or the vault key is lost and nothing can be revoked
    }
    tokens.forget(owner, name);
    return store.remove(owner, name);
  }

  private void revokeAtProvider(ConnectionRecord r) {
    Connection c = r.connection();
    Secrets s = r.secrets();
    if (c.auth() != AuthType.OAUTH2 || c.service().revokeUrl() == null
        || (s.accessToken() == null && s.refreshToken() == null)) {
      return;
    }
    boolean refresh = s.refreshToken() != null; // revoking the refresh token ends the whole grant
    try {
      String url = Quirks.revokeUrl(c.service(), Quirks.facts(c, r.info()));
      client.get().revoke(c, s, url, refresh ? s.refreshToken() : s.accessToken(),
          refresh ? "refresh_token" : "access_token");
    } catch (OAuthException e) {
      throw new ConnectionException(e.network() ? ConnectionException.Kind.NETWORK : ConnectionException.Kind.PROVIDER,
          "connection \"" + r.name() + "\": the provider did not revoke the token: " + e.getMessage());
    }
  }

  private ConnectionSummary connected(String name, TokenGrant grant) {
    return summary(update(name, old -> Tokens.apply(old, grant, clock.instant())));
  }

  /** Read-modify-write under the connection's lock. */
  private ConnectionRecord update(String name, UnaryOperator<ConnectionRecord> change) {
    ConnectionRecord r = require(name);
    return store.withLock(r.owner(), name, () -> {
      ConnectionRecord current = store.load(r.owner(), name).orElseThrow(() -> Problems.unknown(store, owner, name));
      ConnectionRecord next = change.apply(current);
      save(next);
      return next;
    });
  }

  private void save(ConnectionRecord r) {
    if (!store.save(r)) {
      throw new ConnectionException(ConnectionException.Kind.STORE, "connection \"" + r.name()
          + "\" was changed by another writer at the same time; try again");
    }
    tokens.updated(r);
  }

  private ConnectionRecord require(String name) {
    return store.load(owner, name).or(() -> owner == null ? Optional.empty() : store.load(null, name))
        .orElseThrow(() -> Problems.unknown(store, owner, name));
  }

  private static ConnectionSummary summary(ConnectionRecord r) {
    return ConnectionSummary.of(r);
  }

  private static ConnectionException authorizationFailed(String name, OAuthException e) {
    return new ConnectionException(e.network() ? ConnectionException.Kind.NETWORK : ConnectionException.Kind.PROVIDER,
        "connection \"" + name + "\" was not authorized: " + e.getMessage());
  }

  @Override
  public String toString() {
    return "ConnectionRegistry[" + store + (owner == null ? "" : ", owner " + owner) + "]";
  }

  /** What a device-flow user must do: open the URL and type the code. */
  public record DevicePrompt(String userCode, String verificationUri, String verificationUriComplete,
      Instant expiresAt) {}

  /** Options for a registry. */
  public static final class Builder {
    private ConnectionStore store;
    private ServiceCatalog services;
    private Clock clock = Clock.systemUTC();
    private HttpClient http;
    private Sleeper sleeper = Sleeper.REAL;

    private Builder() {}

    /** Where connections are kept (default: {@link FileConnectionStore#openDefault()}). */
    public Builder store(ConnectionStore store) {
      this.store = Objects.requireNonNull(store);
      return this;
    }

    /** The services connections may name (default: the built-in catalogue). */
    public Builder services(ServiceCatalog services) {
      this.services = Objects.requireNonNull(services);
      return this;
    }

    /** The clock expiry is measured with (tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    /** The client used to reach providers' OAuth endpoints (default: a JDK client that follows no redirects). */
    public Builder httpClient(HttpClient http) {
      this.http = Objects.requireNonNull(http);
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    public ConnectionRegistry build() {
      ServiceCatalog catalog = services != null ? services : ServiceCatalog.builtIn();
      ConnectionStore s = store != null ? store : FileConnectionStore.openDefault(catalog::find);
      HttpClient given = http;
      Clock c = clock;
      Sleeper sl = sleeper;
      Lazy<OAuthClient> client = new Lazy<>(() -> new OAuthClient(given != null ? given : HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build(), c, sl));
      return new ConnectionRegistry(s, catalog, c, null, new LiveTokens(s, c, client), client);
    }
  }
}
