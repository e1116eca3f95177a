package dev.freshet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The leak scan of committed cassettes ({@code freshet cassettes scan}): each interaction is redacted again, by the
 * same rules a recording uses (names, shapes, and the values of {@code test.secrets} and {@code @arg} variables set
 * now); whatever that would change was not redacted, a leak. It also warns about long random-looking values under
 * secret-like keys and about email addresses outside the example domains in responses. A finding names the file and
 * the JSON path, never the value.
 */
final class CassetteScan {
  private static final Pattern PLACEHOLDER = Pattern.compile("<redacted:([a-z0-9_:.-]+)#\\d+>");
  private static final Pattern SECRET_LIKE_KEY = Pattern.compile(
      "(?i).*(token|secret|passw|api_?key|auth|credential|private|signature).*");

  private CassetteScan() {}

  /** One problem in one file; a {@code leak} fails the scan, a warning does not. */
  record Finding(String file, String path, String what, boolean leak) {
    @Override
    public String toString() {
      return file + ": " + (leak ? "leak" : "warning") + ": " + path + ": " + what;
    }
  }

  /**
   * The findings of one cassette's text; {@code secrets} maps known secret values to their kind; {@code rules} are
   * the project's redaction rules.
   */
  static List<Finding> scan(String shown, String text, Map<String, String> secrets, RedactRules rules) {
    List<Finding> out = new ArrayList<>();
    JsonNode root = Json.parse(text);
    if (root == null || !root.has("freshet_cassette")) {
      out.add(new Finding(shown, "$", "not a Freshet cassette (not JSON, or no \"freshet_cassette\" key)", true));
      return out;
    }
    String leak = LeakScan.scan(text, secrets);
    if (leak != null) {
      out.add(new Finding(shown, leak.substring(leak.lastIndexOf(" found at ") + " found at ".length()),
          leak.substring("refusing to write cassette: ".length(), leak.lastIndexOf(" found at ")) + " is not redacted",
          true));
    }
    Redactor redactor = new Redactor(rules);
    secrets.forEach(redactor::know);
    JsonNode interactions = root.path("interactions");
    for (int i = 0; i < interactions.size(); i++) {
      for (String side : List.of("request", "response")) {
        JsonNode before = interactions.get(i).path(side);
        if (!(before instanceof ObjectNode o)) {
          continue;
        }
        ObjectNode after = o.deepCopy();
        redactor.redact(after);
        String at = "$.interactions[" + i + "]." + side;
        String changed = firstDifference(before, after, at);
        if (changed != null && out.stream().noneMatch(f -> f.path().equals(changed))) {
          Matcher m = PLACEHOLDER.matcher(valueAt(after, changed.substring(at.length())));
          out.add(new Finding(shown, changed, "a secret (" + (m.find() ? m.group(1) : "secret") + ") is not"
              + " redacted", true));
        }
        entropy(before, at, shown, out);
        if (side.equals("response")) {
          emails(before.path("body"), at + ".body", shown, out);
        }
      }
    }
    return out;
  }

  /** The path of the first string that differs, or null. */
  private static String firstDifference(JsonNode a, JsonNode b, String at) {
    if (a.isTextual() || b.isTextual()) {
      return a.equals(b) ? null : at;
    }
    if (a.isObject()) {
      for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        String d = firstDifference(a.get(k), b.path(k), at + "." + k);
        if (d != null) {
          return d;
        }
      }
    } else if (a.isArray()) {
      for (int i = 0; i < a.size(); i++) {
        String d = firstDifference(a.get(i), b.path(i), at + "[" + i + "]");
        if (d != null) {
          return d;
        }
      }
    }
    return null;
  }

  /** The text at a relative path such as {@code .headers.Authorization} or {@code .body.json.data[0].token}. */
  private static String valueAt(JsonNode node, String path) {
    Matcher step = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]").matcher(path);
    JsonNode n = node;
    while (step.find()) {
      n = step.group(1) != null ? n.path(step.group(1)) : n.path(Integer.parseInt(step.group(2)));
    }
    return n.asText("");
  }

  private static void entropy(JsonNode node, String at, String shown, List<Finding> out) {
    node.fields().forEachRemaining(e -> {
      String path = at + "." + e.getKey();
      JsonNode v = e.getValue();
      if (v.isTextual() && SECRET_LIKE_KEY.matcher(e.getKey()).matches() && randomLooking(v.asText())) {
        out.add(new Finding(shown, path, "a long random-looking value under a secret-like key (check it is not a"
            + " secret)", false));
      } else if (v.isObject()) {
        entropy(v, path, shown, out);
      } else if (v.isArray()) {
        for (int i = 0; i < v.size(); i++) {
          if (v.get(i).isObject()) {
            entropy(v.get(i), path + "[" + i + "]", shown, out);
          }
        }
      }
    });
  }

  /** 20 characters or more, no placeholder, no spaces, and at least 3.5 bits of entropy per character. */
  static boolean randomLooking(String s) {
    if (s.length() < 20 || s.contains("<redacted:") || s.contains(" ")) {
      return false;
    }
    Map<Integer, Long> counts = s.chars().boxed().collect(java.util.stream.Collectors.groupingBy(Function.identity(),
        java.util.stream.Collectors.counting()));
    double bits = 0;
    for (long c : counts.values()) {
      double p = (double) c / s.length();
      bits -= p * Math.log(p) / Math.log(2);
    }
    return bits >= 3.5;
  }

  private static void emails(JsonNode body, String at, String shown, List<Finding> out) {
    Matcher m = EmailMask.EMAIL.matcher(body.toString());
    while (m.find()) {
      String domain = m.group(1).toLowerCase(Locale.ROOT);
      if (!EmailMask.isExample(domain)) {
        out.add(new Finding(shown, at, "an email address at " + domain + " in a response: real customers' data?"
            + " (use example.com addresses in the org you record against)", false));
        return;
      }
    }
  }
}
