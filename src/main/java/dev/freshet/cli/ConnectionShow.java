package dev.freshet.cli;

import dev.freshet.connections.ConnectionException;
import dev.freshet.connections.ConnectionSummary;
import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code freshet connections show}: everything about a connection except its secrets, and how to use it. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Show a connection (never a secret) and the invokeurl snippet that uses it.")
final class ConnectionShow extends ConnectionsCommand.Sub {
  @Parameters(paramLabel = "NAME", description = "The connection.")
  String name;

  ConnectionShow(Terminal terminal) {
    super(terminal);
  }

  @Override
  int act() {
    ConnectionSummary s = registry().find(name).orElseThrow(() -> new ConnectionException(
        ConnectionException.Kind.UNKNOWN, "no connection named \"" + name + "\" (see: freshet connections list)"));
    PrintStream out = terminal.out();
    row(out, "name", s.name());
    row(out, "service", s.service().name() + (s.service().isCustom() ? " (custom)" : " (" + s.service().id() + ")"));
    row(out, "auth", s.auth().word() + (s.grant() == null ? "" : ", " + s.grant().word()));
    row(out, "status", s.status().word());
    if (s.clientId() != null) {
      row(out, "client id", s.clientId());
    }
    if (s.username() != null) {
      row(out, "username", s.username());
    }
    if (!s.scopes().isEmpty()) {
      row(out, "scopes", String.join(", ", s.scopes()));
    }
    if (s.auth() == dev.freshet.connections.AuthType.OAUTH2) {
      row(out, "token", ConnectionTable.expiry(s));
    }
    if (s.dc() != null) {
      row(out, "dc", s.dc());
    }
    if (s.apiDomain() != null) {
      row(out, "api domain", s.apiDomain() + " (given)");
    }
    s.info().forEach((k, v) -> row(out, k.replace('_', ' '), v));
    if (s.rewriteZohoHosts() || "zoho".equals(s.service().quirk())) {
      row(out, "zoho hosts", s.rewriteZohoHosts() ? "rewritten to the API domain (--rewrite-zoho-hosts)"
          : "as written (add with --rewrite-zoho-hosts to move them to the API domain)");
    }
    row(out, "api hosts", String.join(", ", s.apiHosts()));
    row(out, "secrets", s.secretsHeld().isEmpty() ? "none" : String.join(", ", s.secretsHeld()) + " (encrypted)");
    if (s.service().docs() != null) {
      row(out, "docs", s.service().docs());
    }
    if (s.problem() != null) {
      row(out, "problem", s.problem());
    }
    out.println();
    out.println("Use it in a script:");
    out.println();
    out.println("response = invokeurl");
    out.println("[");
    out.println("\turl: \"" + ConnectionTable.exampleUrl(s) + "\"");
    out.println("\ttype: GET");
    out.println("\tconnection: \"" + s.name() + "\"");
    out.println("];");
    out.println("info response;");
    return Main.OK;
  }

  private static void row(PrintStream out, String label, String value) {
    out.printf("%-12s %s%n", label + ":", value);
  }
}
