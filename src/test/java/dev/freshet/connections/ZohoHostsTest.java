package dev.freshet.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Which URLs {@code --rewrite-zoho-hosts} moves, and where; Desk and Cliq hosts for an API domain. */
class ZohoHostsTest {
  private static String moved(String url, String apiDomain) {
    URI u = ZohoHosts.rewrite(URI.create(url), apiDomain);
    return u == null ? null : u.toString();
  }

  @Test
  void anApiHostOfAnotherDataCentreMovesToTheApiDomainKeepingPathAndQuery() {
    assertEquals("https://www.zohoapis.eu/crm/v2/Leads/1?fields=Email",
        moved("https://www.zohoapis.com/crm/v2/Leads/1?fields=Email", "https://www.zohoapis.eu"));
    assertEquals("https://sandbox.zohoapis.com/crm/v6/coql",
        moved("https://www.zohoapis.in/crm/v6/coql", "https://sandbox.zohoapis.com"));
    assertEquals("http://127.0.0.1:8089/books/v3/invoices",
        moved("https://www.zohoapis.com/books/v3/invoices", "http://127.0.0.1:8089"));
  }

  @Test
  void aProductHostMovesToThatProductInTheApiDomainsDataCentre() {
    assertEquals("https://desk.zoho.eu/api/v1/tickets", moved("https://desk.zoho.com/api/v1/tickets",
        "https://www.zohoapis.eu"));
    assertEquals("https://desk.zohocloud.ca/api/v1/tickets", moved("https://desk.zoho.com/api/v1/tickets",
        "https://www.zohoapis.ca"));
    assertEquals("https://creator.zoho.com.au/api/v2/x", moved("https://creator.zoho.in/api/v2/x",
        "https://www.zohoapis.com.au"));
    assertEquals("http://127.0.0.1:8089/api/v1/tickets", moved("https://desk.zoho.com/api/v1/tickets",
        "http://127.0.0.1:8089"));
  }

  @Test
  void nothingElseMoves() {
    assertNull(moved("https://www.zohoapis.eu/crm/v2/Leads", "https://www.zohoapis.eu"));
    assertNull(moved("https://desk.zoho.eu/api/v1/tickets", "https://www.zohoapis.eu"));
    assertNull(moved("https://accounts.zoho.com/oauth/v2/token", "https://www.zohoapis.eu"));
    assertNull(moved("https://www.zoho.com/crm/", "https://www.zohoapis.eu"));
    assertNull(moved("https://api.example.com/zohoapis.com", "https://www.zohoapis.eu"));
    assertNull(moved("https://zohoapis.com.evil.example/x", "https://www.zohoapis.eu"));
  }

  @Test
  void deskAndCliqLiveOnTheirOwnHostsOfTheApiDomainsDataCentre() {
    assertEquals("https://desk.zoho.jp", ZohoHosts.productOrigin("https://www.zohoapis.jp", "desk"));
    assertEquals("https://cliq.zoho.com", ZohoHosts.productOrigin("https://www.zohoapis.com", "cliq"));
    assertEquals("http://localhost:9000", ZohoHosts.productOrigin("http://localhost:9000", "desk"));
    assertEquals("https://www.zohoapis.eu", ZohoHosts.apiDomain("eu"));
    assertEquals("https://www.zohoapis.com", ZohoHosts.apiDomain(null));
  }
}
