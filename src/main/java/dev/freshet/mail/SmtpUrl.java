package dev.freshet.mail;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An {@code smtp://} or {@code smtps://} server address with optional credentials
 * ({@code smtps://user:password@smtp.example.com:465}). Its {@link #toString()} never shows the credentials; parse
 * errors never repeat the text, which holds the password.
 */
record SmtpUrl(String protocol, String host, int port, String user, String password) {
  static final String FORMAT = "smtp://[user:password@]host[:port] or smtps://…, with special characters in the user"
      + " name or password percent-encoded (@ as %40)";

  static SmtpUrl parse(String text) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid URL; expected " + FORMAT);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
      throw new IllegalArgumentException("the URL must start with smtp:// or smtps://; expected " + FORMAT);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("the URL has no server host name; expected " + FORMAT);
    }
    if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
        || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("the URL must end after host[:port] (no path, ? or #); expected " + FORMAT);
    }
    String user = null;
    String password = null;
    String info = uri.getRawUserInfo();
    if (info != null && !info.isEmpty()) {
      int colon = info.indexOf(':');
      user = decode(colon < 0 ? info : info.substring(0, colon));
      password = colon < 0 ? "" : decode(info.substring(colon + 1));
    }
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("smtps") ? 465 : 25;
    return new SmtpUrl(scheme, uri.getHost(), port, user, password);
  }

  /** Percent-decoding only: a {@code +} in a password stays a {@code +}. */
  private static String decode(String s) {
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the user name or password has a broken %-escape; expected " + FORMAT);
    }
  }

  boolean hasLogin() {
    return user != null;
  }

  /** Loopback servers (a local relay, a test server) may take a login without TLS. */
  boolean isLoopback() {
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false; // never resolve names here
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** The address as it may be shown: credentials masked. */
  @Override
  public String toString() {
    return protocol + "://" + (user != null ? "***@" : "") + host + ":" + port;
  }
}
