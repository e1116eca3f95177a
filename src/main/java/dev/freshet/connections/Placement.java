package dev.freshet.connections;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a credential goes in a request: a header (with an optional prefix such as {@code Bearer},
 * {@code Zoho-oauthtoken} or {@code OAuth}), a query parameter, or a form field.
 *
 * @param in where
 * @param name the header, query or form parameter name
 * @param prefix written before the value with one space; empty for none (headers only)
 */
public record Placement(In in, String name, String prefix) {
  /** Where a credential is attached. */
  public enum In {
    HEADER, QUERY, FORM;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static In parse(String word) {
      return Words.parse(In.class, word, "credential location");
    }
  }

  public Placement {
    Objects.requireNonNull(in);
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a credential needs a " + in.word() + " name");
    }
    prefix = prefix == null ? "" : prefix.trim();
  }

  /** {@code Authorization: <prefix> <token>}. */
  public static Placement header(String prefix) {
    return new Placement(In.HEADER, "Authorization", prefix);
  }

  /** The value as sent: the prefix, a space, then the secret. */
  public String render(String secret) {
    return prefix.isEmpty() ? secret : prefix + " " + secret;
  }
}
