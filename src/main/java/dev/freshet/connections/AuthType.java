package dev.freshet.connections;

import java.util.Locale;

/** How a connection proves who it is (CONNECTIONS.md "Auth types"). Written in lower case in files and on the CLI. */
public enum AuthType {
  OAUTH2, API_KEY, BASIC, BEARER, NONE;

  /** The lower-case word used in service files, connection files and CLI options. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a word such as {@code api_key} or {@code oauth2}. */
  public static AuthType parse(String word) {
    return Words.parse(AuthType.class, word, "auth type");
  }
}
