package dev.freshet.connections;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The text formats OAuth speaks: form encoding (bodies and query strings) and flat JSON or form replies. */
final class OAuthWire {
  private static final Pattern FORM_BODY = Pattern.compile("[^=&\\s]+=[^&\\s]*(&[^=&\\s]+=[^&\\s]*)*");

  private OAuthWire() {}

  /** One value as {@code application/x-www-form-urlencoded} (a space becomes {@code +}). */
  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** {@code a=1&b=2}, in the map's order; null values are left out. */
  static String encode(Map<String, String> fields) {
    StringBuilder b = new StringBuilder();
    fields.forEach((k, v) -> {
      if (v != null) {
        b.append(b.length() == 0 ? "" : "&").append(encode(k)).append('=').append(encode(v));
      }
    });
    return b.toString();
  }

  /** A query string or form body as a map; the first of repeated names wins. */
  static Map<String, String> decode(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException badEscape) {
        // a malformed %-escape: skip the pair rather than fail the whole reply
      }
    }
    return out;
  }

  /**
   * The {@code scope} value before form encoding. A "plus" delimiter means a literal {@code +} on the wire, which form
   * encoding already writes for a space, so those scopes are joined with spaces (a {@code %2B} would not split them).
   */
  static String scope(ScopeDelimiter delimiter, List<String> scopes) {
    return delimiter == ScopeDelimiter.PLUS ? String.join(" ", scopes) : delimiter.join(scopes);
  }

  /**
   * A provider reply's top-level plain fields as text: JSON, or a form body (GitHub's old default). Nested objects
   * and arrays are left out; anything unreadable gives an empty map.
   */
  static Map<String, String> fields(String contentType, String body) {
    Map<String, String> out = new LinkedHashMap<>();
    String text = body == null ? "" : body.trim();
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (text.startsWith("{") || type.contains("json")) {
      try {
        JsonNode n = ServiceJson.MAPPER.readTree(text);
        if (n != null && n.isObject()) {
          n.properties().forEach(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
              out.put(e.getKey(), e.getValue().asText());
            }
          });
        }
      } catch (IOException notJson) {
        // fall through: an empty map, the caller reports the HTTP status
      }
    } else if (type.contains("x-www-form-urlencoded") || FORM_BODY.matcher(text).matches()) {
      out.putAll(decode(text));
    }
    return out;
  }

  /** {@code text} with every secret replaced by {@code ***}: providers sometimes echo what they were sent. */
  static String redact(String text, Collection<String> secrets) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : secrets) {
      if (s != null && !s.isEmpty()) {
        out = out.replace(s, "***");
        String encoded = encode(s);
        if (!encoded.equals(s)) {
          out = out.replace(encoded, "***");
        }
      }
    }
    return out;
  }
}
