package dev.freshet.connections;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A provider played by WireMock, a clock the test moves, and a registry over a temporary store. */
final class LiveFixtures {
  static final String CLIENT_SECRET = "cs-live-secret-9f2c";
  static final String OLD_ACCESS = "at-old-7d41aa";
  static final String NEW_ACCESS = "at-new-52be19";
  static final String OLD_REFRESH = "rt-old-0c33e8";
  static final String NEW_REFRESH = "rt-new-91ad07";
  static final List<String> SECRETS = List.of(CLIENT_SECRET, OLD_ACCESS, NEW_ACCESS, OLD_REFRESH, NEW_REFRESH);
  static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

  private LiveFixtures() {}

  /** An oauth2 service whose endpoints and API are all on the WireMock server. */
  static Service service(WireMockServer wm, Long lifetimeSeconds) throws Exception {
    String base = "http://127.0.0.1:" + wm.port();
    String json = new ObjectMapper().writeValueAsString(Map.of(
        "id", "custom", "name", "Test provider", "auth", "oauth2",
        "grants", List.of("authorization_code", "client_credentials"),
        "authorizeUrl", base + "/authorize", "tokenUrl", base + "/token", "revokeUrl", base + "/revoke",
        "apiHosts", List.of("127.0.0.1:" + wm.port())));
    Service s = ServiceJson.read(new ObjectMapper().readTree(json));
    return new Service(s.id(), s.name(), s.auth(), s.grants(), s.authorizeUrl(), s.tokenUrl(), s.refreshUrl(),
        s.revokeUrl(), s.deviceUrl(), s.scopeDelimiter(), s.defaultScopes(), s.token(), s.keys(), s.authParams(),
        s.clientAuth(), lifetimeSeconds == null ? null : Duration.ofSeconds(lifetimeSeconds), s.refreshMargin(),
        s.apiHosts(), s.quirk(), s.accountsServers(), s.metadataUrl(), s.pkce(), s.docs());
  }

  static FileConnectionStore store(Path home) {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i * 7 + 3);
    }
    return FileConnectionStore.builder(home).key(key).build();
  }

  static ConnectionRegistry registry(FileConnectionStore store, Clock clock) {
    return ConnectionRegistry.builder().store(store).clock(clock).sleeper(d -> { }).build();
  }

  /** Stores a connected record whose token was obtained at {@code obtained} and lives {@code life}. */
  static ConnectionRecord connected(ConnectionStore store, Service s, String name, Instant obtained, Duration life,
      Grant grant) {
    Connection c = new Connection(name, null, s, grant, "client-1", List.of("read", "write"), null);
    ConnectionRecord r = new ConnectionRecord(c, ConnectionStatus.CONNECTED,
        new Secrets(CLIENT_SECRET, OLD_ACCESS, grant == Grant.CLIENT_CREDENTIALS ? null : OLD_REFRESH, null,
            Map.of()), life == null ? null : obtained.plus(life), obtained, obtained, Map.of(), null, 1);
    if (!store.save(r)) {
      throw new IllegalStateException("fixture already stored");
    }
    return r;
  }

  static String token(String access, String refresh, Long expiresIn) {
    return "{\"access_token\":\"" + access + "\",\"token_type\":\"bearer\""
        + (refresh == null ? "" : ",\"refresh_token\":\"" + refresh + "\"")
        + (expiresIn == null ? "" : ",\"expires_in\":" + expiresIn) + "}";
  }
}
