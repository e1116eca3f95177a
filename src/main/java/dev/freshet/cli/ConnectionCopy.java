package dev.freshet.cli;

import dev.freshet.connections.ConnectionStore;
import dev.freshet.connections.ServiceCatalog;
import dev.freshet.connections.StoreCopy;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code freshet connections export --to WHERE} and {@code import --from WHERE}: moves connections between the folder
 * store and a PostgreSQL one (or two of either), secrets and all, never printing one.
 */
final class ConnectionCopy {
  private ConnectionCopy() {}

  /** Both directions: the other store, which owners, and whether to overwrite. */
  abstract static class Copy extends ConnectionsCommand.Sub {
    @Option(names = "--owner", paramLabel = "OWNER", description = "Also copy this owner's (tenant's) connections;"
        + " repeatable. The shared ones are always copied.")
    List<String> owners = new ArrayList<>();

    @Option(names = "--replace", description = "Overwrite connections and defaults the destination already has.")
    boolean replace;

    Copy(Terminal terminal) {
      super(terminal);
    }

    int copy(ConnectionStore from, ConnectionStore to) {
      StoreCopy.Report r = StoreCopy.copy(from, to, owners, replace);
      terminal.out().println("Copied " + r.copied().size() + " connection" + (r.copied().size() == 1 ? "" : "s")
          + (r.copied().isEmpty() ? "" : " (" + String.join(", ", r.copied()) + ")") + " and " + r.defaults()
          + " default" + (r.defaults() == 1 ? "" : "s") + " from " + from + " to " + to + ".");
      if (!r.skipped().isEmpty()) {
        terminal.out().println("Skipped " + String.join(", ", r.skipped()) + ": already there (--replace overwrites).");
      }
      return Main.OK;
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true, description = "Copy this store's connections (from"
      + " --store, $FRESHET_STORE or $FRESHET_HOME) to another store: a postgresql:// URL or a folder.")
  static final class Export extends Copy {
    @Option(names = "--to", paramLabel = "URL|FOLDER", required = true, description = "The destination store.")
    String to;

    Export(Terminal terminal) {
      super(terminal);
    }

    @Override
    int act() {
      ServiceCatalog services = ServiceCatalog.builtIn();
      return copy(Stores.current(terminal, store, services), Stores.named(terminal, to, services));
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true, description = "Copy the connections of another store"
      + " (a postgresql:// URL or a folder) into this one (--store, $FRESHET_STORE or $FRESHET_HOME).")
  static final class Import extends Copy {
    @Option(names = "--from", paramLabel = "URL|FOLDER", required = true, description = "The source store.")
    String from;

    Import(Terminal terminal) {
      super(terminal);
    }

    @Override
    int act() {
      ServiceCatalog services = ServiceCatalog.builtIn();
      return copy(Stores.named(terminal, from, services), Stores.current(terminal, store, services));
    }
  }
}
