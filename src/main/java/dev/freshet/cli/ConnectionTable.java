package dev.freshet.cli;

import dev.freshet.connections.AuthType;
import dev.freshet.connections.ConnectionSummary;
import dev.freshet.connections.Grant;
import dev.freshet.connections.Service;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The tables and phrases {@code connections list}, {@code services} and {@code show} print. */
final class ConnectionTable {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
      .withZone(ZoneId.systemDefault());

  private ConnectionTable() {}

  static void services(PrintStream out, List<Service> services) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"SERVICE", "NAME", "AUTH", "GRANTS", "API HOSTS"});
    for (Service s : services) {
      rows.add(new String[] {s.id(), s.name(), s.auth().word(),
          s.grants().isEmpty() ? "-" : String.join(",", s.grants().stream().map(Grant::word).toList()),
          hosts(s.apiHosts())});
    }
    print(out, rows);
  }

  private static String hosts(List<String> hosts) {
    return hosts.size() <= 3 ? String.join(" ", hosts)
        : String.join(" ", hosts.subList(0, 3)) + " (+" + (hosts.size() - 3) + " more)";
  }

  static void connections(PrintStream out, List<ConnectionSummary> all) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"NAME", "SERVICE", "AUTH", "STATUS", "EXPIRES"});
    for (ConnectionSummary s : all) {
      rows.add(new String[] {s.name(), s.service().isCustom() ? "custom" : s.service().id(), s.auth().word(),
          s.status().word(), s.auth() != AuthType.OAUTH2 ? "-" : s.expiresAt() == null ? (s.status().word()
              .equals("connected") ? "never" : "-") : WHEN.format(s.expiresAt())});
    }
    print(out, rows);
  }

  /** "expires 2026-11-29 17:00:00 UTC", "does not expire" or "no token yet". */
  static String expiry(ConnectionSummary s) {
    if (!s.secretsHeld().contains("access token")) {
      return "no token yet";
    }
    Instant at = s.expiresAt();
    return at == null ? "the token does not expire" : "the token expires " + WHEN.format(at);
  }

  /** A URL on one of the connection's API hosts, for the snippet {@code show} prints. */
  static String exampleUrl(ConnectionSummary s) {
    String base = s.apiDomain() != null ? s.apiDomain()
        : s.info().getOrDefault("api_endpoint", s.info().get("api_domain"));
    if (base == null) {
      String host = s.apiHosts().isEmpty() ? "api.example.com" : s.apiHosts().stream()
          .filter(h -> !h.startsWith("*.")).findFirst().orElse(s.apiHosts().get(0).replace("*.", "www."));
      String token = s.service().tokenUrl();
      boolean plain = token != null && token.startsWith("http://") && URI.create(token).getAuthority().equals(host);
      base = (plain ? "http://" : "https://") + host; // a local test provider may be plain HTTP
    }
    return base.replaceAll("/+$", "") + "/";
  }

  private static void print(PrintStream out, List<String[]> rows) {
    int[] width = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        line.append(i == r.length - 1 ? r[i] : String.format("%-" + (width[i] + 2) + "s", r[i]));
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
