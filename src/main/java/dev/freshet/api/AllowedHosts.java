package dev.freshet.api;

import dev.freshet.http.HttpCall;
import dev.freshet.http.HttpReply;
import dev.freshet.http.HttpTransport;
import dev.freshet.runtime.ScriptError;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which hosts {@code invokeurl} may reach: any, none, or an allow-list of names ({@code api.example.com}) and
 * subdomain wildcards ({@code *.example.com}). Checked in the transport, so redirects are held to it too.
 */
final class AllowedHosts {
  static final AllowedHosts ANY = new AllowedHosts(null);

  /** Compiled when a list is first checked, not when every engine starts (a few ms of a CLI run's start). */
  private static final class Syntax {
    static final Pattern ENTRY = Pattern.compile(
        "(\\*\\.)?[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*|\\[[0-9A-Fa-f:.]+\\]");
  }

  /** Lower-case entries; null means any host. */
  private final List<String> entries;

  private AllowedHosts(List<String> entries) {
    this.entries = entries;
  }

  static AllowedHosts of(List<String> hosts) {
    for (String h : hosts) {
      if (h == null || !Syntax.ENTRY.matcher(h).matches()) {
        throw new IllegalArgumentException("an allowed host is a name such as api.example.com or *.example.com"
            + " (no scheme, port or path), got '" + h + "'");
      }
    }
    return new AllowedHosts(hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).distinct().toList());
  }

  boolean allowsAny() {
    return entries == null;
  }

  boolean allows(String host) {
    if (entries == null) {
      return true;
    }
    String h = host.toLowerCase(Locale.ROOT);
    for (String e : entries) {
      if (e.startsWith("*.") ? h.endsWith(e.substring(1)) : h.equals(e)) {
        return true;
      }
    }
    return false;
  }

  /** Refuses, before anything is sent, a request to a host that is not allowed. */
  HttpTransport guard(HttpTransport transport) {
    if (entries == null) {
      return transport;
    }
    return new HttpTransport() {
      @Override
      public HttpReply send(HttpCall call) throws IOException {
        String host = call.uri().getHost();
        if (host == null || !allows(host)) {
          throw new ScriptError("invokeurl cannot call " + host + ": " + (entries.isEmpty()
              ? "this engine allows no hosts" : "it is not one of this engine's allowed hosts ("
              + String.join(", ", entries) + ")"));
        }
        return transport.send(call);
      }
    };
  }

  @Override
  public String toString() {
    return entries == null ? "any host" : entries.isEmpty() ? "no hosts" : String.join(", ", entries);
  }
}
