package dev.freshet.cli;

import dev.freshet.connections.ConnectionRegistry;
import dev.freshet.connections.ConnectionSummary;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code freshet connections authorize}: runs the connection's OAuth flow once. Authorization code: prints the URL
 * (and opens a browser unless {@code --no-browser}), then waits for the redirect to a loopback listener on
 * 127.0.0.1. Device code: prints the code to type and the URL. Client credentials: fetches a token.
 */
@Command(name = "authorize", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Authorize a connection (sign in once); exit 0 when it is connected.")
final class ConnectionAuthorize extends ConnectionsCommand.Sub {
  @Parameters(paramLabel = "NAME", description = "The connection.")
  String name;

  @Option(names = "--device", description = "Use the device flow: enter a code on another device (RFC 8628).")
  boolean device;

  @Option(names = "--no-browser", description = "Only print the authorization URL; do not open a browser.")
  boolean noBrowser;

  @Option(names = "--port", paramLabel = "PORT", description = "Listen for the redirect on this port (for providers"
      + " such as Zoho that need the exact redirect URL registered: http://127.0.0.1:PORT/callback). Default: any"
      + " free port.")
  int port;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long to wait for the sign-in (default:"
      + " 300).")
  long timeoutSeconds = 300;

  ConnectionAuthorize(Terminal terminal) {
    super(terminal);
  }

  @Override
  int act() {
    ConnectionRegistry registry = registry();
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be between 1 and 65535");
    }
    ConnectionSummary s = registry.authorize(name, device, port, this::showUrl, this::showDevice,
        Duration.ofSeconds(timeoutSeconds));
    terminal.out().println("Connected \"" + name + "\" (" + s.service().name() + "): "
        + ConnectionTable.expiry(s) + ".");
    return Main.OK;
  }

  private void showUrl(String url) {
    terminal.out().println("Open this URL in a browser to authorize \"" + name + "\":");
    terminal.out().println();
    terminal.out().println("  " + url);
    terminal.out().println();
    terminal.out().println("Waiting for the provider to redirect back to this machine (Ctrl-C to stop) ...");
    terminal.out().flush();
    if (!noBrowser) {
      Browser.open(url);
    }
  }

  private void showDevice(ConnectionRegistry.DevicePrompt d) {
    terminal.out().println("To authorize \"" + name + "\", open " + d.verificationUri() + " on any device and enter"
        + " the code:");
    terminal.out().println();
    terminal.out().println("  " + d.userCode());
    terminal.out().println();
    if (d.verificationUriComplete() != null) {
      terminal.out().println("(or open " + d.verificationUriComplete() + ")");
    }
    terminal.out().println("The code expires at " + DateTimeFormatter.ISO_LOCAL_TIME.withZone(ZoneId.systemDefault())
        .format(d.expiresAt()).replaceFirst("\\..*", "") + ". Waiting ...");
    terminal.out().flush();
  }
}
