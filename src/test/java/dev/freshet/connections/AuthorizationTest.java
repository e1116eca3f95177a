package dev.freshet.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static dev.freshet.connections.OAuthFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The authorization-code flow end to end, with the Zoho and MailChimp quirks, and the refresh helpers. */
class AuthorizationTest {
  static final String REDIRECT = "http://127.0.0.1:5555/callback";
  static WireMockServer server;
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
    MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    client = new OAuthClient(http(), clock, new RecordingSleeper(clock));
  }

  static String base() {
    return "http://127.0.0.1:" + server.port();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  List<LoggedRequest> tokenRequests() {
    return server.findAll(postRequestedFor(urlPathEqualTo("/token")));
  }

  @Test
  void beginBuildsAnEscapedUrlThatKeepsTheExistingQuery() {
    ServiceBuilder b = new ServiceBuilder(base());
    b.authorizeUrl = "https://auth.example.com/o/authorize?tenant=a%20b";
    b.authParams = Map.of("access_type", "offline", "prompt", "consent", "state", "forged");
    Connection c = connection(b.build(), List.of("read:user", "repo&more"));
    PendingAuthorization p = Authorization.begin(c, REDIRECT);

    assertTrue(p.url().startsWith("https://auth.example.com/o/authorize?tenant=a%20b&response_type=code&"),
        p.url());
    Map<String, String> q = queryOf(p.url());
    assertEquals("a b", q.get("tenant"));
    assertEquals(CLIENT_ID, q.get("client_id"));
    assertEquals(REDIRECT, q.get("redirect_uri"));
    assertEquals("read:user repo&more", q.get("scope"));
    assertEquals(p.state(), q.get("state"), "a service parameter cannot replace the state");
    assertTrue(p.state().matches("[A-Za-z0-9_-]{43}"), "32 random bytes, base64url");
    assertEquals(p.pkce().challenge(), q.get("code_challenge"));
    assertEquals("S256", q.get("code_challenge_method"));
    assertEquals("offline", q.get("access_type"));
    assertEquals("consent", q.get("prompt"));
    assertNotEquals(p.state(), Authorization.begin(c, REDIRECT).state());
    assertFalse(p.toString().contains(p.state()) || p.toString().contains(p.pkce().verifier()), p.toString());
  }

  @Test
  void beginOmitsAnEmptyScopeAndPkceWhenTheServiceDoesNotUseIt() {
    ServiceBuilder b = new ServiceBuilder(base());
    b.pkce = false;
    b.delimiter = ScopeDelimiter.COMMA;
    PendingAuthorization p = Authorization.begin(connection(b.build(), List.of()), REDIRECT);
    Map<String, String> q = queryOf(p.url());
    assertFalse(q.containsKey("scope"));
    assertFalse(q.containsKey("code_challenge"));
    assertNull(p.pkce());
    b.defaultScopes = List.of("ZohoCRM.modules.ALL", "ZohoCRM.users.READ");
    q = queryOf(Authorization.begin(connection(b.build(), List.of()), REDIRECT).url());
    assertEquals("ZohoCRM.modules.ALL,ZohoCRM.users.READ", q.get("scope"), "the service's default scopes");
  }

  @Test
  void completeChecksStateAndExchangesTheCodeWithTheVerifierOfTheChallengeSent() throws Exception {
    server.stubFor(post("/token").withFormParam("grant_type", equalTo("authorization_code"))
        .withFormParam("code", equalTo(CODE)).withFormParam("redirect_uri", equalTo(REDIRECT))
        .withFormParam("code_verifier", matching("[A-Za-z0-9._~-]{43,128}"))
        .willReturn(okJson(tokenJson(ACCESS, REFRESH, 3600))));
    PendingAuthorization p = Authorization.begin(connection(new ServiceBuilder(base()).build(), List.of("a")),
        REDIRECT);
    Map<String, String> q = queryOf(p.url());
    TokenGrant g = Authorization.complete(client, p, secrets(), Map.of("code", CODE, "state", q.get("state")));
    assertEquals(ACCESS, g.response().accessToken());
    assertEquals(Map.of(), g.info());
    String verifier = form(tokenRequests().get(0)).get("code_verifier");
    assertEquals(q.get("code_challenge"), s256(verifier), "the verifier matches the challenge in the URL");
  }

  @Test
  void aCallbackWithAnotherStateIsRefusedAndNothingIsSent() {
    PendingAuthorization p = Authorization.begin(connection(new ServiceBuilder(base()).build(), List.of()), REDIRECT);
    OAuthException e = expectOAuth(() -> Authorization.complete(client, p, secrets(), Map.of("code", CODE, "state",
        p.state() + "x")));
    assertEquals("state_mismatch", e.error());
    assertEquals("state_mismatch", expectOAuth(() -> Authorization.complete(client, p, secrets(),
        Map.of("code", CODE))).error());
    assertTrue(server.findAll(anyRequestedFor(anyUrl())).isEmpty());
  }

  @Test
  void aProviderErrorInTheCallbackIsReported() {
    PendingAuthorization p = Authorization.begin(connection(new ServiceBuilder(base()).build(), List.of()), REDIRECT);
    OAuthException e = expectOAuth(() -> Authorization.complete(client, p, secrets(), Map.of("error",
        "access_denied", "error_description", "The user said no", "state", p.state())));
    assertEquals("access_denied", e.error());
    assertEquals("The user said no", e.description());
    assertTrue(e.needsReauth());
    assertTrue(server.findAll(anyRequestedFor(anyUrl())).isEmpty());
  }

  @Test
  void loopbackListenerEndToEnd() throws Exception {
    try (LoopbackListener listener = LoopbackListener.start()) {
      PendingAuthorization p = Authorization.begin(connection(new ServiceBuilder(base()).build(),
          List.of("read")), listener.redirectUri());
      Map<String, String> q = queryOf(p.url());
      // the provider's sign-in page: sends the browser back to the redirect URI with a code and the state
      server.stubFor(get(urlPathEqualTo("/authorize")).withQueryParam("response_type", equalTo("code"))
          .withQueryParam("client_id", equalTo(CLIENT_ID)).withQueryParam("code_challenge_method", equalTo("S256"))
          .willReturn(aResponse().withStatus(302).withHeader("Location", q.get("redirect_uri") + "?code="
              + enc(CODE) + "&state=" + enc(q.get("state")))));
      server.stubFor(post("/token").withFormParam("code", equalTo(CODE))
          .withFormParam("code_verifier", equalTo(p.pkce().verifier()))
          .withFormParam("redirect_uri", equalTo(listener.redirectUri()))
          .willReturn(okJson(tokenJson(ACCESS, REFRESH, 3600))));

      // the test plays the browser
      HttpClient browser = http();
      HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(URI.create(p.url())).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(302, signIn.statusCode());
      String location = signIn.headers().firstValue("Location").orElseThrow();
      assertTrue(location.startsWith(listener.redirectUri() + "?"), location);
      HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(location)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("connection authorized, you can close this tab"), page.body());
      assertFalse(page.body().contains(CODE));

      Map<String, String> callback = listener.await(Duration.ofSeconds(5));
      assertEquals(CODE, callback.get("code"));
      TokenGrant g = Authorization.complete(client, p, secrets(), callback);
      assertEquals(ACCESS, g.response().accessToken());
      assertEquals(REFRESH, g.response().refreshToken());
      assertEquals(1, tokenRequests().size());
    }
  }

  Service zoho(String tokenHost) {
    ServiceBuilder b = new ServiceBuilder(base());
    b.id = "zoho";
    b.quirk = Quirks.ZOHO;
    b.delimiter = ScopeDelimiter.COMMA;
    b.tokenUrl = tokenHost + "/oauth/v2/token";
    b.revokeUrl = tokenHost + "/oauth/v2/token/revoke";
    b.accountsServers = List.of("https://accounts.zoho.com", base() + "/");
    return b.build();
  }

  @Test
  void zohoExchangesAtTheListedAccountsServerAndRecordsApiDomain() throws Exception {
    server.stubFor(post("/oauth/v2/token").withFormParam("grant_type", equalTo("authorization_code"))
        .willReturn(okJson("{\"access_token\":\"" + ACCESS + "\",\"refresh_token\":\"" + REFRESH + "\","
            + "\"api_domain\":\"https://www.zohoapis.eu\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
    Connection c = connection(zoho("https://accounts.zoho.com"), List.of("ZohoCRM.modules.ALL"));
    PendingAuthorization p = Authorization.begin(c, REDIRECT);
    TokenGrant g = Authorization.complete(client, p, secrets(), Map.of("code", CODE, "state", p.state(),
        "location", "eu", "accounts-server", base()));
    assertEquals(ACCESS, g.response().accessToken());
    assertEquals(Map.of("accounts_server", base(), "location", "eu", "api_domain", "https://www.zohoapis.eu"),
        g.info());
    assertEquals(1, server.findAll(postRequestedFor(urlEqualTo("/oauth/v2/token"))).size());
    assertEquals(List.of("www.zohoapis.eu"), Quirks.extraApiHosts(c, g.info()));

    // later refreshes go to the stored accounts server too
    server.stubFor(post("/oauth/v2/token").withFormParam("grant_type", equalTo("refresh_token"))
        .willReturn(okJson("{\"access_token\":\"" + NEW_ACCESS + "\",\"api_domain\":\"https://www.zohoapis.eu\","
            + "\"expires_in\":3600}")));
    TokenGrant r = Authorization.refresh(client, c, secrets(), g.info());
    assertEquals(NEW_ACCESS, r.response().accessToken());
    assertEquals(g.info(), r.info());
    assertEquals(base() + "/oauth/v2/token/revoke", Quirks.revokeUrl(c.service(), g.info()));
  }

  @Test
  void zohoRefusesAnAccountsServerTheServiceDoesNotList() {
    Connection c = connection(zoho(base()), List.of());
    PendingAuthorization p = Authorization.begin(c, REDIRECT);
    for (String forged : List.of("https://accounts.zoho.com.evil.example", "https://evil.example",
        "http://accounts.zoho.com", "https://accounts.zoho.com@evil.example", "https://accounts.zoho.com/path")) {
      OAuthException e = expectOAuth(() -> Authorization.complete(client, p, secrets(), Map.of("code", CODE,
          "state", p.state(), "accounts-server", forged)));
      assertEquals("unknown_accounts_server", e.error(), forged);
    }
    assertTrue(server.findAll(anyRequestedFor(anyUrl())).isEmpty(), "the client secret went nowhere");
  }

  @Test
  void mailchimpMetadataIsStoredAfterTheExchange() throws Exception {
    ServiceBuilder b = new ServiceBuilder(base());
    b.id = "mailchimp";
    b.quirk = Quirks.MAILCHIMP;
    b.metadataUrl = base() + "/oauth2/metadata";
    b.lifetime = null;
    server.stubFor(post("/token").willReturn(okJson("{\"access_token\":\"" + ACCESS + "\",\"expires_in\":0,"
        + "\"scope\":null}")));
    server.stubFor(get("/oauth2/metadata").withHeader("Authorization", equalTo("OAuth " + ACCESS))
        .willReturn(okJson("{\"dc\":\"us6\",\"accountname\":\"Acme\",\"login_url\":\"https://login.mailchimp.com\","
            + "\"api_endpoint\":\"https://us6.api.mailchimp.com\"}")));
    Connection c = connection(b.build(), List.of());
    PendingAuthorization p = Authorization.begin(c, REDIRECT);
    TokenGrant g = Authorization.complete(client, p, secrets(), Map.of("code", CODE, "state", p.state()));
    assertEquals(Map.of("api_endpoint", "https://us6.api.mailchimp.com", "dc", "us6"), g.info());
    assertEquals(List.of("us6.api.mailchimp.com"), Quirks.extraApiHosts(c, g.info()));
  }

  @Test
  void clientCredentialsHelperAndRefreshWithoutARefreshToken() throws Exception {
    server.stubFor(post("/token").withFormParam("grant_type", equalTo("client_credentials"))
        .willReturn(okJson(tokenJson(NEW_ACCESS, null, 300))));
    ServiceBuilder b = new ServiceBuilder(base());
    b.grants = List.of(Grant.CLIENT_CREDENTIALS);
    Connection c = connection(b.build(), List.of("x"));
    Secrets noRefresh = new Secrets(CLIENT_SECRET, null, null, null, Map.of());
    assertEquals(NEW_ACCESS, Authorization.clientCredentials(client, c, noRefresh, Map.of()).response()
        .accessToken());
    assertEquals(NEW_ACCESS, Authorization.refresh(client, c, noRefresh, Map.of()).response().accessToken(),
        "a client-credentials connection refreshes by asking again");
    Connection code = connection(new ServiceBuilder(base()).build(), List.of());
    OAuthException e = expectOAuth(() -> Authorization.refresh(client, code, noRefresh, Map.of()));
    assertTrue(e.needsReauth());
  }
}
