package dev.freshet.connections;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Keeps tokens live (CONNECTIONS.md "Keeping tokens live"): a fresh token is used as it is; one inside the refresh
 * margin is used while a single background refresh runs; an expired one waits for that refresh. Refreshes are
 * single-flight per connection in this process (one future per connection) and across processes (the store's lock,
 * then a re-read: someone else may have refreshed already). They run on their own threads so that a caller that
 * gives up never abandons a refresh that has reached the provider, and the JVM waits for them at shutdown.
 */
final class LiveTokens {
  /** How long a loaded record is trusted before the store is read again (another process may have changed it). */
  static final Duration RELOAD_AFTER = Duration.ofSeconds(5);
  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);
  private static final Set<CompletableFuture<?>> INFLIGHT = ConcurrentHashMap.newKeySet();
  private static final ExecutorService REFRESHERS = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "freshet-token-refresh");
    t.setDaemon(true);
    return t;
  });

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(LiveTokens::awaitInflight, "freshet-token-refresh-wait"));
  }

  private final ConnectionStore store;
  private final Clock clock;
  private final Supplier<OAuthClient> client;
  private final Map<String, Live> live = new ConcurrentHashMap<>();

  /** One connection's last known record and its refresh in flight, if any. */
  private static final class Live {
    volatile ConnectionRecord record;
    volatile long loadedAt;
    CompletableFuture<ConnectionRecord> refreshing; // guarded by this
  }

  LiveTokens(ConnectionStore store, Clock clock, Supplier<OAuthClient> client) {
    this.store = store;
    this.clock = clock;
    this.client = client;
  }

  /** The credentials for a request to {@code uri}, refreshing first when the token has expired. */
  Credentials credentials(String owner, String name, URI uri) {
    Live l = current(owner, name);
    ConnectionRecord r = l.record;
    List<String> hosts = allowedHosts(r);
    if (!Hosts.matches(hosts, uri)) {
      throw new ConnectionException(ConnectionException.Kind.HOST_NOT_ALLOWED, "connection \"" + name
          + "\" may only be sent to " + String.join(", ", hosts) + "; refused to send it to " + hostOf(uri));
    }
    Connection c = r.connection();
    Secrets s = r.secrets();
    switch (c.auth()) {
      case NONE:
        return new Credentials(name, c.owner(), null);
      case BASIC:
        String pair = (c.username() == null ? "" : c.username()) + ":" + (s.password() == null ? "" : s.password());
        return new Credentials(name, c.owner(), null).add(Placement.header("Basic"),
            Base64.getEncoder().encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      case BEARER:
        requireSecret(r, s.accessToken(), "token");
        return new Credentials(name, c.owner(), null).add(c.service().token(), s.accessToken());
      case API_KEY:
        Credentials k = new Credentials(name, c.owner(), null);
        for (Placement p : c.service().keys()) {
          requireSecret(r, s.keys().get(p.name()), "key " + p.name());
          k.add(p, s.keys().get(p.name()));
        }
        return k;
      default:
        return oauth(l, r);
    }
  }

  private Credentials oauth(Live l, ConnectionRecord r) {
    Instant now = clock.instant();
    if (Tokens.fresh(r, now)) {
      return bearer(r);
    }
    Problems.requireUsable(r);
    if (Tokens.valid(r, now)) {
      refresh(l, r.secrets().accessToken(), false); // callers keep the valid token meanwhile
      return bearer(r);
    }
    return bearer(await(refresh(l, r.secrets().accessToken(), false), r.name()));
  }

  /**
   * After a 401: refreshes once, unless the token was already replaced since {@code used} was made, and returns the
   * new credentials; null when there is nothing new to retry with.
   */
  Credentials afterUnauthorized(Credentials used, URI uri) {
    if (!used.refreshable()) {
      return null;
    }
    Live l = current(used.owner, used.connection());
    ConnectionRecord r = await(refresh(l, used.token, true), used.connection());
    if (!Tokens.hasToken(r) || Objects.equals(r.secrets().accessToken(), used.token)) {
      return null;
    }
    return credentials(used.owner, used.connection(), uri);
  }

  /**
   * The connection's record, with a token fetched or refreshed first when it is an OAuth connection whose token is
   * missing or expired (so the provider facts that come with a token, such as {@code api_domain}, are known).
   */
  ConnectionRecord withToken(String owner, String name) {
    Live l = current(owner, name);
    ConnectionRecord r = l.record;
    if (r.connection().auth() != AuthType.OAUTH2 || Tokens.valid(r, clock.instant())) {
      return r;
    }
    Problems.requireUsable(r);
    return await(refresh(l, r.secrets().accessToken(), false), name);
  }

  /** The connection's last known record (read again when old). */
  ConnectionRecord record(String owner, String name) {
    return current(owner, name).record;
  }

  /** Refreshes now (the CLI's {@code refresh}), whatever the expiry. */
  ConnectionRecord refreshNow(String owner, String name) {
    Live l = current(owner, name);
    return await(refresh(l, l.record.secrets().accessToken(), true), name);
  }

  /** Forgets what this process knows about a connection (after a write by the registry). */
  void updated(ConnectionRecord r) {
    Live l = live.computeIfAbsent(key(r.owner(), r.name()), k -> new Live());
    l.record = r;
    l.loadedAt = System.nanoTime();
  }

  void forget(String owner, String name) {
    live.remove(key(owner, name));
  }

  private Live current(String owner, String name) {
    Live l = live.computeIfAbsent(key(owner, name), k -> new Live());
    if (l.record == null || System.nanoTime() - l.loadedAt > RELOAD_AFTER.toNanos()) {
      ConnectionRecord r = store.load(owner, name)
          .or(() -> owner == null ? java.util.Optional.empty() : store.load(null, name)) // an owner sees shared ones
          .orElseThrow(() -> Problems.unknown(store, owner, name));
      l.record = r;
      l.loadedAt = System.nanoTime();
    }
    return l;
  }

  private CompletableFuture<ConnectionRecord> refresh(Live l, String seenToken, boolean force) {
    synchronized (l) {
      if (l.refreshing != null) {
        return l.refreshing;
      }
      CompletableFuture<ConnectionRecord> f = new CompletableFuture<>();
      l.refreshing = f;
      INFLIGHT.add(f);
      ConnectionRecord seen = l.record;
      REFRESHERS.execute(() -> {
        ConnectionRecord r = null;
        Throwable failure = null;
        try {
          r = refreshLocked(seen, seenToken, force);
          l.record = r;
          l.loadedAt = System.nanoTime();
        } catch (Throwable t) {
          failure = t;
        }
        synchronized (l) {
          l.refreshing = null;
        }
        INFLIGHT.remove(f);
        if (failure != null) {
          f.completeExceptionally(failure);
        } else {
          f.complete(r);
        }
      });
      return f;
    }
  }

  /** Under the connection's lock: re-read, and refresh only if nobody else has. */
  private ConnectionRecord refreshLocked(ConnectionRecord seen, String seenToken, boolean force) {
    String owner = seen.owner();
    String name = seen.name();
    return store.withLock(owner, name, () -> {
      ConnectionRecord r = store.load(owner, name).orElseThrow(() -> Problems.unknown(store, owner, name));
      Instant now = clock.instant();
      boolean replaced = !Objects.equals(r.secrets().accessToken(), seenToken);
      if (Tokens.fresh(r, now) && (replaced || !force)) {
        return r;
      }
      Problems.requireUsable(r);
      Connection c = r.connection();
      TokenGrant grant;
      try {
        if (c.grant() == Grant.CLIENT_CREDENTIALS) {
          grant = Authorization.clientCredentials(client.get(), c, r.secrets(), r.info());
        } else if (r.secrets().refreshToken() != null) {
          grant = Authorization.refresh(client.get(), c, r.secrets(), r.info());
        } else {
          throw Problems.markNeedsReauth(store, r, "the token expired and the provider gave no refresh token", now);
        }
      } catch (OAuthException e) {
        if (Problems.isReauth(e)) {
          throw Problems.markNeedsReauth(store, r, "the provider refused the refresh (" + e.error() + ")", now);
        }
        throw Problems.refreshFailed(name, e);
      }
      ConnectionRecord next = Tokens.apply(r, grant, clock.instant());
      if (!store.save(next)) {
        throw new ConnectionException(ConnectionException.Kind.STORE, "connection \"" + name
            + "\" was changed by another writer during its refresh; try again");
      }
      return next;
    });
  }

  private static ConnectionRecord await(CompletableFuture<ConnectionRecord> f, String name) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectionException(ConnectionException.Kind.NETWORK, "connection \"" + name
          + "\": interrupted while its token was being refreshed (the refresh goes on)");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ConnectionException ce) {
        throw ce;
      }
      throw new ConnectionException(ConnectionException.Kind.STORE, "connection \"" + name
          + "\": the token refresh failed: " + e.getCause().getClass().getSimpleName(), e.getCause());
    }
  }

  private static Credentials bearer(ConnectionRecord r) {
    return new Credentials(r.name(), r.owner(), r.secrets().accessToken())
        .add(r.connection().service().token(), r.secrets().accessToken());
  }

  private static void requireSecret(ConnectionRecord r, String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new ConnectionException(ConnectionException.Kind.NEEDS_AUTHORIZATION, "connection \"" + r.name()
          + "\" has no " + what + " stored; add it again with freshet connections add " + r.name() + " --replace");
    }
  }

  /** The hosts a connection's credentials may go to: the service's, plus the provider-given API host. */
  static List<String> allowedHosts(ConnectionRecord r) {
    List<String> hosts = new ArrayList<>(r.connection().service().effectiveApiHosts());
    for (String h : Quirks.extraApiHosts(r.connection(), r.info())) {
      if (!hosts.contains(h)) {
        hosts.add(h);
      }
    }
    return hosts;
  }

  private static String hostOf(URI uri) {
    return uri.getPort() >= 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
  }

  private static String key(String owner, String name) {
    return (owner == null ? "" : owner) + "\u0000" + name;
  }

  /** Waits (bounded) for every refresh in flight: a rotated refresh token thrown away is a dead connection. */
  static void awaitInflight() {
    long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
    for (CompletableFuture<?> f : List.copyOf(INFLIGHT)) {
      try {
        f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException e) {
        // a failed refresh has nothing to persist; a stuck one cannot hold shutdown forever
      }
    }
  }
}
