package dev.freshet.connections;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Zoho's data centres (ZOHO-TASKS.md §1.1, from Zoho's SDK): each has an accounts server, an API domain
 * ({@code www.zohoapis.eu}) and a domain for the products that keep a host of their own ({@code desk.zoho.eu}).
 * Knowing them lets a connection say {@code --dc eu}, lets the {@code zoho.*} tasks find Desk and Cliq from an API
 * domain, and lets {@code --rewrite-zoho-hosts} move a URL written for one data centre onto another.
 */
public final class ZohoHosts {
  /** One data centre: where to sign in, where the APIs are, where the products with their own host live. */
  record Dc(String code, String accounts, String apiDomain, String products) {}

  private static final Map<String, Dc> DCS = new LinkedHashMap<>();

  static {
    dc("us", "accounts.zoho.com", "www.zohoapis.com", "zoho.com");
    dc("eu", "accounts.zoho.eu", "www.zohoapis.eu", "zoho.eu");
    dc("in", "accounts.zoho.in", "www.zohoapis.in", "zoho.in");
    dc("au", "accounts.zoho.com.au", "www.zohoapis.com.au", "zoho.com.au");
    dc("jp", "accounts.zoho.jp", "www.zohoapis.jp", "zoho.jp");
    dc("ca", "accounts.zohocloud.ca", "www.zohoapis.ca", "zohocloud.ca");
    dc("sa", "accounts.zoho.sa", "www.zohoapis.sa", "zoho.sa");
    dc("uk", "accounts.zoho.uk", "www.zohoapis.uk", "zoho.uk");
    dc("cn", "accounts.zoho.com.cn", "www.zohoapis.com.cn", "zoho.com.cn");
  }

  /** Host labels on a product domain that are not APIs: the web site and the accounts server. */
  private static final Set<String> NOT_API = Set.of("www", "accounts");

  private ZohoHosts() {}

  private static void dc(String code, String accounts, String api, String products) {
    DCS.put(code, new Dc(code, "https://" + accounts, "https://" + api, products));
  }

  /** The data centre codes, in Zoho's order: us, eu, in, au, jp, ca, sa, uk, cn. */
  public static Set<String> dcs() {
    return DCS.keySet();
  }

  /** {@code code} in lower case if it names a data centre; otherwise an error listing them. */
  static String checkDc(String code) {
    String c = code.trim().toLowerCase(Locale.ROOT);
    if (!DCS.containsKey(c)) {
      throw new IllegalArgumentException("unknown Zoho data centre \"" + code + "\"; use one of "
          + String.join(", ", DCS.keySet()));
    }
    return c;
  }

  /** The accounts server of a data centre, e.g. {@code https://accounts.zoho.eu}. */
  static String accountsServer(String dc) {
    return DCS.get(dc).accounts();
  }

  /** The API domain of a data centre, e.g. {@code https://www.zohoapis.eu}. */
  public static String apiDomain(String dc) {
    return DCS.get(dc == null ? "us" : dc).apiDomain();
  }

  /**
   * Where a product with a host of its own ({@code desk}, {@code cliq}) is reached for an API domain: the product's
   * host in the same data centre when the API domain is Zoho's ({@code https://www.zohoapis.eu} → {@code
   * https://desk.zoho.eu}); the API domain itself otherwise (a sandbox or a test server stands in for every product).
   */
  public static String productOrigin(String apiDomain, String product) {
    Dc dc = dcOfApiHost(host(apiDomain));
    return dc == null ? apiDomain : "https://" + product + "." + dc.products();
  }

  /**
   * The same URL on the connection's API domain, for a URL written for a Zoho API in another data centre (any
   * {@code *.zohoapis.*} host, or a product host such as {@code desk.zoho.com}); null when {@code url} is not a Zoho
   * API URL or is already where the API domain says.
   */
  public static URI rewrite(URI url, String apiDomain) {
    String host = url.getHost() == null ? null : url.getHost().toLowerCase(Locale.ROOT);
    if (host == null || apiDomain == null) {
      return null;
    }
    String target;
    if (dcOfApiHost(host) != null) {
      target = apiDomain;
    } else {
      String product = productLabel(host);
      if (product == null) {
        return null;
      }
      target = productOrigin(apiDomain, product);
    }
    String origin = Quirks.origin(url.getScheme() + "://" + url.getRawAuthority());
    if (target.equals(origin)) {
      return null;
    }
    try {
      return new URI(target + (url.getRawPath() == null ? "" : url.getRawPath())
          + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())
          + (url.getRawFragment() == null ? "" : "#" + url.getRawFragment()));
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** The data centre of a {@code *.zohoapis.<tld>} host, or null. */
  private static Dc dcOfApiHost(String host) {
    if (host == null) {
      return null;
    }
    for (Dc dc : DCS.values()) {
      String apiSuffix = dc.apiDomain().substring(dc.apiDomain().indexOf(".zohoapis."));
      if (host.endsWith(apiSuffix)) {
        return dc;
      }
    }
    return null;
  }

  /** {@code desk} for {@code desk.zoho.com}: the product of a host on a data centre's product domain, or null. */
  private static String productLabel(String host) {
    for (Dc dc : DCS.values()) {
      String suffix = "." + dc.products();
      if (host.endsWith(suffix)) {
        String label = host.substring(0, host.length() - suffix.length());
        return label.isEmpty() || label.contains(".") || NOT_API.contains(label) ? null : label;
      }
    }
    return null;
  }

  private static String host(String origin) {
    try {
      String h = new URI(origin).getHost();
      return h == null ? null : h.toLowerCase(Locale.ROOT);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
