package dev.freshet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads {@code test.match}, {@code test.redact} and {@code test.response-emails} of {@code freshet.json}. */
final class ProjectRules {
  private ProjectRules() {}

  private static final List<String> MATCH_KEYS = List.of("ignore-query", "ignore-header", "ignore-body");
  private static final List<String> REDACT_KEYS = List.of("headers", "keys", "patterns", "remove");

  /**
   * {@code {"ignore-query": [...], "ignore-header": [...], "ignore-body": [...]}} as the text of a {@code // @match}
   * option (null when absent), so that one parser reads both.
   */
  static String match(JsonNode match) {
    if (match.isMissingNode() || match.isNull()) {
      return null;
    }
    StringBuilder option = new StringBuilder();
    for (String key : names(match, "match", MATCH_KEYS, "match-headers: the headers the runtime adds (User-Agent,"
        + " Accept-Encoding, Content-Length) are added below the recorder and never recorded, so there is nothing"
        + " to add; every header the script sets already counts")) {
      List<String> values = strings(match.get(key), "match." + key);
      if (!values.isEmpty()) {
        option.append(option.isEmpty() ? "" : " ").append(key).append('=').append(String.join(",", values));
      }
    }
    return option.isEmpty() ? null : option.toString();
  }

  /** {@code {"headers": [...], "keys": [...], "patterns": [...], "remove": [...]}}. */
  static RedactRules redact(JsonNode redact) {
    if (redact.isMissingNode() || redact.isNull()) {
      return RedactRules.DEFAULT;
    }
    names(redact, "redact", REDACT_KEYS, null);
    Set<String> headers = lower(strings(redact.get("headers"), "redact.headers"));
    Set<String> keys = lower(strings(redact.get("keys"), "redact.keys"));
    List<Pattern> patterns = new ArrayList<>();
    for (String p : strings(redact.get("patterns"), "redact.patterns")) {
      try {
        patterns.add(Pattern.compile(p));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("test.redact.patterns: '" + p + "' is not a regular expression: "
            + e.getDescription());
      }
    }
    Set<String> removed = lower(strings(redact.get("remove"), "redact.remove"));
    for (String r : removed) {
      if (!RedactRules.defaults().contains(r)) {
        throw new IllegalArgumentException("test.redact.remove: '" + r + "' is not a default redacted name (the"
            + " defaults: " + String.join(", ", RedactRules.defaults()) + ")");
      }
    }
    return new RedactRules(headers, keys, List.copyOf(patterns), removed);
  }

  /** {@code "mask"} or {@code "warn"} (the default). */
  static boolean emails(JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return false;
    }
    return switch (value.asText()) {
      case "mask" -> true;
      case "warn" -> false;
      default -> throw new IllegalArgumentException("test.response-emails must be \"mask\" or \"warn\", not '"
          + value.asText() + "'");
    };
  }

  /** The keys of an object section, each known; {@code hint} explains a {@code match-headers}. */
  private static List<String> names(JsonNode section, String name, List<String> known, String hint) {
    if (!section.isObject()) {
      throw new IllegalArgumentException("test." + name + " must be an object with keys " + String.join(", ", known));
    }
    List<String> out = new ArrayList<>();
    section.fieldNames().forEachRemaining(k -> {
      if (k.equals("match-headers") && hint != null) {
        throw new IllegalArgumentException("test.match.match-headers is not needed: " + hint);
      }
      if (!known.contains(k)) {
        throw new IllegalArgumentException("unknown key test." + name + "." + k + " (known: "
            + String.join(", ", known) + ")");
      }
      out.add(k);
    });
    return out;
  }

  private static List<String> strings(JsonNode list, String name) {
    List<String> out = new ArrayList<>();
    if (list == null || list.isNull()) {
      return out;
    }
    if (!list.isArray()) {
      throw new IllegalArgumentException("test." + name + " must be a list of texts");
    }
    for (JsonNode v : list) {
      if (!v.isTextual() || v.asText().isBlank() || v.asText().contains(" ")) {
        throw new IllegalArgumentException("test." + name + " must be a list of texts without spaces, not " + v);
      }
      out.add(v.asText());
    }
    return out;
  }

  private static Set<String> lower(List<String> names) {
    Set<String> out = new TreeSet<>();
    names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
    return out;
  }
}
