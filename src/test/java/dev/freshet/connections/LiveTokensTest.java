package dev.freshet.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.freshet.connections.LiveFixtures.NEW_ACCESS;
import static dev.freshet.connections.LiveFixtures.NEW_REFRESH;
import static dev.freshet.connections.LiveFixtures.OLD_ACCESS;
import static dev.freshet.connections.LiveFixtures.OLD_REFRESH;
import static dev.freshet.connections.LiveFixtures.T0;
import static dev.freshet.connections.LiveFixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeping tokens live: freshness, refresh, rotation, failures, single flight — against a fake provider and clock. */
class LiveTokensTest {
  @TempDir
  Path home;
  WireMockServer wm;
  OAuthFixtures.MutableClock clock;
  FileConnectionStore store;
  ConnectionRegistry registry;
  Service service;
  URI api;

  final Gate gate = new Gate();

  /**
   * Holds back the answers of stubs that name it ({@code withTransformers(Gate.NAME)}) until the test opens it: a
   * provider exactly as slow as the test needs, whatever the machine's load.
   */
  static final class Gate implements ResponseTransformerV2 {
    static final String NAME = "gate";
    final CountDownLatch arrived = new CountDownLatch(1);
    final CountDownLatch open = new CountDownLatch(1);

    @Override
    public Response transform(Response response, ServeEvent event) {
      arrived.countDown(); // (the request journal lists a request only once it is answered)
      try {
        open.await(30, TimeUnit.SECONDS); // bounded: a test that never opens it fails instead of hanging
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return response;
    }

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }
  }

  @BeforeEach
  void start() throws Exception {
    wm = OAuthFixtures.startServer(gate);
    clock = new OAuthFixtures.MutableClock(T0);
    store = LiveFixtures.store(home);
    registry = LiveFixtures.registry(store, clock);
    service = LiveFixtures.service(wm, 3600L);
    api = URI.create("http://127.0.0.1:" + wm.port() + "/api/items");
  }

  @AfterEach
  void stop() {
    gate.open.countDown();
    wm.stop();
  }

