package dev.freshet.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.freshet.connections.LiveFixtures.NEW_ACCESS;
import static dev.freshet.connections.LiveFixtures.OLD_ACCESS;
import static dev.freshet.connections.LiveFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.freshet.api.AuthorizationRequiredException;
import dev.freshet.api.Engine;
import dev.freshet.api.RunException;
import dev.freshet.http.HttpOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code invokeurl [ connection: … ]} through the engine: what the server receives and what the script sees. */
class InvokeUrlConnectionTest {
  @TempDir
  Path home;
  WireMockServer wm;
  OAuthFixtures.MutableClock clock;
  FileConnectionStore store;
  ConnectionRegistry registry;
  Service service;
  final List<String> log = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws Exception {
    wm = OAuthFixtures.startServer();
    clock = new OAuthFixtures.MutableClock(T0);
    store = LiveFixtures.store(home);
    registry = LiveFixtures.registry(store, clock);
    service = LiveFixtures.service(wm, 3600L);
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private List<String> run(String script) {
    List<String> out = new ArrayList<>();
    HttpOptions http = new HttpOptions(Duration.ofSeconds(5), Duration.ofSeconds(10), 1 << 20, 5, log::add);
    Engine.builder().connections(registry).http(http).output(out::add).build()
        .compile("t.dg", script, "base").run(Map.of("base", "http://127.0.0.1:" + wm.port()));
    return out;
  }

  private void assertNoSecretIn(String text) {
    for (String s : List.of(LiveFixtures.CLIENT_SECRET, OLD_ACCESS, NEW_ACCESS, LiveFixtures.OLD_REFRESH,
        LiveFixtures.NEW_REFRESH, "key-zz91-secret", "pw-77-secret")) {
      assertFalse(text.contains(s), "secret in: " + text);
    }
  }

  @Test
  void theAccessTokenGoesInTheServicesHeader() {
    LiveFixtures.connected(store, service, "crm", T0, Duration.ofHours(1), Grant.AUTHORIZATION_CODE);
    wm.stubFor(get(urlEqualTo("/api/leads")).withHeader("Authorization", equalTo("Bearer " + OLD_ACCESS))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"count\":3}")));
    assertEquals(List.of("3"), run("""
        r = invokeurl [ url: base + "/api/leads" type: GET connection: "crm" ];
        info r.get("count");"""));
  }

  @Test
  void a401RefreshesOnceAndRetries() {
    LiveFixtures.connected(store, service, "crm", T0, Duration.ofHours(1), Grant.AUTHORIZATION_CODE);
    wm.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody(LiveFixtures.token(NEW_ACCESS, null, 3600L))));
    wm.stubFor(get(urlEqualTo("/api/me")).withHeader("Authorization", equalTo("Bearer " + OLD_ACCESS))
        .willReturn(aResponse().withStatus(401)));
    wm.stubFor(get(urlEqualTo("/api/me")).withHeader("Authorization", equalTo("Bearer " + NEW_ACCESS))
        .willReturn(aResponse().withBody("hello")));
    assertEquals(List.of("hello"), run("info invokeurl [ url: base + \"/api/me\" connection: \"crm\" ];"));
    assertEquals(1, wm.findAll(postRequestedFor(urlEqualTo("/token"))).size());
    assertEquals(2, wm.findAll(getRequestedFor(urlEqualTo("/api/me"))).size());
    assertNoSecretIn(String.join("\n", log));
  }

  @Test
  void aSecond401IsTheScriptsAnswerNotALoop() {
    LiveFixtures.connected(store, service, "crm", T0, Duration.ofHours(1), Grant.AUTHORIZATION_CODE);
    wm.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody(LiveFixtures.token(NEW_ACCESS, null, 3600L))));
    wm.stubFor(get(urlEqualTo("/api/me")).willReturn(aResponse().withStatus(401).withBody("denied")));
    assertEquals(List.of("401"), run("""
        r = invokeurl [ url: base + "/api/me" connection: "crm" detailed: true ];
        info r.get("responseCode");"""));
    assertEquals(1, wm.findAll(postRequestedFor(urlEqualTo("/token"))).size());
    assertEquals(2, wm.findAll(getRequestedFor(urlEqualTo("/api/me"))).size());
  }

  @Test
  void aHostTheServiceDoesNotAllowIsRefusedBeforeAnythingIsSent() {
    LiveFixtures.connected(store, service, "crm", T0, Duration.ofHours(1), Grant.AUTHORIZATION_CODE);
    RunException e = assertThrows(RunException.class,
        () -> run("r = invokeurl [ url: \"http://localhost:" + wm.port() + "/api\" connection: \"crm\" ];"));
    assertEquals("invokeurl: connection \"crm\" may only be sent to 127.0.0.1:" + wm.port()
        + "; refused to send it to localhost:" + wm.port(), e.diagnostic().message());
    assertEquals(1, e.diagnostic().span().line());
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void aConnectionNeedingAuthorizationIsItsOwnExceptionNamingTheFix() {
    registry.add(new Connection("crm", null, service, null, "client-1", List.of(), null), Secrets.NONE, false);
    AuthorizationRequiredException e = assertThrows(AuthorizationRequiredException.class,
        () -> run("r = invokeurl [ url: base + \"/api\" connection: \"crm\" ];"));
    assertEquals("crm", e.connection());
    assertTrue(e.getMessage().contains("run: freshet connections authorize crm"), e.getMessage());
  }

  @Test
  void aScriptMayCatchAConnectionError() {
    assertEquals(List.of("caught"), run("""
        try { r = invokeurl [ url: base + "/api" connection: "nope" ]; }
        catch (e) { info "caught"; }"""));
  }

  @Test
  void anApiKeyInTheQueryIsMaskedInTheLogWhateverItsName() {
    Service weather = new Service("custom", "Weather", AuthType.API_KEY, null, null, null, null, null, null, null,
        null, null, List.of(new Placement(Placement.In.QUERY, "appid", null)), null, null, null, null,
        List.of("127.0.0.1:" + wm.port()), null, null, null, true, null);
    registry.add(new Connection("weather", null, weather, null, null, null, null),
        new Secrets(null, null, null, null, Map.of("appid", "key-zz91-secret")), false);
    wm.stubFor(get(urlPathEqualTo("/data")).willReturn(aResponse().withBody("sunny")));
    assertEquals(List.of("sunny"), run("""
        info invokeurl [ url: base + "/data" parameters: {"q": "Pune"} connection: "weather" ];"""));
    wm.verify(getRequestedFor(urlPathEqualTo("/data")).withQueryParam("appid", equalTo("key-zz91-secret"))
        .withQueryParam("q", equalTo("Pune")));
    assertTrue(log.stream().anyMatch(l -> l.contains("appid=***")), log.toString());
    assertNoSecretIn(String.join("\n", log));
  }

  @Test
  void anApiKeyAsAFormFieldJoinsTheParameters() {
    Service form = new Service("custom", "Form", AuthType.API_KEY, null, null, null, null, null, null, null, null,
        null, List.of(new Placement(Placement.In.FORM, "api_key", null)), null, null, null, null,
        List.of("127.0.0.1:" + wm.port()), null, null, null, true, null);
    registry.add(new Connection("formy", null, form, null, null, null, null),
        new Secrets(null, null, null, null, Map.of("api_key", "key-zz91-secret")), false);
    wm.stubFor(post(urlEqualTo("/send")).willReturn(aResponse().withBody("sent")));
    run("info invokeurl [ url: base + \"/send\" type: POST parameters: {\"to\": \"ada\"} connection: \"formy\" ];");
    String body = wm.findAll(postRequestedFor(urlEqualTo("/send"))).get(0).getBodyAsString();
    assertEquals("to=ada&api_key=key-zz91-secret", body);
  }

  @Test
  void basicAuthAndDroppedCredentialsOnARedirectToAnotherHost() {
    Service basic = new Service("custom", "Basic", AuthType.BASIC, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null, List.of("127.0.0.1:" + wm.port()), null, null, null, true, null);
    registry.add(new Connection("legacy", null, basic, null, null, null, "ada"),
        new Secrets(null, null, null, "pw-77-secret", Map.of()), false);
    wm.stubFor(get(urlEqualTo("/old")).willReturn(aResponse().withStatus(302)
        .withHeader("Location", "http://localhost:" + wm.port() + "/new")));
    wm.stubFor(get(urlEqualTo("/new")).willReturn(aResponse().withBody("moved")));
    assertEquals(List.of("moved"), run("info invokeurl [ url: base + \"/old\" connection: \"legacy\" ];"));
    wm.verify(getRequestedFor(urlEqualTo("/old")).withHeader("Authorization", equalTo("Basic "
        + java.util.Base64.getEncoder().encodeToString("ada:pw-77-secret".getBytes()))));
    wm.verify(getRequestedFor(urlEqualTo("/new")).withHeader("Authorization", absent()));
  }

  @Test
  void withoutARegistryTheMessageSaysSo() {
    RunException e = assertThrows(RunException.class, () -> Engine.builder().build()
        .compile("t.dg", "r = invokeurl [ url: \"http://127.0.0.1:1/\" connection: \"crm\" ];").run(Map.of()));
    assertEquals("invokeurl: connection \"crm\" cannot be used: no connection registry is configured",
        e.diagnostic().message());
  }
}
