package dev.freshet.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static dev.freshet.connections.OAuthFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token, revocation and metadata endpoints against a fake provider: what is sent, and how answers are read. */
class OAuthClientTest {
  static WireMockServer server;
  MutableClock clock;
  RecordingSleeper sleeper;
  OAuthClient client;

  @BeforeAll
  static void start() {
    server = startServer();
  }

  @AfterAll
  static void stop() {
    server.stop();
    assertNoSecretsRaised();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
    clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    sleeper = new RecordingSleeper(clock);
    client = new OAuthClient(http(), clock, sleeper);
  }

  String base() {
    return "http://127.0.0.1:" + server.port();
  }

  Connection conn(ClientAuth auth) {
    ServiceBuilder b = new ServiceBuilder(base());
    b.clientAuth = auth;
    return connection(b.build(), List.of("read", "write"));
  }

  LoggedRequest only() {
    List<LoggedRequest> all = server.findAll(anyRequestedFor(anyUrl()));
    assertEquals(1, all.size(), "requests received");
    return all.get(0);
  }

  @Test
  void basicClientAuthFormEncodesIdAndSecretAndKeepsThemOutOfTheForm() throws Exception {
    server.stubFor(post("/token").willReturn(okJson(tokenJson(NEW_ACCESS, null, 3600))));
    client.refresh(conn(ClientAuth.BASIC), secrets(), base() + "/token");
    LoggedRequest r = only();
    String pair = URLEncoder.encode(CLIENT_ID, StandardCharsets.UTF_8) + ":"
        + URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8);
    assertEquals("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
        r.getHeader("Authorization"));
    assertEquals("application/x-www-form-urlencoded", r.getHeader("Content-Type"));
    assertEquals("application/json", r.getHeader("Accept"));
    assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", REFRESH), form(r));
  }

  @Test
  void postClientAuthSendsIdAndSecretAsFormFields() throws Exception {
    server.stubFor(post("/token").willReturn(okJson(tokenJson(NEW_ACCESS, null, 3600))));
    client.refresh(conn(ClientAuth.POST), secrets(), base() + "/token");
    LoggedRequest r = only();
    assertFalse(r.containsHeader("Authorization"));
    assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", REFRESH, "client_id", CLIENT_ID,
        "client_secret", CLIENT_SECRET), form(r));
  }

  @Test
  void publicClientSendsOnlyItsId() throws Exception {
    server.stubFor(post("/token").willReturn(okJson(tokenJson(NEW_ACCESS, null, 3600))));
    client.refresh(conn(ClientAuth.BASIC), secrets().withClientSecret(null), base() + "/token");
    LoggedRequest r = only();
    assertFalse(r.containsHeader("Authorization"));
    assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", REFRESH, "client_id", CLIENT_ID), form(r));
  }

  @Test
  void refreshReadsARotatedRefreshTokenANumericExpiryAndTheExtras() throws Exception {
    server.stubFor(post("/token").willReturn(okJson("{\"access_token\":\"" + NEW_ACCESS + "\",\"refresh_token\":\""
        + NEW_REFRESH + "\",\"expires_in\":3600,\"scope\":\"read write\",\"token_type\":\"Bearer\","
        + "\"id_token\":\"jwt-secret\",\"nested\":{\"a\":1}}")));
    TokenResponse t = client.refresh(conn(ClientAuth.POST), secrets(), base() + "/token");
    assertEquals(NEW_ACCESS, t.accessToken());
    assertEquals(NEW_REFRESH, t.refreshToken());
    assertEquals(3600L, t.expiresIn());
    assertEquals("read write", t.scope());
    assertEquals(Map.of("token_type", "Bearer"), t.info(), "no token, nested value or typed field in info");
    assertFalse(t.toString().contains(NEW_ACCESS) || t.toString().contains(NEW_REFRESH), t.toString());
  }

  @Test
  void refreshWithoutARefreshTokenLeavesItNullAndReadsAStringExpiry() throws Exception {
    server.stubFor(post("/token").willReturn(okJson(tokenJson(NEW_ACCESS, null, "7200"))));
    TokenResponse t = client.refresh(conn(ClientAuth.POST), secrets(), base() + "/token");
    assertNull(t.refreshToken(), "nothing implicit: the caller keeps the old refresh token");
    assertEquals(7200L, t.expiresIn());
  }

  @Test
  void missingExpiresInIsNullSoTheCallerAppliesTheDefaultLifetime() throws Exception {
    server.stubFor(post("/token").willReturn(okJson(tokenJson(NEW_ACCESS, NEW_REFRESH, null))));
    TokenResponse t = client.refresh(conn(ClientAuth.POST), secrets(), base() + "/token");
    assertNull(t.expiresIn());
    assertEquals(NEW_REFRESH, t.refreshToken());
  }

  @Test
  void formEncodedTokenResponsesAreAccepted() throws Exception {
    server.stubFor(post("/token").willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .withBody("access_token=" + NEW_ACCESS + "&scope=repo%2Cgist&token_type=bearer")));
    TokenResponse t = client.refresh(conn(ClientAuth.POST), secrets(), base() + "/token");
    assertEquals(NEW_ACCESS, t.accessToken());
    assertEquals("repo,gist", t.scope());
    assertEquals(Map.of("token_type", "bearer"), t.info());
  }

  @Test
  void clientCredentialsAsksForTheScopesJoinedWithTheServiceDelimiter() throws Exception {
    server.stubFor(post("/token").willReturn(okJson(tokenJson(NEW_ACCESS, null, 600))));
    ServiceBuilder b = new ServiceBuilder(base());
    b.delimiter = ScopeDelimiter.COMMA;
    TokenResponse t = client.clientCredentials(connection(b.build(), List.of("a.read", "b.write")), secrets(),
        base() + "/token");
    assertEquals(NEW_ACCESS, t.accessToken());
    assertEquals(Map.of("grant_type", "client_credentials", "scope", "a.read,b.write", "client_id", CLIENT_ID,
        "client_secret", CLIENT_SECRET), form(only()));
  }

  @Test
  void plusDelimitedScopesArriveAsSeparateScopes() throws Exception {
    server.stubFor(post("/token").willReturn(okJson(tokenJson(NEW_ACCESS, null, 600))));
    ServiceBuilder b = new ServiceBuilder(base());
    b.delimiter = ScopeDelimiter.PLUS;
    client.clientCredentials(connection(b.build(), List.of("a", "b")), secrets(), base() + "/token");
    assertTrue(only().getBodyAsString().contains("scope=a+b&"), only().getBodyAsString());
  }

  @Test
  void revocationSendsTheTokenItsHintAndTheClientAuthentication() throws Exception {
    server.stubFor(post("/revoke").willReturn(ok()));
    client.revoke(conn(ClientAuth.BASIC), secrets(), base() + "/revoke", REFRESH, "refresh_token");
    LoggedRequest r = only();
    assertTrue(r.getHeader("Authorization").startsWith("Basic "));
    assertEquals(Map.of("token", REFRESH, "token_type_hint", "refresh_token"), form(r));
  }

  @Test
  void revocationRetriesA503() throws Exception {
    server.stubFor(post("/revoke").inScenario("r").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
    server.stubFor(post("/revoke").inScenario("r").whenScenarioStateIs("up").willReturn(ok()));
    client.revoke(conn(ClientAuth.POST), secrets(), base() + "/revoke", ACCESS, null);
    assertEquals(2, server.findAll(postRequestedFor(urlEqualTo("/revoke"))).size());
    assertEquals(List.of(Duration.ofMillis(500)), sleeper.sleeps);
    assertFalse(form(server.findAll(postRequestedFor(urlEqualTo("/revoke"))).get(0)).containsKey("token_type_hint"));
  }

  @Test
  void revocationOfAnUnsupportedTokenTypeIsAnError() {
    server.stubFor(post("/revoke").willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"unsupported_token_type\"}")));
    OAuthException e = expectOAuth(() -> client.revoke(conn(ClientAuth.POST), secrets(), base() + "/revoke", ACCESS,
        "access_token"));
    assertEquals("unsupported_token_type", e.error());
    assertEquals(400, e.status());
    assertFalse(e.needsReauth());
  }

  @Test
  void invalidGrantNeedsReauthorization() {
    server.stubFor(post("/token").willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or revoked.\"}")));
    OAuthException e = expectOAuth(() -> client.refresh(conn(ClientAuth.POST), secrets(), base() + "/token"));
    assertEquals("invalid_grant", e.error());
    assertEquals("Token has been expired or revoked.", e.description());
    assertTrue(e.needsReauth());
    assertFalse(e.network());
    assertEquals(1, server.findAll(anyRequestedFor(anyUrl())).size(), "a 400 is not retried");
    assertTrue(sleeper.sleeps.isEmpty());
  }

  @Test
  void invalidClientWith401NeedsReauthorization() {
    server.stubFor(post("/token").willReturn(aResponse().withStatus(401)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_client\"}")));
    OAuthException e = expectOAuth(() -> client.refresh(conn(ClientAuth.BASIC), secrets(), base() + "/token"));
    assertTrue(e.needsReauth());
    assertEquals(401, e.status());
  }

  @Test
  void zohoAnswering200WithAnErrorIsAnError() {
    server.stubFor(post("/token").willReturn(okJson("{\"error\":\"invalid_code\"}")));
    OAuthException e = expectOAuth(() -> client.exchangeCode(conn(ClientAuth.POST), secrets(), base() + "/token",
        CODE, "http://127.0.0.1:1/callback", null));
    assertEquals("invalid_code", e.error());
    assertEquals(200, e.status());
  }

  @Test
  void aSuccessWithoutAnAccessTokenIsAnError() {
    server.stubFor(post("/token").willReturn(okJson("{\"token_type\":\"Bearer\"}")));
    OAuthException e = expectOAuth(() -> client.refresh(conn(ClientAuth.POST), secrets(), base() + "/token"));
    assertNull(e.error());
    assertTrue(e.getMessage().contains("no access_token"), e.getMessage());
  }

  @Test
  void tooManyRequestsWaitsForRetryAfterThenSucceeds() throws Exception {
    server.stubFor(post("/token").inScenario("rl").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")).willSetStateTo("ok"));
    server.stubFor(post("/token").inScenario("rl").whenScenarioStateIs("ok")
        .willReturn(okJson(tokenJson(NEW_ACCESS, null, 3600))));
    TokenResponse t = client.refresh(conn(ClientAuth.POST), secrets(), base() + "/token");
    assertEquals(NEW_ACCESS, t.accessToken());
    assertEquals(List.of(Duration.ofSeconds(3)), sleeper.sleeps);
    assertEquals(2, server.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void retryAfterIsCappedAt30Seconds() {
    server.stubFor(post("/token").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
    OAuthException e = expectOAuth(() -> client.refresh(conn(ClientAuth.POST), secrets(), base() + "/token"));
    assertEquals(429, e.status());
    assertEquals(List.of(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30)), sleeper.sleeps);
  }

  @Test
  void serverErrorsGiveUpAfterFourAttemptsWithGrowingDelays() {
    server.stubFor(post("/token").willReturn(aResponse().withStatus(503)));
    OAuthException e = expectOAuth(() -> client.refresh(conn(ClientAuth.POST), secrets(), base() + "/token"));
    assertEquals(4, server.findAll(anyRequestedFor(anyUrl())).size());
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2)), sleeper.sleeps);
    assertEquals(503, e.status());
    assertFalse(e.network());
    assertTrue(e.getMessage().contains("4 attempts") && e.getMessage().contains("HTTP 503"), e.getMessage());
  }

  @Test
  void badRequestIsNotRetried() {
    server.stubFor(post("/token").willReturn(aResponse().withStatus(400).withBody("nope")));
    OAuthException e = expectOAuth(() -> client.refresh(conn(ClientAuth.POST), secrets(), base() + "/token"));
    assertEquals(400, e.status());
    assertNull(e.error());
    assertEquals(1, server.findAll(anyRequestedFor(anyUrl())).size());
    assertTrue(sleeper.sleeps.isEmpty());
  }

  @Test
  void redirectsAreNotFollowed() {
    server.stubFor(post("/token").willReturn(aResponse().withStatus(307).withHeader("Location", base() + "/other")));
    OAuthException e = expectOAuth(() -> client.refresh(conn(ClientAuth.POST), secrets(), base() + "/token"));
    assertEquals(307, e.status());
    assertEquals(1, server.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void anUnreachableProviderIsRetriedThenReportedAsANetworkFailure() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/token";
    OAuthException e = expectOAuth(() -> client.refresh(conn(ClientAuth.POST), secrets(), url));
    assertTrue(e.network());
    assertEquals(0, e.status());
    assertEquals(3, sleeper.sleeps.size());
    assertTrue(e.getMessage().contains("4 attempts"), e.getMessage());
  }

  @Test
  void mailchimpMetadataIsFetchedWithTheOAuthHeader() throws Exception {
    server.stubFor(get("/oauth2/metadata").withHeader("Authorization", equalTo("OAuth " + ACCESS))
        .willReturn(okJson("{\"dc\":\"us6\",\"role\":\"owner\",\"accountname\":\"Acme\","
            + "\"login_url\":\"https://login.mailchimp.com\",\"api_endpoint\":\"https://us6.api.mailchimp.com\"}")));
    Map<String, String> m = client.mailchimpMetadata(base() + "/oauth2/metadata", ACCESS);
    assertEquals(Map.of("api_endpoint", "https://us6.api.mailchimp.com", "dc", "us6"), m);
  }

  /** A provider answering 400 with the given values echoed in its error description. */
  void echo(String path, String... sent) {
    String body = "{\"error\":\"invalid_request\",\"error_description\":\"you sent " + String.join(" and ", sent)
        + "\"}";
    server.stubFor(any(urlEqualTo(path)).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody(body)));
  }

  @Test
  void secretsEchoedByTheProviderNeverReachTheExceptionText() {
    echo("/code", CODE, "v".repeat(43), CLIENT_SECRET);
    echo("/token", REFRESH, CLIENT_SECRET, "s3cr%26t%3Apass+word");
    echo("/revoke", ACCESS, CLIENT_SECRET);
    echo("/meta", ACCESS);
    List<OAuthException> raised = List.of(
        expectOAuth(() -> client.exchangeCode(conn(ClientAuth.POST), secrets(), base() + "/code", CODE,
            "http://127.0.0.1:1/callback", "v".repeat(43))),
        expectOAuth(() -> client.refresh(conn(ClientAuth.BASIC), secrets(), base() + "/token")),
        expectOAuth(() -> client.revoke(conn(ClientAuth.POST), secrets(), base() + "/revoke", ACCESS, null)),
        expectOAuth(() -> client.mailchimpMetadata(base() + "/meta", ACCESS)));
    for (OAuthException e : raised) {
      assertEquals("invalid_request", e.error());
      assertTrue(e.getMessage().contains("***"), e.getMessage());
      assertFalse(e.getMessage().contains("v".repeat(43)), e.getMessage());
    }
    assertNoSecretsRaised();
  }
}
