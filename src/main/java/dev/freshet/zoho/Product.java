package dev.freshet.zoho;

import dev.freshet.connections.ZohoHosts;
import java.util.Locale;

/**
 * The Zoho products whose tasks Freshet runs, each with the key a default connection is set under
 * ({@code freshet connections default crm NAME}) and where its REST API lives for a connection's API domain.
 */
public enum Product {
  CRM("crm", "Zoho CRM", "/crm/v2.1"),
  BOOKS("books", "Zoho Books", "/books/v3"),
  INVENTORY("inventory", "Zoho Inventory", "/inventory/v1"),
  CREATOR("creator", "Zoho Creator", "/creator/v2/data"),
  DESK("desk", "Zoho Desk", "/api/v1"),
  CLIQ("cliq", "Zoho Cliq", "/api/v2");

  private final String key;
  private final String title;
  private final String path;

  Product(String key, String title, String path) {
    this.key = key;
    this.title = title;
    this.path = path;
  }

  /** The name used on the command line and in messages: {@code crm}, {@code books}, … */
  public String key() {
    return key;
  }

  public String title() {
    return title;
  }

  /**
   * The REST API's base URL for an API domain: under the API domain itself for CRM, Books, Inventory and Creator
   * ({@code https://www.zohoapis.eu/crm/v2.1}); on the product's own host in the same data centre for Desk and Cliq
   * ({@code https://desk.zoho.eu/api/v1}), or on the API domain when it is not Zoho's (a sandbox or a test server).
   */
  String base(String apiDomain) {
    String origin = this == DESK || this == CLIQ ? ZohoHosts.productOrigin(apiDomain, key) : apiDomain;
    return origin + path;
  }

  /** The product a key names, or null. */
  public static Product of(String key) {
    for (Product p : values()) {
      if (p.key.equals(key.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    return null;
  }
}
