package dev.freshet.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masks what may be a secret before a URL or header reaches an error message or a log. */
public final class Redaction {
  private Redaction() {}

  private static final java.util.Set<String> SECRET_WORDS = java.util.Set.of("token", "secret", "password", "passwd",
      "pwd", "key", "apikey", "signature", "sig", "auth", "authorization", "session", "sessionid", "cookie", "code",
      "credential", "credentials", "jwt", "bearer");
  private static final Pattern QUERY_PARAM = Pattern.compile("([?&;])([^=&;#]+)=([^&;#]*)");
  private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@");

  /** True for parameter or header names that usually carry credentials. */
  public static boolean isSecretName(String name) {
    for (String part : name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (SECRET_WORDS.contains(part) || part.endsWith("token") || part.endsWith("secret")
          || part.endsWith("password") || part.endsWith("apikey")) {
        return true;
      }
    }
    return false;
  }

  /** The URL with user info removed and secret-looking query values replaced by {@code ***}. */
  public static String url(String url) {
    if (url == null) {
      return "";
    }
    String noUser = USER_INFO.matcher(url).replaceFirst("$1***@");
    Matcher m = QUERY_PARAM.matcher(noUser);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = isSecretName(decode(m.group(2))) ? "***" : m.group(3);
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + "=" + value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** A header value as it may be shown: masked for credential-carrying headers. */
  public static String header(String name, String value) {
    return isSecretName(name) ? "***" : value;
  }

  private static String decode(String s) {
    try {
      return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