  private void tokenAnswers(String body) {
    wm.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(body)));
  }

  private String authorization(Credentials c) {
    return c.headers().get("Authorization");
  }

  private ConnectionRecord stored() {
    return store.load(null, "crm").orElseThrow();
  }

  private int tokenRequests() {
    return wm.findAll(postRequestedFor(urlEqualTo("/token"))).size();
  }

  @Test
  void aFreshTokenIsUsedWithoutAskingTheProvider() {
    LiveFixtures.connected(store, service, "crm", T0, Duration.ofHours(1), Grant.AUTHORIZATION_CODE);
    assertEquals("Bearer " + OLD_ACCESS, authorization(registry.credentials("crm", api)));
    assertEquals(0, tokenRequests());
  }

  @Test
  void anExpiredTokenIsRefreshedAndTheRotatedRefreshTokenStored() {
    LiveFixtures.connected(store, service, "crm", T0, Duration.ofHours(1), Grant.AUTHORIZATION_CODE);
    tokenAnswers(token(NEW_ACCESS, NEW_REFRESH, 1800L));
    clock.advance(Duration.ofHours(2));
    assertEquals("Bearer " + NEW_ACCESS, authorization(registry.credentials("crm", api)));
    wm.verify(1, postRequestedFor(urlEqualTo("/token")).withRequestBody(containing("grant_type=refresh_token"))
        .withRequestBody(containing("refresh_token=" + OLD_REFRESH)));
    ConnectionRecord r = stored();
    assertEquals(NEW_ACCESS, r.secrets().accessToken());
    assertEquals(NEW_REFRESH, r.secrets().refreshToken());
    assertEquals(clock.instant().plusSeconds(1800), r.expiresAt());
    assertEquals(2, r.version());
  }

  @Test
  void aResponseWithoutARefreshTokenKeepsTheOldOne() {
    LiveFixtures.connected(store, service, "crm", T0, Duration.ofHours(1), Grant.AUTHORIZATION_CODE);
    tokenAnswers(token(NEW_ACCESS, null, 1800L));
    clock.advance(Duration.ofHours(2));
    registry.credentials("crm", api);
    assertEquals(OLD_REFRESH, stored().secrets().refreshToken());
  }

  @Test
  void aResponseWithoutExpiresInLivesForTheServiceDefault() throws Exception {
    service = LiveFixtures.service(wm, 900L);
    LiveFixtures.connected(store, service, "crm", T0, Duration.ofHours(1), Grant.AUTHORIZATION_CODE);
    tokenAnswers(token(NEW_ACCESS, null, null));
    clock.advance(Duration.ofHours(2));
    registry.credentials("crm", api);
    assertEquals(clock.instant().plusSeconds(900), stored().expiresAt());
  }

  @Test
  void aServiceThatDocumentsNonExpiringTokensNeverRefreshes() throws Exception {
    service = LiveFixtures.service(wm, null);
    LiveFixtures.connected(store, service, "crm", T0, null, Grant.AUTHORIZATION_CODE);
    clock.advance(Duration.ofDays(400));
    assertEquals("Bearer " + OLD_ACCESS, authorization(registry.credentials("crm", api)));
    assertEquals(0, tokenRequests());
  }

  @Test
  void invalidGrantMarksTheConnectionNeedsReauthAndKeepsEverything() {
    LiveFixtures.connected(store, service, "crm", T0, Duration.ofHours(1), Grant.AUTHORIZATION_CODE);
    wm.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));
    clock.advance(Duration.ofHours(2));
    ConnectionException e = assertThrows(ConnectionException.class, () -> registry.credentials("crm", api));
    assertTrue(e.needsAuthorization());
    assertTrue(e.getMessage().contains("connection \"crm\" needs to be authorized again"), e.getMessage());
    assertTrue(e.getMessage().contains("freshet connections authorize crm"), e.getMessage());
    ConnectionRecord r = stored();
    assertEquals(ConnectionStatus.NEEDS_REAUTH, r.status());
    assertEquals(OLD_REFRESH, r.secrets().refreshToken()); // never deleted by a failure
    assertEquals(LiveFixtures.CLIENT_SECRET, r.secrets().clientSecret());
    // the next use fails at once, without asking the provider again
    assertThrows(ConnectionException.class, () -> registry.credentials("crm", api));
    assertEquals(1, tokenRequests());
  }

  @Test
  void serverErrorsAreRetriedWithBoundedBackoffThenReportedWithoutChangingTheRecord() {
    LiveFixtures.connected(store, service, "crm", T0, Duration.ofHours(1), Grant.AUTHORIZATION_CODE);
    wm.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(503)));
    clock.advance(Duration.ofHours(2));
    ConnectionException e = assertThrows(ConnectionException.class, () -> registry.credentials("crm", api));
    assertEquals(ConnectionException.Kind.PROVIDER, e.kind());
    assertTrue(e.getMessage().startsWith("connection \"crm\": the token could not be refreshed"), e.getMessage());
    assertEquals(4, tokenRequests());
    assertEquals(ConnectionStatus.CONNECTED, stored().status());
    assertEquals(1, stored().version());
  }

  @Test
  void tooManyRequestsIsRetriedAndThenSucceeds() {
    LiveFixtures.connected(store, service, "crm", T0, Duration.ofHours(1), Grant.AUTHORIZATION_CODE);
    wm.stubFor(post(urlEqualTo("/token")).inScenario("busy").whenScenarioStateIs("Started")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("ok"));
    wm.stubFor(post(urlEqualTo("/token")).inScenario("busy").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(token(NEW_ACCESS, null, 3600L))));
    clock.advance(Duration.ofHours(2));
    assertEquals("Bearer " + NEW_ACCESS, authorization(registry.credentials("crm", api)));
    assertEquals(2, tokenRequests());
  }

  /**
   * The provider holds its answer until the test has made its calls: each gets the still-valid token at once while
   * the one background refresh waits (a caller that waited for the refresh would get the new token, after the gate
   * opens), so the test needs no guess at how fast a call is.
   */
  @Test
  void insideTheMarginTheValidTokenIsUsedWhileOneBackgroundRefreshRuns() throws Exception {
    LiveFixtures.connected(store, service, "crm", T0, Duration.ofHours(1), Grant.AUTHORIZATION_CODE);
    wm.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(200).withTransformers(Gate.NAME)
        .withHeader("Content-Type", "application/json").withBody(token(NEW_ACCESS, NEW_REFRESH, 3600L))));
    clock.advance(Duration.ofMinutes(59).plusSeconds(30)); // 30 s left, inside the 60 s margin
    assertEquals("Bearer " + OLD_ACCESS, authorization(registry.credentials("crm", api)));
    assertTrue(gate.arrived.await(30, TimeUnit.SECONDS), "the refresh reached the provider, which holds its answer");
    for (int i = 0; i < 5; i++) {
      assertEquals("Bearer " + OLD_ACCESS, authorization(registry.credentials("crm", api)),
          "callers must not wait for the refresh");
    }
    assertEquals(OLD_ACCESS, stored().secrets().accessToken(), "the refresh has not been answered yet");
    gate.open.countDown();
    // callers get the new token once the refresh is done (the store holds it a moment earlier: the refresh saves, then
    // hands its record to this process; until then the old token, still valid, is right)
    waitFor(() -> ("Bearer " + NEW_ACCESS).equals(authorization(registry.credentials("crm", api))));
    assertEquals(NEW_ACCESS, stored().secrets().accessToken());
    assertEquals(1, tokenRequests(), "one refresh, however many callers asked meanwhile");
  }

  @Test
  void theMarginIsNeverMoreThanHalfTheTokensLife() {
    // a 60 s token with the default 60 s margin would always be "due"; half its life (30 s) is used instead
    LiveFixtures.connected(store, service, "crm", T0, Duration.ofSeconds(60), Grant.AUTHORIZATION_CODE);
    tokenAnswers(token(NEW_ACCESS, null, 60L));
    clock.advance(Duration.ofSeconds(20));
    assertEquals("Bearer " + OLD_ACCESS, authorization(registry.credentials("crm", api)));
    assertEquals(0, tokenRequests());
  }

  @Test
  void fiftyThreadsOnOneExpiredConnectionMakeExactlyOneTokenRequest() throws Exception {
    LiveFixtures.connected(store, service, "crm", T0, Duration.ofHours(1), Grant.AUTHORIZATION_CODE);
    wm.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(200).withFixedDelay(300)
        .withHeader("Content-Type", "application/json").withBody(token(NEW_ACCESS, NEW_REFRESH, 3600L))));
    clock.advance(Duration.ofHours(2));
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      results.add(pool.submit(() -> {
        go.await();
        return authorization(registry.credentials("crm", api));
      }));
    }
    go.countDown();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    for (Future<String> f : results) {
      seen.add(f.get());
    }
    pool.shutdown();
    assertEquals(Set.of("Bearer " + NEW_ACCESS), seen);
    assertEquals(1, tokenRequests());
  }

  @Test
  void clientCredentialsFetchATokenOnFirstUseAndWhenExpired() {
    Connection c = new Connection("machine", null, service, Grant.CLIENT_CREDENTIALS, "client-1", List.of(), null);
    registry.add(c, new Secrets(LiveFixtures.CLIENT_SECRET, null, null, null, java.util.Map.of()), false);
    tokenAnswers(token(NEW_ACCESS, null, 600L));
    assertEquals("Bearer " + NEW_ACCESS, authorization(registry.credentials("machine", api)));
    wm.verify(1, postRequestedFor(urlEqualTo("/token")).withRequestBody(containing("grant_type=client_credentials")));
    registry.credentials("machine", api);
    assertEquals(1, tokenRequests());
    clock.advance(Duration.ofMinutes(11));
    registry.credentials("machine", api);
    assertEquals(2, tokenRequests());
  }

  @Test
  void afterA401TheTokenIsRefreshedOnceUnlessItWasAlreadyReplaced() {
    LiveFixtures.connected(store, service, "crm", T0, Duration.ofHours(1), Grant.AUTHORIZATION_CODE);
    tokenAnswers(token(NEW_ACCESS, null, 3600L));
    Credentials used = registry.credentials("crm", api);
    Credentials retry = registry.afterUnauthorized(used, api);
    assertEquals("Bearer " + NEW_ACCESS, authorization(retry));
    assertEquals(1, tokenRequests());
    // a second caller holding the old token gets the new one without another refresh
    assertEquals("Bearer " + NEW_ACCESS, authorization(registry.afterUnauthorized(used, api)));
    assertEquals(1, tokenRequests());
  }

  @Test
  void aStaticCredentialIsNotRetriedAfterA401() {
    Service bearer = new Service("custom", "Static", AuthType.BEARER, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, List.of("127.0.0.1:" + wm.port()), null, null, null, true, null);
    registry.add(new Connection("static", null, bearer, null, null, null, null),
        new Secrets(null, OLD_ACCESS, null, null, java.util.Map.of()), false);
    Credentials c = registry.credentials("static", api);
    assertFalse(c.refreshable());
    assertNull(registry.afterUnauthorized(c, api));
  }

  @Test
  void credentialsGoOnlyToTheServicesHosts() {
    LiveFixtures.connected(store, service, "crm", T0, Duration.ofHours(1), Grant.AUTHORIZATION_CODE);
    ConnectionException e = assertThrows(ConnectionException.class,
        () -> registry.credentials("crm", URI.create("https://evil.example.com/steal")));
    assertEquals(ConnectionException.Kind.HOST_NOT_ALLOWED, e.kind());
    assertEquals("connection \"crm\" may only be sent to 127.0.0.1:" + wm.port()
        + "; refused to send it to evil.example.com", e.getMessage());
    assertThrows(ConnectionException.class,
        () -> registry.credentials("crm", URI.create("http://127.0.0.1:1/other-port")));
  }

  @Test
  void anUnknownConnectionListsTheKnownOnes() {
    LiveFixtures.connected(store, service, "crm", T0, Duration.ofHours(1), Grant.AUTHORIZATION_CODE);
    ConnectionException e = assertThrows(ConnectionException.class, () -> registry.credentials("cmr", api));
    assertEquals(ConnectionException.Kind.UNKNOWN, e.kind());
    assertEquals("no connection named \"cmr\" (the connections are: crm)", e.getMessage());
  }

  @Test
  void aDefinedButUnauthorizedConnectionSaysHowToAuthorize() {
    registry.add(new Connection("crm", null, service, null, "client-1", List.of(), null),
        new Secrets(LiveFixtures.CLIENT_SECRET, null, null, null, java.util.Map.of()), false);
    ConnectionException e = assertThrows(ConnectionException.class, () -> registry.credentials("crm", api));
    assertTrue(e.needsAuthorization());
    assertEquals("connection \"crm\" is not authorized yet; run: freshet connections authorize crm",
        e.getMessage());
  }

  @Test
  void revokeCallsTheProviderAndKeepsTheDefinition() {
    LiveFixtures.connected(store, service, "crm", T0, Duration.ofHours(1), Grant.AUTHORIZATION_CODE);
    wm.stubFor(post(urlEqualTo("/revoke")).willReturn(aResponse().withStatus(200)));
    ConnectionSummary s = registry.revoke("crm");
    assertEquals(ConnectionStatus.REVOKED, s.status());
    wm.verify(1, postRequestedFor(urlEqualTo("/revoke")).withRequestBody(containing("token=" + OLD_REFRESH))
        .withRequestBody(containing("token_type_hint=refresh_token")));
    ConnectionRecord r = stored();
    assertNull(r.secrets().accessToken());
    assertNull(r.secrets().refreshToken());
    assertEquals(LiveFixtures.CLIENT_SECRET, r.secrets().clientSecret());
    ConnectionException e = assertThrows(ConnectionException.class, () -> registry.credentials("crm", api));
    assertTrue(e.getMessage().contains("was revoked"), e.getMessage());
  }

  @Test
  void removeRevokesAndDeletes() {
    LiveFixtures.connected(store, service, "crm", T0, Duration.ofHours(1), Grant.AUTHORIZATION_CODE);
    wm.stubFor(post(urlEqualTo("/revoke")).willReturn(aResponse().withStatus(200)));
    assertTrue(registry.remove("crm"));
    assertTrue(store.load(null, "crm").isEmpty());
    assertEquals(1, wm.findAll(postRequestedFor(urlEqualTo("/revoke"))).size());
    assertFalse(registry.remove("crm"));
  }

  @Test
  void anOwnerSeesItsOwnConnectionFirstThenTheSharedOne() {
    LiveFixtures.connected(store, service, "crm", T0, Duration.ofHours(1), Grant.AUTHORIZATION_CODE);
    ConnectionRegistry tenant = registry.forOwner("tenant-42");
    assertEquals("Bearer " + OLD_ACCESS, authorization(tenant.credentials("crm", api)));
    tenant.add(new Connection("crm", null, service, null, "client-2", List.of(), null),
        new Secrets(null, null, null, null, java.util.Map.of()), false);
    assertEquals(1, tenant.list().size());
    assertEquals("tenant-42", tenant.list().get(0).owner());
    ConnectionException e = assertThrows(ConnectionException.class, () -> tenant.credentials("crm", api));
    assertTrue(e.getMessage().contains("is not authorized yet"), e.getMessage());
    assertEquals("Bearer " + OLD_ACCESS, authorization(registry.credentials("crm", api)));
  }

  @Test
  void noMessageOrToStringHoldsASecret() {
    LiveFixtures.connected(store, service, "crm", T0, Duration.ofHours(1), Grant.AUTHORIZATION_CODE);
    Credentials c = registry.credentials("crm", api);
    String shown = c + " " + stored() + " " + registry + " " + registry.find("crm").orElseThrow();
    for (String secret : LiveFixtures.SECRETS) {
      assertFalse(shown.contains(secret), shown);
    }
  }

  static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      Thread.sleep(20);
    }
  }
}
