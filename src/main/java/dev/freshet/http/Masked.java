package dev.freshet.http;

import dev.freshet.connections.Credentials;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Masks one request's connection secrets in what is shown (logs, errors), whatever parameter name carries them: an
 * API key in {@code ?appid=} is not caught by the name-based {@link Redaction} alone.
 */
final class Masked {
  private final Set<String> secrets = new LinkedHashSet<>();

  Masked(Credentials credentials) {
    if (credentials != null) {
      for (Map<String, String> m : java.util.List.of(credentials.headers(), credentials.query(), credentials.form())) {
        for (String v : m.values()) {
          add(v);
          int space = v.indexOf(' ');
          if (space > 0) {
            add(v.substring(space + 1)); // the secret after a prefix such as "Bearer "
          }
        }
      }
    }
  }

  private void add(String v) {
    if (v != null && v.length() >= 4) {
      secrets.add(v);
      secrets.add(URLEncoder.encode(v, StandardCharsets.UTF_8));
    }
  }

  String url(URI uri) {
    return text(Redaction.url(uri.toString()));
  }

  String text(String s) {
    String out = s;
    for (String secret : secrets) {
      out = out.replace(secret, "***");
    }
    return out;
  }
}
