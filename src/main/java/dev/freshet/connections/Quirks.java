package dev.freshet.connections;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Provider hooks named by {@link Service#quirk()}.
 *
 * <p>{@code zoho}: an account lives in one data centre; the callback names its accounts server
 * ({@code accounts-server=https://accounts.zoho.eu}), where the code must be exchanged and later refreshes and
 * revocations go, and the token response names the API host ({@code api_domain}). The accounts server must be one the
 * service lists, or the client secret could be sent to whoever forged the callback.
 *
 * <p>{@code mailchimp}: the API host ({@code api_endpoint}, data centre {@code dc}) comes from a metadata call made
 * with the new token.
 */
final class Quirks {
  static final String ZOHO = "zoho";
  static final String MAILCHIMP = "mailchimp";

  private Quirks() {}

  /** The provider facts a callback brings (Zoho's accounts server and location), checked; empty for others. */
  static Map<String, String> fromCallback(Service s, Map<String, String> callback) throws OAuthException {
    Map<String, String> info = new LinkedHashMap<>();
    if (ZOHO.equals(s.quirk()) && callback.get("accounts-server") != null) {
      info.put("accounts_server", allowedOrigin(s, callback.get("accounts-server")));
      String location = callback.get("location");
      if (location != null && location.matches("[A-Za-z0-9.-]{1,32}")) {
        info.put("location", location);
      }
    }
    return info;
  }

  /**
   * {@code info} plus the accounts server of the connection's data centre ({@code --dc eu}) when no callback has named
   * one yet: a Zoho account outside the US signs in and gets its tokens there.
   */
  static Map<String, String> facts(Connection c, Map<String, String> info) {
    if (!ZOHO.equals(c.service().quirk()) || c.dc() == null || info.get("accounts_server") != null) {
      return info;
    }
    Map<String, String> out = new LinkedHashMap<>(info);
    out.put("accounts_server", ZohoHosts.accountsServer(c.dc()));
    return out;
  }

  /** Where the browser signs in: the data centre's accounts server for a Zoho connection with {@code --dc}. */
  static String authorizeUrl(Connection c) throws OAuthException {
    return rewrite(c.service(), c.service().authorizeUrl(), facts(c, Map.of()));
  }

  /** Where the authorization code (or client credentials) is exchanged. */
  static String tokenUrl(Service s, Map<String, String> info) throws OAuthException {
    return rewrite(s, s.tokenUrl(), info);
  }

  static String refreshUrl(Service s, Map<String, String> info) throws OAuthException {
    return rewrite(s, s.refreshEndpoint(), info);
  }

  /** The revocation endpoint, or null when the service has none. */
  static String revokeUrl(Service s, Map<String, String> info) throws OAuthException {
    return s.revokeUrl() == null ? null : rewrite(s, s.revokeUrl(), info);
  }

  /**
   * {@code info} plus what a new token teaches: the {@code api_domain} a token response names (Zoho's, and any
   * provider's that answers the same way, such as a Zoho sandbox or stand-in), MailChimp's metadata.
   */
  static Map<String, String> afterToken(OAuthClient client, Service s, TokenResponse r, Map<String, String> info)
      throws OAuthException {
    Map<String, String> out = new LinkedHashMap<>(info);
    String apiDomain = origin(r.info().get("api_domain"));
    if (apiDomain != null) {
      out.put("api_domain", apiDomain);
    } else if (MAILCHIMP.equals(s.quirk()) && s.metadataUrl() != null) {
      out.putAll(client.mailchimpMetadata(s.metadataUrl(), r.accessToken()));
    }
    return out;
  }

  /**
   * The API hosts a connection's credentials may also go to: the API domain it was given ({@code --api-domain}), the
   * one its token endpoint named ({@code api_domain}), MailChimp's metadata host.
   */
  static List<String> extraApiHosts(Connection c, Map<String, String> info) {
    List<String> hosts = new java.util.ArrayList<>();
    for (String url : new String[] {c.apiDomain(), info.get("api_domain"),
        MAILCHIMP.equals(c.service().quirk()) ? info.get("api_endpoint") : null}) {
      String h = hostOf(url);
      if (h != null && !hosts.contains(h)) {
        hosts.add(h);
      }
    }
    return hosts;
  }

  private static String hostOf(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI u = new URI(url.trim());
      if (u.getHost() == null) {
        return null;
      }
      return u.getPort() >= 0 ? u.getHost() + ":" + u.getPort() : u.getHost();
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** The same path on the stored accounts server (Zoho); the URL itself otherwise. */
  private static String rewrite(Service s, String url, Map<String, String> info) throws OAuthException {
    String server = info.get("accounts_server");
    if (!ZOHO.equals(s.quirk()) || server == null || url == null) {
      return url;
    }
    URI u = URI.create(url);
    return allowedOrigin(s, server) + (u.getRawPath() == null ? "" : u.getRawPath())
        + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
  }

  /** {@code server}'s origin if the service lists it as an accounts server; otherwise refused. */
  static String allowedOrigin(Service s, String server) throws OAuthException {
    String origin = origin(server);
    if (origin != null) {
      for (String listed : s.accountsServers()) {
        if (origin.equals(origin(listed))) {
          return origin;
        }
      }
    }
    throw new OAuthException("unknown_accounts_server", "the accounts server named in the callback is not one of "
        + "service " + s.id() + "'s: " + String.join(", ", s.accountsServers()));
  }

  /** {@code scheme://host[:port]} in lower case, or null unless {@code url} is a bare http(s) origin. */
  static String origin(String url) {
    if (url == null) {
      return null;
    }
    try {
      URI u = new URI(url.trim());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      boolean bare = (u.getRawPath() == null || u.getRawPath().isEmpty() || u.getRawPath().equals("/"))
          && u.getRawQuery() == null && u.getRawFragment() == null && u.getRawUserInfo() == null;
      if (!bare || u.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
        return null;
      }
      int port = u.getPort();
      boolean defaultPort = port < 0 || (scheme.equals("https") && port == 443) || (scheme.equals("http")
          && port == 80);
      return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
