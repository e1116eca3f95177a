package dev.freshet.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a connection's API calls go: given, else named by the token response, else its data centre's. */
class ApiDomainTest {
  @TempDir
  Path home;

  private ConnectionRegistry with(Connection c, Map<String, String> info) {
    FileConnectionStore store = LiveFixtures.store(home);
    Instant now = Instant.now();
    assertTrue(store.save(new ConnectionRecord(c, ConnectionStatus.CONNECTED, new Secrets("cs", "at", "rt", null,
        Map.of()), now.plusSeconds(3600), now, now, info, null, 1)));
    return ConnectionRegistry.builder().store(store).build();
  }

  private static Connection zoho(String apiDomain, String dc) {
    return new Connection("z", null, QuirksTest.zoho(), null, "1000.A", List.of(), null, apiDomain, dc, false);
  }

  @Test
  void theTokenResponsesApiDomainWinsOverTheDataCentre() {
    assertEquals("https://www.zohoapis.in", with(zoho(null, "eu"), Map.of("api_domain", "https://www.zohoapis.in"))
        .apiDomain("z"));
  }

  @Test
  void anApiDomainGivenWinsOverEverything() {
    assertEquals("http://127.0.0.1:9000", with(zoho("http://127.0.0.1:9000", "eu"),
        Map.of("api_domain", "https://www.zohoapis.in")).apiDomain("z"));
  }

  @Test
  void withoutOneTheDataCentreOrTheReportedLocationDecides() {
    assertEquals("https://www.zohoapis.com.au", with(zoho(null, "au"), Map.of()).apiDomain("z"));
  }

  @Test
  void theLocationTheAuthorizationReportedIsADataCentreToo() {
    assertEquals("https://www.zohoapis.jp", with(zoho(null, null), Map.of("location", "jp")).apiDomain("z"));
  }

  @Test
  void aZohoConnectionWithNothingKnownUsesTheUsDataCentre() {
    assertEquals("https://www.zohoapis.com", with(zoho(null, null), Map.of()).apiDomain("z"));
  }

  @Test
  void anotherServiceWithoutAnApiDomainHasNone() throws Exception {
    Service s = new OAuthFixtures.ServiceBuilder("https://id.example.com").build();
    assertNull(with(new Connection("z", null, s, null, "1000.A", List.of(), null), Map.of()).apiDomain("z"));
  }
}
