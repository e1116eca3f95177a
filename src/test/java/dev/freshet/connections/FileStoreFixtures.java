package dev.freshet.connections;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Services, records and stores for the file store's tests. Every secret value contains "SECRET" and is unique. */
final class FileStoreFixtures {
  /** Stands in for a built-in catalogue entry: written to files as its id only. */
  static final Service ZOHO = service("""
      {"id": "zoho", "name": "Zoho", "auth": "oauth2", "grants": ["authorization_code", "device_code"],
       "authorizeUrl": "https://accounts.zoho.com/oauth/v2/auth",
       "tokenUrl": "https://accounts.zoho.com/oauth/v2/token",
       "revokeUrl": "https://accounts.zoho.com/oauth/v2/token/revoke",
       "deviceUrl": "https://accounts.zoho.com/oauth/v3/device/code", "scopeDelimiter": "comma",
       "token": {"in": "header", "name": "Authorization", "prefix": "Zoho-oauthtoken"},
       "authParams": {"access_type": "offline", "prompt": "consent"}, "apiHosts": ["*.zohoapis.com"],
       "quirk": "zoho", "accountsServers": ["https://accounts.zoho.eu", "https://accounts.zoho.in"]}""");
  static final Service CUSTOM_OAUTH = service("""
      {"id": "custom", "name": "Acme", "auth": "oauth2", "grants": ["client_credentials"],
       "tokenUrl": "https://login.acme.test/token", "refreshUrl": "https://login.acme.test/refresh",
       "scopeDelimiter": "plus", "defaultScopes": ["read"], "clientAuth": "basic", "defaultLifetimeSeconds": 900,
       "refreshMarginSeconds": 30, "apiHosts": ["api.acme.test", "*.acme.test:8443"], "pkce": false,
       "docs": "https://acme.test/dev"}""");
  static final Service API_KEYS = service("""
      {"id": "custom", "auth": "api_key", "keys": [{"in": "header", "name": "X-Api-Key"},
       {"in": "query", "name": "account"}], "apiHosts": ["api.keys.test"]}""");
  static final Service BASIC = service("""
      {"id": "custom", "auth": "basic", "apiHosts": ["basic.test"]}""");
  static final Service BEARER = service("""
      {"id": "custom", "auth": "bearer", "token": {"in": "query", "name": "access_token"},
       "apiHosts": ["bearer.test"]}""");

  static final Function<String, Optional<Service>> BUILT_INS =
      id -> id.equals("zoho") ? Optional.of(ZOHO) : Optional.empty();
  static final byte[] KEY = new byte[32];

  static {
    for (int i = 0; i < KEY.length; i++) {
      KEY[i] = (byte) (i * 7 + 3);
    }
  }

  private FileStoreFixtures() {}

  static Service service(String json) {
    try {
      JsonNode n = ServiceJson.MAPPER.readTree(json);
      return ServiceJson.read(n);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A store with a fixed key and the fake catalogue. */
  static FileConnectionStore store(Path home) {
    return FileConnectionStore.builder(home).services(BUILT_INS).key(KEY).build();
  }

  /** A store keyed by {@code home/vault.key}, whatever this machine's environment says. */
  static FileConnectionStore keyFileStore(Path home) {
    return FileConnectionStore.builder(home).services(BUILT_INS).env(name -> null).build();
  }

  /** One record of each auth type, every field set. */
  static List<ConnectionRecord> everyKind(String owner) {
    return List.of(zoho(owner, "crm", 1), customOauth(owner), apiKeys(owner), basic(owner), bearer(owner));
  }

  static ConnectionRecord zoho(String owner, String name, long version) {
    String tag = (owner == null ? "shared" : owner) + "-" + name + "-" + version;
    return new ConnectionRecord(
        new Connection(name, owner, ZOHO, Grant.DEVICE_CODE, "1000.CLIENTID", List.of("ZohoCRM.modules.ALL",
            "ZohoCRM.users.READ"), null),
        ConnectionStatus.CONNECTED, new Secrets("cs-SECRET-" + tag, "at-SECRET-" + tag, "rt-SECRET-" + tag, null,
            Map.of()),
        Instant.parse("2025-03-01T10:00:00.123456789Z"), Instant.parse("2025-03-01T09:00:00.123456789Z"),
        Instant.parse("2025-03-01T09:00:01Z"),
        Map.of("api_domain", "https://www.zohoapis.eu", "accounts_server", "https://accounts.zoho.eu"),
        "the last refresh failed: HTTP 503", version);
  }

  static ConnectionRecord customOauth(String owner) {
    return new ConnectionRecord(new Connection("acme", owner, CUSTOM_OAUTH, Grant.CLIENT_CREDENTIALS, "acme-client",
        List.of("read", "write"), null), ConnectionStatus.NEEDS_REAUTH,
        new Secrets("acme-cs-SECRET", "acme-at-SECRET", null, null, Map.of()),
        Instant.parse("2030-01-01T00:00:00Z"), Instant.parse("2029-12-31T23:00:00Z"),
        Instant.parse("2029-12-31T23:30:00Z"), Map.of("scope", "read write"),
        "invalid_grant: run freshet connections authorize acme", 1);
  }

  static ConnectionRecord apiKeys(String owner) {
    return new ConnectionRecord(new Connection("keys", owner, API_KEYS, null, null, List.of(), null),
        ConnectionStatus.CONNECTED, new Secrets(null, null, null, null,
            Map.of("X-Api-Key", "key-SECRET-header", "account", "key-SECRET-query")),
        null, null, Instant.parse("2025-01-02T03:04:05Z"), Map.of(), null, 1);
  }

  static ConnectionRecord basic(String owner) {
    return new ConnectionRecord(new Connection("legacy", owner, BASIC, null, null, List.of(), "svc-user"),
        ConnectionStatus.REVOKED, new Secrets(null, null, null, "pw-SECRET-\"quoted\" ü", Map.of()), null, null,
        Instant.parse("2025-01-02T03:04:05Z"), Map.of(), "revoked by the user", 1);
  }

  static ConnectionRecord bearer(String owner) {
    return new ConnectionRecord(new Connection("static_token", owner, BEARER, null, null, List.of(), null),
        ConnectionStatus.DEFINED, new Secrets(null, "bearer-SECRET-token", null, null, Map.of()), null, null,
        Instant.parse("2025-01-02T03:04:05Z"), Map.of(), null, 1);
  }
}
