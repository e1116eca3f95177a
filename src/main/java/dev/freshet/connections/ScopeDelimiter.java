package dev.freshet.connections;

import java.util.List;
import java.util.Locale;

/** How a provider wants several scopes joined in the {@code scope} parameter. */
public enum ScopeDelimiter {
  COMMA(","), SPACE(" "), PLUS("+");

  private final String separator;

  ScopeDelimiter(String separator) {
    this.separator = separator;
  }

  public String join(List<String> scopes) {
    return String.join(separator, scopes);
  }

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ScopeDelimiter parse(String word) {
    return Words.parse(ScopeDelimiter.class, word, "scope delimiter");
  }
}
