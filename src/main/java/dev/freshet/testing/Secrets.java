package dev.freshet.testing;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Which names and values are secrets (TESTING.md §2.7), and the encodings a known secret may travel in. */
final class Secrets {
  private Secrets() {}

  static final Set<String> HEADERS = Set.of("authorization", "proxy-authorization", "cookie", "set-cookie",
      "x-api-key", "api-key", "x-auth-token", "x-access-token", "x-csrf-token");
  static final Set<String> KEYS = Set.of("access_token", "refresh_token", "id_token", "token", "client_secret",
      "client_id", "client_assertion", "password", "passwd", "secret", "api_key", "apikey", "signature", "sig");
  /** Secret only in a query string (Google's {@code key}) or only in a token request ({@code code}). */
  static final Set<String> QUERY_ONLY = Set.of("key");
  static final Set<String> TOKEN_REQUEST_ONLY = Set.of("code");
  static final Pattern SCHEME = Pattern.compile("(?i)^(Bearer|Zoho-oauthtoken|Zoho-authtoken|Token|Basic)\\s+(\\S.*)$");
  static final Pattern VALUE_PATTERNS = Pattern.compile(
      "(?i)(?<=\\b(?:Bearer|Zoho-oauthtoken)\\s)[A-Za-z0-9._~+/=-]{8,}"
      + "|eyJ[A-Za-z0-9_-]{4,}\\.eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*"
      + "|\\b[0-9a-f]{32}-us\\d{1,2}\\b");
  static final String PLACEHOLDER_START = "<redacted:";

  static boolean isSecretKey(String name, boolean inQuery, boolean tokenRequest) {
    String n = name.toLowerCase(Locale.ROOT);
    return KEYS.contains(n) || (inQuery && QUERY_ONLY.contains(n)) || (tokenRequest && TOKEN_REQUEST_ONLY.contains(n));
  }

  /** The forms a secret may appear in: raw, percent-encoded both ways, base64, JSON- and HTML-escaped. */
  static Set<String> encodings(String secret) {
    Set<String> out = new LinkedHashSet<>();
    out.add(secret);
    String form = URLEncoder.encode(secret, StandardCharsets.UTF_8);
    out.add(form);
    out.add(form.replace("+", "%20"));
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    out.add(Base64.getEncoder().encodeToString(bytes));
    out.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    out.add(new String(JsonStringEncoder.getInstance().quoteAsString(secret)));
    out.add(secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;"));
    out.removeIf(e -> e.length() < 4);
    return out;
  }
}
