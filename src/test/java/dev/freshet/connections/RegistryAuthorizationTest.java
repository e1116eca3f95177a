package dev.freshet.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Authorization through the registry with the host's own redirect URL: the provider quirks end up in the stored record
 * and decide where the token may go.
 */
class RegistryAuthorizationTest {
  static final String REDIRECT = "https://host.example/oauth/callback";
  @TempDir
  Path home;
  WireMockServer wm;
  WireMockServer eu;
  ConnectionRegistry registry;
  FileConnectionStore store;

  @BeforeEach
  void start() {
    wm = OAuthFixtures.startServer();
    eu = OAuthFixtures.startServer(); // a second "data centre"
    store = LiveFixtures.store(home);
    registry = LiveFixtures.registry(store, new OAuthFixtures.MutableClock(LiveFixtures.T0));
  }

  @AfterEach
  void stop() {
    wm.stop();
    eu.stop();
  }

  String origin(WireMockServer s) {
    return "http://127.0.0.1:" + s.port();
  }

  private void define(Service s) {
    registry.add(new Connection("crm", null, s, null, "client-1", List.of("leads.read"), null),
        new Secrets(LiveFixtures.CLIENT_SECRET, null, null, null, Map.of()), false);
  }

  @Test
  void zohoExchangesAtTheUsersDataCentreAndAllowsItsApiDomain() {
    OAuthFixtures.ServiceBuilder b = new OAuthFixtures.ServiceBuilder(origin(wm));
    b.id = "zoho";
    b.quirk = Quirks.ZOHO;
    b.pkce = false;
    b.accountsServers = List.of(origin(wm), origin(eu));
    define(b.build());
    eu.stubFor(post(urlEqualTo("/token")).willReturn(okJson("{\"access_token\":\"" + LiveFixtures.NEW_ACCESS
        + "\",\"refresh_token\":\"" + LiveFixtures.NEW_REFRESH + "\",\"expires_in\":3600,\"api_domain\":"
        + "\"http://localhost:" + eu.port() + "\"}")));
    AuthorizationRequest request = registry.beginAuthorization("crm", REDIRECT);
    Map<String, String> q = OAuthFixtures.queryOf(request.url());
    assertEquals(REDIRECT, q.get("redirect_uri"));
    ConnectionSummary s = registry.completeAuthorization(request, Map.of("code", "c-1", "state", q.get("state"),
        "accounts-server", origin(eu), "location", "eu"));
    assertEquals(ConnectionStatus.CONNECTED, s.status());
    assertEquals(origin(eu), s.info().get("accounts_server"));
    assertEquals("http://localhost:" + eu.port(), s.info().get("api_domain"));
    eu.verify(1, postRequestedFor(urlEqualTo("/token")).withRequestBody(
        com.github.tomakehurst.wiremock.client.WireMock.containing("code=c-1")));
    assertEquals(0, wm.findAll(postRequestedFor(urlEqualTo("/token"))).size());
    Credentials c = registry.credentials("crm", URI.create("http://localhost:" + eu.port() + "/crm/v2/Leads"));
    assertEquals("Bearer " + LiveFixtures.NEW_ACCESS, c.headers().get("Authorization"));
  }

  @Test
  void mailchimpLearnsItsApiHostAndItsTokenNeverExpires() {
    OAuthFixtures.ServiceBuilder b = new OAuthFixtures.ServiceBuilder(origin(wm));
    b.id = "mailchimp";
    b.quirk = Quirks.MAILCHIMP;
    b.lifetime = null;
    b.metadataUrl = origin(wm) + "/oauth2/metadata";
    define(b.build());
    wm.stubFor(post(urlEqualTo("/token")).willReturn(okJson("{\"access_token\":\"" + LiveFixtures.NEW_ACCESS
        + "\",\"expires_in\":0,\"scope\":null}")));
    wm.stubFor(get(urlEqualTo("/oauth2/metadata")).withHeader("Authorization",
        equalTo("OAuth " + LiveFixtures.NEW_ACCESS)).willReturn(okJson("{\"dc\":\"us6\",\"api_endpoint\":"
            + "\"http://localhost:" + wm.port() + "\",\"login_url\":\"https://login.mailchimp.com\"}")));
    AuthorizationRequest request = registry.beginAuthorization("crm", REDIRECT);
    String state = OAuthFixtures.queryOf(request.url()).get("state");
    ConnectionSummary s = registry.completeAuthorization(request, Map.of("code", "c-2", "state", state));
    assertNull(s.expiresAt());
    assertEquals("us6", s.info().get("dc"));
    assertTrue(s.apiHosts().contains("localhost:" + wm.port()), s.apiHosts().toString());
    registry.credentials("crm", URI.create("http://localhost:" + wm.port() + "/3.0/campaigns"));
  }

  @Test
  void aForgedCallbackLeavesTheConnectionAsItWas() {
    define(new OAuthFixtures.ServiceBuilder(origin(wm)).build());
    AuthorizationRequest request = registry.beginAuthorization("crm", REDIRECT);
    ConnectionException e = assertThrows(ConnectionException.class,
        () -> registry.completeAuthorization(request, Map.of("code", "c-3", "state", "forged")));
    assertTrue(e.getMessage().startsWith("connection \"crm\" was not authorized: "), e.getMessage());
    assertEquals(ConnectionStatus.DEFINED, registry.find("crm").orElseThrow().status());
    assertEquals(0, wm.getAllServeEvents().size());
  }

  @Test
  void aUserWhoDeclinesGetsTheProvidersReason() {
    define(new OAuthFixtures.ServiceBuilder(origin(wm)).build());
    AuthorizationRequest request = registry.beginAuthorization("crm", REDIRECT);
    String state = OAuthFixtures.queryOf(request.url()).get("state");
    ConnectionException e = assertThrows(ConnectionException.class, () -> registry.completeAuthorization(request,
        Map.of("error", "access_denied", "error_description", "The user said no", "state", state)));
    assertTrue(e.getMessage().contains("access_denied"), e.getMessage());
    assertTrue(e.getMessage().contains("The user said no"), e.getMessage());
  }

  @Test
  void reauthorizingANeedsReauthConnectionMakesItConnectedAgain() {
    define(new OAuthFixtures.ServiceBuilder(origin(wm)).build());
    ConnectionRecord r = store.load(null, "crm").orElseThrow();
    store.save(r.withStatus(ConnectionStatus.NEEDS_REAUTH, "the provider refused the refresh (invalid_grant)",
        LiveFixtures.T0));
    wm.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withHeader("Content-Type", "application/json")
        .withBody(LiveFixtures.token(LiveFixtures.NEW_ACCESS, LiveFixtures.NEW_REFRESH, 3600L))));
    AuthorizationRequest request = registry.beginAuthorization("crm", REDIRECT);
    String state = OAuthFixtures.queryOf(request.url()).get("state");
    ConnectionSummary s = registry.completeAuthorization(request, Map.of("code", "c-4", "state", state));
    assertEquals(ConnectionStatus.CONNECTED, s.status());
    assertNull(s.problem());
  }
}
