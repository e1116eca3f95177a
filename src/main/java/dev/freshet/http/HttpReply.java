package dev.freshet.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A response: status, headers (names as sent), and the body bytes read. */
public record HttpReply(int status, Map<String, List<String>> headers, byte[] body) {

  /** The first value of a header, matched case-insensitively, or null. */
  public String header(String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))
          && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "HTTP " + status + " (" + body.length + " bytes)";
  }
}
