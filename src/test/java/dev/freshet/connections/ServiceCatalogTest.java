package dev.freshet.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ServiceCatalogTest {
  static final ServiceCatalog CATALOG = ServiceCatalog.builtIn();

  @Test
  void loadsOnceWithTheRequiredServices() {
    assertSame(CATALOG, ServiceCatalog.builtIn());
    for (String id : List.of("zoho", "google", "mailchimp", "github", "microsoft", "hubspot", "slack")) {
      assertTrue(CATALOG.find(id).isPresent(), "missing built-in service " + id);
    }
  }

  @Test
  void allIsSortedByIdAndIdsAreUniqueAndLowerCase() {
    List<Service> all = CATALOG.all();
    List<String> ids = all.stream().map(Service::id).toList();
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(null);
    assertEquals(sorted, ids);
    assertEquals(ids.size(), new HashSet<>(ids).size(), "duplicate ids: " + ids);
    for (String id : ids) {
      assertTrue(id.matches("[a-z][a-z0-9_]*"), "id must be lower-case: " + id);
      assertFalse(id.equals("custom"), "\"custom\" is reserved for user-defined services");
    }
    assertEquals(ids, CATALOG.ids());
  }

  /** One test per entry, so a bad entry is named in the report. */
  @TestFactory
  Stream<DynamicTest> everyEntryIsValid() {
    return CATALOG.all().stream().map(s -> dynamicTest(s.id(), () -> checkEntry(s)));
  }

  static void checkEntry(Service s) {
    assertNotNull(s.name());
    assertFalse(s.name().isBlank(), s.id() + ": name");
    assertNotNull(s.docs(), s.id() + ": docs");
    assertFalse(s.docs().isBlank(), s.id() + ": docs");
    assertFalse(s.apiHosts().isEmpty(), s.id() + ": a built-in service needs API hosts");
    for (String host : s.apiHosts()) {
      assertFalse(host.equals("*") || host.matches("\\*\\.[a-z]+"), s.id() + ": API host too broad: " + host);
    }
    for (String url : urls(s)) {
      URI uri = URI.create(url);
      assertEquals("https", uri.getScheme(), s.id() + ": not https: " + url);
      assertNotNull(uri.getHost(), s.id() + ": no host in " + url);
    }
    switch (s.auth()) {
      case OAUTH2 -> {
        assertFalse(s.grants().isEmpty(), s.id() + ": grants");
        assertNotNull(s.tokenUrl(), s.id() + ": tokenUrl");
        if (s.grants().contains(Grant.AUTHORIZATION_CODE)) {
          assertNotNull(s.authorizeUrl(), s.id() + ": authorization_code needs authorizeUrl");
        }
        if (s.grants().contains(Grant.DEVICE_CODE)) {
          assertNotNull(s.deviceUrl(), s.id() + ": device_code needs deviceUrl");
        }
        assertEquals(s.deviceUrl() != null, s.grants().contains(Grant.DEVICE_CODE),
            s.id() + ": a deviceUrl goes with the device_code grant");
        assertTrue(s.keys().isEmpty(), s.id() + ": keys are for api_key services");
        if (s.defaultLifetime() != null) {
          assertTrue(s.defaultLifetime().compareTo(Duration.ofMinutes(5)) >= 0, s.id() + ": default lifetime");
        }
      }
      case API_KEY -> {
        assertFalse(s.keys().isEmpty(), s.id() + ": an api_key service names its keys");
        assertTrue(s.grants().isEmpty(), s.id() + ": grants are for oauth2");
      }
      case BEARER, BASIC, NONE -> {
        assertTrue(s.grants().isEmpty(), s.id() + ": grants are for oauth2");
        assertNull(s.tokenUrl(), s.id() + ": tokenUrl is for oauth2");
      }
    }
    if ("zoho".equals(s.quirk())) {
      assertFalse(s.accountsServers().isEmpty(), s.id() + ": zoho quirk needs accounts servers");
    } else if ("mailchimp".equals(s.quirk())) {
      assertNotNull(s.metadataUrl(), s.id() + ": mailchimp quirk needs a metadata URL");
    } else {
      assertNull(s.quirk(), s.id() + ": unknown quirk " + s.quirk());
      assertTrue(s.accountsServers().isEmpty(), s.id() + ": accounts servers are for the zoho quirk");
      assertNull(s.metadataUrl(), s.id() + ": a metadata URL is for the mailchimp quirk");
    }
    // the JSON format carries everything: write -> read gives the same service
    assertEquals(s, ServiceJson.read(ServiceJson.write(s)), s.id() + ": write/read round trip");
  }

  static List<String> urls(Service s) {
    List<String> urls = new ArrayList<>();
    for (String u : new String[] {s.authorizeUrl(), s.tokenUrl(), s.refreshUrl(), s.revokeUrl(), s.deviceUrl(),
        s.metadataUrl()}) {
      if (u != null) {
        urls.add(u);
      }
    }
    urls.addAll(s.accountsServers());
    return urls;
  }

  @Test
  void zohoHasEveryDataCentreAndItsQuirk() {
    Service zoho = CATALOG.find("zoho").orElseThrow();
    assertEquals(AuthType.OAUTH2, zoho.auth());
    assertEquals("zoho", zoho.quirk());
    assertEquals(ScopeDelimiter.COMMA, zoho.scopeDelimiter());
    assertEquals("Zoho-oauthtoken", zoho.token().prefix());
    assertEquals("Authorization", zoho.token().name());
    assertEquals("offline", zoho.authParams().get("access_type"));
    assertEquals("consent", zoho.authParams().get("prompt"));
    assertEquals(ClientAuth.POST, zoho.clientAuth());
    assertFalse(zoho.pkce());
    assertEquals(Duration.ofHours(1), zoho.defaultLifetime());
    assertEquals("https://accounts.zoho.com/oauth/v2/auth", zoho.authorizeUrl());
    assertEquals("https://accounts.zoho.com/oauth/v2/token", zoho.tokenUrl());
    assertEquals("https://accounts.zoho.com/oauth/v2/token/revoke", zoho.revokeUrl());
    for (String dc : List.of("zoho.com", "zoho.eu", "zoho.in", "zoho.com.au", "zoho.jp", "zohocloud.ca", "zoho.sa",
        "zoho.uk", "zoho.com.cn")) {
      assertTrue(zoho.accountsServers().contains("https://accounts." + dc), "accounts server for " + dc);
    }
    for (String api : List.of("www.zohoapis.com", "www.zohoapis.eu", "www.zohoapis.in", "www.zohoapis.com.au",
        "www.zohoapis.jp", "www.zohoapis.ca", "www.zohoapis.sa", "www.zohoapis.uk", "www.zohoapis.com.cn",
        "www.zoho.com", "books.zoho.eu", "desk.zoho.in", "creator.zoho.com.au", "sign.zohocloud.ca")) {
      assertTrue(allowed(zoho, "https://" + api + "/crm/v2/Leads"), "Zoho API host " + api);
    }
    assertFalse(allowed(zoho, "https://zohoapis.com.evil.example/crm/v2/Leads"));
    assertFalse(allowed(zoho, "https://example.com/"));
  }

  @Test
  void mailchimpNeverExpiresAndHasAMetadataUrl() {
    Service mc = CATALOG.find("mailchimp").orElseThrow();
    assertNull(mc.defaultLifetime(), "MailChimp documents tokens that never expire");
    assertEquals("https://login.mailchimp.com/oauth2/metadata", mc.metadataUrl());
    assertEquals("mailchimp", mc.quirk());
    assertEquals("https://login.mailchimp.com/oauth2/authorize", mc.authorizeUrl());
    assertEquals("https://login.mailchimp.com/oauth2/token", mc.tokenUrl());
    assertTrue(allowed(mc, "https://us6.api.mailchimp.com/3.0/campaigns/42"));
    assertFalse(allowed(mc, "https://login.mailchimp.com.example.net/"));
    // null survives the JSON round trip, written explicitly
    assertTrue(ServiceJson.write(mc).get("defaultLifetimeSeconds").isNull());
  }

  @Test
  void googleSupportsTheDeviceFlow() {
    Service google = CATALOG.find("google").orElseThrow();
    assertTrue(google.grants().contains(Grant.DEVICE_CODE));
    assertEquals(Grant.AUTHORIZATION_CODE, google.defaultGrant());
    assertEquals("https://oauth2.googleapis.com/device/code", google.deviceUrl());
    assertEquals("https://oauth2.googleapis.com/revoke", google.revokeUrl());
    assertEquals("offline", google.authParams().get("access_type"));
    assertEquals(ScopeDelimiter.SPACE, google.scopeDelimiter());
    assertTrue(allowed(google, "https://www.googleapis.com/drive/v3/files"));
  }

  @Test
  void githubAndMicrosoftHaveDeviceEndpoints() {
    Service gh = CATALOG.find("github").orElseThrow();
    assertEquals("https://github.com/login/device/code", gh.deviceUrl());
    assertTrue(allowed(gh, "https://api.github.com/user"));
    assertFalse(allowed(gh, "https://github.com/login"));
    Service ms = CATALOG.find("microsoft").orElseThrow();
    assertTrue(ms.defaultScopes().contains("offline_access"));
    assertTrue(ms.deviceUrl().endsWith("/common/oauth2/v2.0/devicecode"));
    assertTrue(allowed(ms, "https://graph.microsoft.com/v1.0/me"));
  }

  @Test
  void slackJoinsScopesWithCommas() {
    Service slack = CATALOG.find("slack").orElseThrow();
    assertEquals(ScopeDelimiter.COMMA, slack.scopeDelimiter());
    assertEquals("https://slack.com/api/oauth.v2.access", slack.tokenUrl());
  }

  @Test
  void findIsCaseInsensitive() {
    assertEquals("zoho", CATALOG.find("ZOHO").orElseThrow().id());
    assertEquals("mailchimp", CATALOG.find("MailChimp").orElseThrow().id());
    assertEquals("github", CATALOG.find(" GitHub ").orElseThrow().id());
  }

  @Test
  void unknownIsEmpty() {
    assertTrue(CATALOG.find("no-such-service").isEmpty());
    assertTrue(CATALOG.find("").isEmpty());
    assertTrue(CATALOG.find(null).isEmpty());
  }

  @Test
  void ofAndWithMakeNewCatalogues() {
    Service a = bearer("acme", "api.acme.example");
    Service b = bearer("beta", "api.beta.example");
    ServiceCatalog one = ServiceCatalog.of(List.of(b, a));
    assertEquals(List.of("acme", "beta"), one.ids());
    ServiceCatalog two = one.with(bearer("Gamma", "api.gamma.example"));
    assertEquals(List.of("acme", "beta", "Gamma"), two.ids());
    assertEquals(List.of("acme", "beta"), one.ids(), "with() leaves the original alone");
    assertTrue(two.find("gamma").isPresent());
    Service replaced = bearer("ACME", "api2.acme.example");
    assertEquals(List.of("api2.acme.example"), two.with(replaced).find("acme").orElseThrow().apiHosts());
    assertThrows(IllegalArgumentException.class, () -> ServiceCatalog.of(List.of(a, bearer("Acme", "x.example"))));
    assertTrue(CATALOG.with(a).find("acme").isPresent());
    assertTrue(CATALOG.find("acme").isEmpty());
  }

  @Test
  void aMalformedEntryIsNamed() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> parse(
        "[{\"id\": \"good\", \"auth\": \"bearer\", \"apiHosts\": [\"a.example\"]},"
            + " {\"id\": \"typo\", \"auth\": \"bearer\", \"apiHost\": [\"b.example\"]}]"));
    assertTrue(e.getMessage().contains("entry 2 (typo)"), e.getMessage());
    assertTrue(e.getMessage().contains("apiHost"), e.getMessage());

    e = assertThrows(IllegalStateException.class, () -> parse("[{\"id\": \"x\", \"auth\": \"oauth3\"}]"));
    assertTrue(e.getMessage().contains("entry 1 (x)") && e.getMessage().contains("oauth3"), e.getMessage());

    e = assertThrows(IllegalStateException.class, () -> parse("[{\"auth\": \"bearer\"}]"));
    assertTrue(e.getMessage().contains("entry 1 (no id)"), e.getMessage());

    e = assertThrows(IllegalStateException.class, () -> parse("[{\"id\": \"o\", \"auth\": \"oauth2\"}]"));
    assertTrue(e.getMessage().contains("token URL"), e.getMessage());

    e = assertThrows(IllegalStateException.class, () -> parse(
        "[{\"id\": \"d\", \"auth\": \"bearer\"}, {\"id\": \"D\", \"auth\": \"bearer\"}]"));
    assertTrue(e.getMessage().contains("twice"), e.getMessage());

    assertThrows(IllegalStateException.class, () -> parse("{\"id\": \"x\"}"));
    assertThrows(IllegalStateException.class, () -> parse("[{"));
    assertEquals(List.of("good"), parse("[{\"id\": \"good\", \"auth\": \"bearer\"}]").ids());
  }

  static ServiceCatalog parse(String json) {
    return ServiceCatalog.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test.json");
  }

  static boolean allowed(Service s, String url) {
    return Hosts.matches(s.effectiveApiHosts(), URI.create(url));
  }

  static Service bearer(String id, String host) {
    return new Service(id, id.toUpperCase(Locale.ROOT), AuthType.BEARER, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, List.of(host), null, null, null, false, "https://" + host);
  }

  @Test
  void apiHostsOfBuiltInsDoNotOverlapAcrossServices() {
    // a token must never be sent to another provider's host: no exact host is claimed by two services
    Set<String> seen = new HashSet<>();
    for (Service s : CATALOG.all()) {
      for (String h : s.apiHosts()) {
        assertTrue(seen.add(h.toLowerCase(Locale.ROOT)), "API host " + h + " claimed twice");
      }
    }
  }
}
