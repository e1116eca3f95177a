package dev.freshet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code "response-emails": "mask"}: the email addresses of recorded responses outside the example domains become
 * {@code user-N@example.invalid}, the same address always the same N, before the script sees the response, so a
 * recording run and its replay see the same values (TESTING.md §2.7.6).
 */
final class EmailMask {
  static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");
  private static final Pattern MASKED = Pattern.compile("user-(\\d+)@example\\.invalid");
  private final Map<String, String> masked = new HashMap<>();
  private int count;

  /** Numbers new addresses after those already in the cassette (null: none), as mode {@code new} appends. */
  EmailMask(Cassette existing) {
    if (existing != null) {
      Matcher m = MASKED.matcher(existing.interactions.toString());
      while (m.find()) {
        count = Math.max(count, Integer.parseInt(m.group(1)));
      }
    }
  }

  /** Whether addresses at this domain are test data already (example.com, .org, .net, .invalid). */
  static boolean isExample(String domain) {
    String d = domain.toLowerCase(Locale.ROOT);
    return List.of("example.com", "example.org", "example.net", "example.invalid").contains(d)
        || d.endsWith(".example.com");
  }

  /** Masks the addresses in every text of a response node (headers and body), in place. */
  synchronized void mask(JsonNode node) {
    Json.mapTexts(node, this::mask);
  }

  private String mask(String text) {
    Matcher m = EMAIL.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String address = m.group().toLowerCase(Locale.ROOT);
      String replacement = isExample(m.group(1)) ? m.group()
          : masked.computeIfAbsent(address, a -> "user-" + (++count) + "@example.invalid");
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
