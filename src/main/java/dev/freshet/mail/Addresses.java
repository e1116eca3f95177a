package dev.freshet.mail;

import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Ops;
import dev.freshet.runtime.ScriptError;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Address keys of sendmail: a TEXT of comma-separated addresses, or a LIST of them; each is checked. */
final class Addresses {
  private Addresses() {}

  /** The addresses of one key, each as {@code addr@domain} or {@code Display Name <addr@domain>}. */
  static List<String> of(String key, Object value) {
    List<String> out = new ArrayList<>();
    if (value == null || value instanceof DelugeCollection c && c.isUndecided()) {
      return out;
    }
    if (value instanceof String text) {
      addAll(key, text, out);
    } else if (value instanceof DelugeCollection c && c.isList()) {
      addItems(key, c, out);
    } else {
      throw new ScriptError("sendmail: " + key + " must be an email address (TEXT, comma-separated for several) or a"
          + " LIST of them, got " + Ops.describe(value));
    }
    return out;
  }

  /** The items of a LIST; a LIST inside it (from {@code to: someList, "a@b.c"}) adds its own items. */
  private static void addItems(String key, DelugeCollection list, List<String> out) {
    for (Object item : list.list()) {
      if (item instanceof String text) {
        addAll(key, text, out);
      } else if (item instanceof DelugeCollection inner && inner.isList()) {
        addItems(key, inner, out);
      } else {
        throw new ScriptError("sendmail: " + key + " must hold email addresses (TEXT), got " + Ops.describe(item));
      }
    }
  }

  private static void addAll(String key, String text, List<String> out) {
    if (text.isBlank()) {
      return;
    }
    InternetAddress[] parsed;
    try {
      parsed = InternetAddress.parseHeader(text, true);
    } catch (AddressException e) {
      throw invalid(key, text, e);
    }
    for (InternetAddress a : parsed) {
      out.add(checked(key, a));
    }
  }

  private static String checked(String key, InternetAddress a) {
    String shown = a.toUnicodeString();
    if (a.isGroup()) {
      throw new ScriptError("sendmail: " + key + ": \"" + shown + "\" is an address group; list the addresses");
    }
    try {
      a.validate();
    } catch (AddressException e) {
      throw invalid(key, shown, e);
    }
    String addr = a.getAddress();
    int at = addr.lastIndexOf('@');
    if (at <= 0 || at == addr.length() - 1) {
      throw new ScriptError("sendmail: " + key + ": \"" + shown + "\" is not a valid email address (it needs"
          + " name@domain)");
    }
    return shown;
  }

  private static ScriptError invalid(String key, String text, AddressException e) {
    String reason = e.getMessage() == null ? "" : e.getMessage().replaceAll(" in string ``.*$", "");
    if (!reason.isEmpty()) {
      reason = " (" + reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1)
          + (reason.contains("semicolon") ? "; separate addresses with commas" : "") + ")";
    }
    return new ScriptError("sendmail: " + key + ": \"" + text.strip() + "\" is not a valid email address" + reason);
  }

  /** One checked address as the mail library wants it, its display name encoded as UTF-8 whatever the platform. */
  static InternetAddress internet(String address) {
    try {
      InternetAddress a = new InternetAddress(address, true);
      if (a.getPersonal() != null) {
        a.setPersonal(a.getPersonal(), StandardCharsets.UTF_8.name());
      }
      return a;
    } catch (AddressException | UnsupportedEncodingException e) {
      throw new IllegalStateException("address was checked already: " + address, e);
    }
  }

  static InternetAddress[] internet(List<String> addresses) {
    return addresses.stream().map(Addresses::internet).toArray(InternetAddress[]::new);
  }

  /** The domain of an address, for Message-IDs. */
  static String domain(String address) {
    String addr = internet(address).getAddress();
    return addr.substring(addr.lastIndexOf('@') + 1);
  }
}
