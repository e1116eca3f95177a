package dev.freshet.connections;

import static dev.freshet.connections.OAuthFixtures.expectOAuth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class QuirksTest {
  static Service zoho() {
    OAuthFixtures.ServiceBuilder b = new OAuthFixtures.ServiceBuilder("https://accounts.zoho.com");
    b.id = "zoho";
    b.quirk = Quirks.ZOHO;
    b.tokenUrl = "https://accounts.zoho.com/oauth/v2/token";
    b.refreshUrl = null;
    b.revokeUrl = "https://accounts.zoho.com/oauth/v2/token/revoke";
    b.accountsServers = List.of("https://accounts.zoho.com", "https://accounts.zoho.eu", "https://accounts.zoho.in");
    return b.build();
  }

  @AfterAll
  static void noSecrets() {
    OAuthFixtures.assertNoSecretsRaised();
  }

  @Test
  void withoutAQuirkTheServiceUrlsAreUsed() throws Exception {
    OAuthFixtures.ServiceBuilder b = new OAuthFixtures.ServiceBuilder("https://id.example.com");
    b.refreshUrl = "https://id.example.com/refresh";
    Service s = b.build();
    Map<String, String> info = Map.of("accounts_server", "https://evil.example");
    assertEquals("https://id.example.com/token", Quirks.tokenUrl(s, info));
    assertEquals("https://id.example.com/refresh", Quirks.refreshUrl(s, info));
    assertEquals("https://id.example.com/revoke", Quirks.revokeUrl(s, info));
    // a token endpoint that names an api_domain (a Zoho sandbox or stand-in) is believed, as Zoho's is
    assertEquals(List.of("x.example"), Quirks.extraApiHosts(conn(s), Map.of("api_domain", "https://x.example")));
    assertEquals(List.of(), Quirks.extraApiHosts(conn(s), Map.of()));
  }

  @Test
  void zohoUrlsMoveToTheStoredAccountsServer() throws Exception {
    Service s = zoho();
    Map<String, String> eu = Map.of("accounts_server", "https://accounts.zoho.eu");
    assertEquals("https://accounts.zoho.eu/oauth/v2/token", Quirks.tokenUrl(s, eu));
    assertEquals("https://accounts.zoho.eu/oauth/v2/token", Quirks.refreshUrl(s, eu));
    assertEquals("https://accounts.zoho.eu/oauth/v2/token/revoke", Quirks.revokeUrl(s, eu));
    assertEquals("https://accounts.zoho.com/oauth/v2/token", Quirks.tokenUrl(s, Map.of()));
  }

  @Test
  void aTamperedStoredAccountsServerIsRefused() {
    Map<String, String> bad = Map.of("accounts_server", "https://accounts.zoho.eu.evil.example");
    assertEquals("unknown_accounts_server", expectOAuth(() -> Quirks.refreshUrl(zoho(), bad)).error());
  }

  @Test
  void theCallbackAccountsServerIsNormalisedAndChecked() throws Exception {
    Map<String, String> info = Quirks.fromCallback(zoho(), Map.of("accounts-server", "HTTPS://Accounts.Zoho.IN:443/",
        "location", "in"));
    assertEquals(Map.of("accounts_server", "https://accounts.zoho.in", "location", "in"), info);
    assertEquals(Map.of(), Quirks.fromCallback(zoho(), Map.of("code", "x")));
    assertEquals("unknown_accounts_server", expectOAuth(() -> Quirks.fromCallback(zoho(),
        Map.of("accounts-server", "javascript:alert(1)"))).error());
  }

  @Test
  void origins() {
    assertEquals("https://a.example", Quirks.origin("https://A.example:443"));
    assertEquals("http://127.0.0.1:8080", Quirks.origin("http://127.0.0.1:8080/"));
    assertNull(Quirks.origin("https://a.example/x"));
    assertNull(Quirks.origin("https://u@a.example"));
    assertNull(Quirks.origin("ftp://a.example"));
    assertNull(Quirks.origin("https://a.example?x=1"));
  }

  @Test
  void extraApiHostsComeFromTheStoredFacts() {
    assertEquals(List.of("www.zohoapis.eu"), Quirks.extraApiHosts(conn(zoho()), Map.of("api_domain",
        "https://www.zohoapis.eu")));
    assertEquals(List.of(), Quirks.extraApiHosts(conn(zoho()), Map.of()));
    OAuthFixtures.ServiceBuilder b = new OAuthFixtures.ServiceBuilder("https://login.mailchimp.com");
    b.quirk = Quirks.MAILCHIMP;
    assertEquals(List.of("us6.api.mailchimp.com:8443"), Quirks.extraApiHosts(conn(b.build()),
        Map.of("api_endpoint", "https://us6.api.mailchimp.com:8443")));
    assertEquals(List.of(), Quirks.extraApiHosts(conn(b.build()), Map.of("api_endpoint", "not a url")));
  }

  private static Connection conn(Service s) {
    return new Connection("c", null, s, null, "client-1", List.of(), null);
  }

  @Test
  void anApiDomainGivenWithTheConnectionIsAllowedToo() {
    Connection c = new Connection("c", null, zoho(), null, "client-1", List.of(), null, "http://127.0.0.1:8080/",
        "eu", false);
    assertEquals("http://127.0.0.1:8080", c.apiDomain());
    assertEquals(List.of("127.0.0.1:8080", "www.zohoapis.eu"), Quirks.extraApiHosts(c, Map.of("api_domain",
        "https://www.zohoapis.eu")));
  }

  @Test
  void aDataCentreMovesSignInAndTokensToItsAccountsServer() throws Exception {
    Connection c = new Connection("c", null, zoho(), null, "client-1", List.of(), null, null, "EU", false);
    assertEquals("eu", c.dc());
    assertEquals("https://accounts.zoho.eu" + java.net.URI.create(zoho().authorizeUrl()).getPath(),
        Quirks.authorizeUrl(c));
    assertEquals("https://accounts.zoho.eu/oauth/v2/token", Quirks.tokenUrl(zoho(), Quirks.facts(c, Map.of())));
    // the accounts server a callback names wins over the data centre given
    assertEquals(Map.of("accounts_server", "https://accounts.zoho.in"), Quirks.facts(c,
        Map.of("accounts_server", "https://accounts.zoho.in")));
  }
}
