package dev.freshet.connections;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/** What the OAuth tests share: a fake provider, a fake clock and sleeper, test services, and the secrets used. */
final class OAuthFixtures {
  static final String CLIENT_ID = "freshet-client";
  /** Characters that need form encoding, so the Basic header's encoding is tested. */
  static final String CLIENT_SECRET = "s3cr&t:pass word";
  static final String ACCESS = "AT-access-1111";
  static final String NEW_ACCESS = "AT-access-2222";
  static final String REFRESH = "RT-refresh-3333";
  static final String NEW_REFRESH = "RT-refresh-4444";
  static final String CODE = "AC-code-5555";
  static final String DEVICE_CODE = "DC-device-6666";
  static final List<String> SECRETS = List.of(CLIENT_SECRET, ACCESS, NEW_ACCESS, REFRESH, NEW_REFRESH, CODE,
      DEVICE_CODE, "s3cr%26t%3Apass+word");

  /** Every OAuthException the tests provoked, for the check that none holds a secret. */
  static final List<OAuthException> RAISED = Collections.synchronizedList(new ArrayList<>());

  private OAuthFixtures() {}

  static WireMockServer startServer(com.github.tomakehurst.wiremock.extension.Extension... extensions) {
    WireMockServer server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
        .dynamicPort().extensions(extensions));
    server.start();
    return server;
  }

  static HttpClient http() {
    return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  static Secrets secrets() {
    return new Secrets(CLIENT_SECRET, ACCESS, REFRESH, null, Map.of());
  }

  static Connection connection(Service s, List<String> scopes) {
    return new Connection("test_conn", null, s, null, CLIENT_ID, scopes, null);
  }

  /** Runs {@code call}, which must throw an OAuthException; remembers it for the secrets check. */
  static OAuthException expectOAuth(Executable call) {
    OAuthException e = assertThrows(OAuthException.class, call);
    RAISED.add(e);
    return e;
  }

  /** No exception text, description, error or toString holds a secret used by the tests. */
  static void assertNoSecretsRaised() {
    synchronized (RAISED) {
      for (OAuthException e : RAISED) {
        String all = e.getMessage() + "|" + e + "|" + e.description() + "|" + e.error();
        for (String secret : SECRETS) {
          assertFalse(all.contains(secret), "a secret leaked into: " + all);
        }
      }
    }
  }

  /** A request's form body, decoded here rather than by the code under test. */
  static Map<String, String> form(LoggedRequest r) {
    return query(r.getBodyAsString());
  }

  static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  static Map<String, String> queryOf(String url) {
    return query(URI.create(url).getRawQuery());
  }

  /** RFC 7636 S256, computed independently of {@link Pkce}. */
  static String s256(String verifier) throws Exception {
    byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
  }

  static String tokenJson(String access, String refresh, Object expiresIn) {
    StringBuilder b = new StringBuilder("{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\"");
    if (refresh != null) {
      b.append(",\"refresh_token\":\"").append(refresh).append('"');
    }
    if (expiresIn instanceof String) {
      b.append(",\"expires_in\":\"").append(expiresIn).append('"');
    } else if (expiresIn != null) {
      b.append(",\"expires_in\":").append(expiresIn);
    }
    return b.append('}').toString();
  }

  /** A clock the tests move by hand (and the recording sleeper moves as it "sleeps"). */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** Records every wait instead of waiting, and moves the clock on by as much. */
  static final class RecordingSleeper implements Sleeper {
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());
    private final MutableClock clock;

    RecordingSleeper(MutableClock clock) {
      this.clock = clock;
    }

    @Override
    public void sleep(Duration d) {
      sleeps.add(d);
      clock.advance(d);
    }
  }

  /** A test service on the fake provider; each test changes what it needs. */
  static final class ServiceBuilder {
    String id = "test";
    String base;
    String authorizeUrl;
    String tokenUrl;
    String refreshUrl;
    String revokeUrl;
    String deviceUrl;
    List<Grant> grants = List.of(Grant.AUTHORIZATION_CODE, Grant.CLIENT_CREDENTIALS, Grant.DEVICE_CODE);
    ScopeDelimiter delimiter = ScopeDelimiter.SPACE;
    List<String> defaultScopes = List.of();
    Map<String, String> authParams = Map.of();
    ClientAuth clientAuth = ClientAuth.POST;
    Duration lifetime = Duration.ofHours(1);
    String quirk;
    List<String> accountsServers = List.of();
    String metadataUrl;
    boolean pkce = true;

    ServiceBuilder(String base) {
      this.base = base;
      authorizeUrl = base + "/authorize";
      tokenUrl = base + "/token";
      revokeUrl = base + "/revoke";
      deviceUrl = base + "/device";
    }

    Service build() {
      return new Service(id, "Test " + id, AuthType.OAUTH2, grants, authorizeUrl, tokenUrl, refreshUrl, revokeUrl,
          deviceUrl, delimiter, defaultScopes, null, null, authParams, clientAuth, lifetime, null,
          List.of(Hosts.of(base)), quirk, accountsServers, metadataUrl, pkce, null);
    }
  }
}
