package dev.freshet.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static dev.freshet.connections.OAuthFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 8628 device flow: the polling loop's waits, slow_down, and every way it stops. */
class DeviceFlowTest {
  static final Instant START = Instant.parse("2030-01-01T00:00:00Z");
  static WireMockServer server;
  MutableClock clock;
  RecordingSleeper sleeper;
  OAuthClient client;
  Connection conn;

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
    clock = new MutableClock(START);
    sleeper = new RecordingSleeper(clock);
    client = new OAuthClient(http(), clock, sleeper);
    conn = connection(new ServiceBuilder("http://127.0.0.1:" + server.port()).build(), List.of("profile", "email"));
  }

  void deviceEndpoint(String extra) {
    server.stubFor(post("/device").willReturn(okJson("{\"device_code\":\"" + DEVICE_CODE + "\",\"user_code\":"
        + "\"WDJB-MJHT\",\"verification_uri\":\"https://example.com/device\",\"verification_uri_complete\":"
        + "\"https://example.com/device?user_code=WDJB-MJHT\",\"expires_in\":1800" + extra + "}")));
  }

  static ResponseDefinitionBuilder error(String code) {
    return aResponse().withStatus(400).withHeader("Content-Type", "application/json")
        .withBody("{\"error\":\"" + code + "\"}");
  }

  List<LoggedRequest> polls() {
    return server.findAll(postRequestedFor(urlEqualTo("/token")));
  }

  @Test
  void pendingThenSlowDownThenSuccess() throws Exception {
    deviceEndpoint(",\"interval\":5");
    server.stubFor(post("/token").inScenario("d").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(error("authorization_pending")).willSetStateTo("slow"));
    server.stubFor(post("/token").inScenario("d").whenScenarioStateIs("slow")
        .willReturn(error("slow_down")).willSetStateTo("ok"));
    server.stubFor(post("/token").inScenario("d").whenScenarioStateIs("ok")
        .willReturn(okJson(tokenJson(ACCESS, REFRESH, 3600))));
    List<DeviceAuthorization> shown = new ArrayList<>();
    TokenGrant g = Authorization.device(client, conn, secrets(), shown::add);

    assertEquals(ACCESS, g.response().accessToken());
    assertEquals(REFRESH, g.response().refreshToken());
    DeviceAuthorization d = shown.get(0);
    assertEquals("WDJB-MJHT", d.userCode());
    assertEquals("https://example.com/device", d.verificationUri());
    assertEquals(START.plusSeconds(1800), d.expiresAt());
    assertFalse(d.toString().contains(DEVICE_CODE), d.toString());
    // waits 5 s before each poll; slow_down makes it 10 s
    assertEquals(List.of(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10)), sleeper.sleeps);
    assertEquals(3, polls().size());
    for (LoggedRequest r : polls()) {
      assertEquals(Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code", "device_code", DEVICE_CODE,
          "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET), form(r));
    }
    assertEquals(Map.of("scope", "profile email", "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET),
        form(server.findAll(postRequestedFor(urlEqualTo("/device"))).get(0)));
  }

  @Test
  void expiredTokenStopsThePolling() throws Exception {
    deviceEndpoint("");
    server.stubFor(post("/token").willReturn(error("expired_token")));
    DeviceAuthorization d = client.startDevice(conn, secrets());
    assertEquals(Duration.ofSeconds(5), d.interval(), "the default interval");
    OAuthException e = expectOAuth(() -> client.pollDevice(conn, secrets(), d));
    assertEquals("expired_token", e.error());
    assertTrue(e.needsReauth());
    assertEquals(1, polls().size());
  }

  @Test
  void accessDeniedStopsThePolling() throws Exception {
    deviceEndpoint(",\"interval\":\"7\"");
    server.stubFor(post("/token").willReturn(error("access_denied")));
    DeviceAuthorization d = client.startDevice(conn, secrets());
    assertEquals(Duration.ofSeconds(7), d.interval(), "interval given as a string");
    OAuthException e = expectOAuth(() -> client.pollDevice(conn, secrets(), d));
    assertEquals("access_denied", e.error());
    assertEquals(1, polls().size());
  }

  @Test
  void anyOtherErrorStopsThePolling() throws Exception {
    deviceEndpoint("");
    server.stubFor(post("/token").willReturn(error("invalid_client")));
    DeviceAuthorization d = client.startDevice(conn, secrets());
    assertEquals("invalid_client", expectOAuth(() -> client.pollDevice(conn, secrets(), d)).error());
    assertEquals(1, polls().size());
  }

  @Test
  void pollingStopsWhenTheClockPassesTheExpiry() {
    server.stubFor(post("/token").willReturn(error("authorization_pending")));
    DeviceAuthorization d = new DeviceAuthorization(DEVICE_CODE, "ABCD", "https://example.com/device", null,
        Duration.ofSeconds(5), START.plusSeconds(12));
    OAuthException e = expectOAuth(() -> client.pollDevice(conn, secrets(), d));
    assertEquals("expired_token", e.error());
    assertEquals(2, polls().size(), "polled at 5 s and 10 s; at 15 s the code had expired");
    assertEquals(3, sleeper.sleeps.size());
  }

  @Test
  void googleStyleVerificationUrlIsAccepted() throws Exception {
    server.stubFor(post("/device").willReturn(okJson("{\"device_code\":\"" + DEVICE_CODE + "\",\"user_code\":"
        + "\"GQVQ-JKEC\",\"verification_url\":\"https://www.google.com/device\",\"expires_in\":1800,"
        + "\"interval\":5}")));
    DeviceAuthorization d = client.startDevice(conn, secrets());
    assertEquals("https://www.google.com/device", d.verificationUri());
    assertNull(d.verificationUriComplete());
  }

  @Test
  void aDeviceEndpointErrorIsReported() {
    server.stubFor(post("/device").willReturn(error("invalid_scope")));
    assertEquals("invalid_scope", expectOAuth(() -> client.startDevice(conn, secrets())).error());
  }
}
