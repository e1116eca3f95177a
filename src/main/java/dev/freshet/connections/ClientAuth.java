package dev.freshet.connections;

import java.util.Locale;

/** How the client id and secret reach the token endpoint: HTTP Basic or form fields (RFC 6749 §2.3.1). */
public enum ClientAuth {
  BASIC, POST;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ClientAuth parse(String word) {
    return Words.parse(ClientAuth.class, word, "client authentication");
  }
}
