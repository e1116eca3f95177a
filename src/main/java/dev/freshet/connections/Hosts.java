package dev.freshet.connections;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Host patterns a connection's credentials may be sent to: an exact name ({@code api.github.com}) or every
 * subdomain of one ({@code *.zohoapis.com}), optionally with a port ({@code 127.0.0.1:8080}); no scheme or path.
 */
final class Hosts {
  private Hosts() {}

  static void validate(String pattern) {
    if (pattern == null || !pattern.matches("(\\*\\.)?[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*(:[0-9]{1,5})?")) {
      throw new IllegalArgumentException("an API host is a name such as api.example.com or *.example.com, with an"
          + " optional :port (no scheme or path), got \"" + pattern + "\"");
    }
  }

  static boolean matches(List<String> patterns, URI uri) {
    if (uri.getHost() == null) {
      return false;
    }
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    for (String p : patterns) {
      String pattern = p.toLowerCase(Locale.ROOT);
      int colon = pattern.lastIndexOf(':');
      if (colon > 0) {
        if (!pattern.substring(colon + 1).equals(String.valueOf(port))) {
          continue;
        }
        pattern = pattern.substring(0, colon);
      }
      if (pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) : host.equals(pattern)) {
        return true;
      }
    }
    return false;
  }

  /** The host (with its port when one is written) of an absolute URL, for a custom service's default. */
  static String of(String url) {
    URI uri = URI.create(url);
    return uri.getPort() >= 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
  }
}
