package dev.freshet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code "test"} section of the project's {@code freshet.json}: {@code secrets} (environment variables whose
 * values are redacted wherever they appear), {@code max_age} (how old a replayed cassette may be), {@code stale}
 * (warn, error or ignore), {@code match} (what every test leaves out of matching), {@code redact} (names and
 * patterns added to the redaction defaults, defaults removed by name) and {@code response-emails} ({@code mask}).
 * A missing file is an empty configuration; an unknown key is an error, so a typo is seen.
 */
public record TestConfig(List<String> secrets, Duration maxAge, Stale stale, String match, RedactRules redact,
    boolean maskEmails) {
  /** What a cassette older than its max age does to the run. */
  public enum Stale { WARN, ERROR, IGNORE;

    /** @throws IllegalArgumentException for another word */
    public static Stale parse(String s) {
      try {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("stale must be warn, error or ignore, not '" + s + "'");
      }
    }
  }

  static final String FILE = "freshet.json";
  private static final Set<String> KEYS = Set.of("secrets", "max_age", "stale", "match", "redact",
      "response-emails");
  private static final Pattern AGE = Pattern.compile("(\\d+)\\s*([hdw])");

  public static final TestConfig NONE = new TestConfig(List.of(), null, Stale.WARN, null, RedactRules.DEFAULT,
      false);

  /** The same with another {@code stale} (from {@code --stale}). */
  public TestConfig withStale(Stale s) {
    return new TestConfig(secrets, maxAge, s, match, redact, maskEmails);
  }

  /** @throws IllegalArgumentException naming the file and the key, for a configuration that cannot be used */
  public static TestConfig read(Path root) {
    Path file = root.resolve(FILE);
    if (!Files.exists(file)) {
      return NONE;
    }
    JsonNode json = Json.parse(Project.read(file));
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException(FILE + " is not a JSON object");
    }
    JsonNode test = json.path("test");
    if (test.isMissingNode()) {
      return NONE;
    }
    List<String> secrets = new ArrayList<>();
    test.fieldNames().forEachRemaining(k -> {
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException(FILE + ": unknown key test." + k + " (known: match, max_age, redact,"
            + " response-emails, secrets, stale)");
      }
    });
    for (JsonNode s : test.path("secrets")) {
      String name = s.asText().startsWith("env:") ? s.asText().substring(4) : s.asText();
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException(FILE + ": test.secrets holds names of environment variables (\"env:VAR\""
            + " or \"VAR\"), never the secrets themselves");
      }
      secrets.add(name);
    }
    try {
      Duration maxAge = test.hasNonNull("max_age") ? age(test.get("max_age").asText()) : null;
      Stale stale = test.hasNonNull("stale") ? Stale.parse(test.get("stale").asText()) : Stale.WARN;
      String match = ProjectRules.match(test.path("match"));
      RedactRules redact = ProjectRules.redact(test.path("redact"));
      boolean mask = ProjectRules.emails(test.path("response-emails"));
      return new TestConfig(List.copyOf(secrets), maxAge, stale, match, redact, mask);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(FILE + ": " + e.getMessage());
    }
  }

  /** {@code 180d}, {@code 2w}, {@code 12h}. @throws IllegalArgumentException for another form */
  static Duration age(String text) {
    Matcher m = AGE.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("a max age is a number of hours, days or weeks (12h, 30d, 2w), not '"
          + text + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "h" -> Duration.ofHours(n);
      case "w" -> Duration.ofDays(7 * n);
      default -> Duration.ofDays(n);
    };
  }

  /** {@code 30d} again, for messages. */
  static String show(Duration d) {
    long h = d.toHours();
    return h % (24 * 7) == 0 ? h / (24 * 7) + "w" : h % 24 == 0 ? h / 24 + "d" : h + "h";
  }
}
