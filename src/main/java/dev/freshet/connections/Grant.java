package dev.freshet.connections;

import java.util.Locale;

/** The OAuth 2 grant a connection is authorized with. */
public enum Grant {
  /** Browser sign-in with PKCE S256 and a loopback redirect (RFC 6749 §4.1, RFC 7636, RFC 8252). */
  AUTHORIZATION_CODE,
  /** Machine-to-machine: the client id and secret buy a token on first use and whenever it expires. */
  CLIENT_CREDENTIALS,
  /** A user code entered on another device (RFC 8628). */
  DEVICE_CODE;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Grant parse(String word) {
    return Words.parse(Grant.class, word, "grant");
  }
}
