package dev.freshet.cli;

import dev.freshet.connections.ConnectionException;
import dev.freshet.connections.ConnectionRegistry;
import dev.freshet.connections.ConnectionSummary;
import dev.freshet.connections.ServiceCatalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code freshet connections …}: define, authorize and inspect the connections scripts name in {@code invokeurl}.
 * Secrets come from environment variables or a prompt that does not echo, never from the command line.
 */
@Command(name = "connections", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Manage the connections invokeurl uses (stored in $FRESHET_HOME, default ~/.freshet, or the"
        + " PostgreSQL database $FRESHET_STORE or --store names).",
    subcommands = {ConnectionsCommand.Services.class, ConnectionAdd.class, ConnectionAuthorize.class,
        ConnectionsCommand.ListAll.class, ConnectionShow.class, ConnectionsCommand.Refresh.class,
        ConnectionsCommand.Revoke.class, ConnectionsCommand.Remove.class, ConnectionDefault.class,
        ConnectionCopy.Export.class, ConnectionCopy.Import.class},
    footer = {"", "Exit codes: 0 ok, 64 bad usage or unknown connection, 70 provider or store failure,"
        + " 75 the connection needs authorization."})
final class ConnectionsCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return Main.OK;
  }

  /**
   * The registry over the store {@code --store} names ({@code store}, may be null), else {@code $FRESHET_STORE}, else
   * {@code $FRESHET_HOME}, with the vault key from this terminal's environment.
   */
  static ConnectionRegistry registry(Terminal terminal) {
    return registry(terminal, null);
  }

  static ConnectionRegistry registry(Terminal terminal, String store) {
    ServiceCatalog services = ServiceCatalog.builtIn();
    return ConnectionRegistry.builder().services(services).store(Stores.current(terminal, store, services)).build();
  }

  /** Runs a connection action, turning its failure into a message and an exit code. */
  static int run(Terminal terminal, Callable<Integer> action) {
    try {
      return action.call();
    } catch (ConnectionException e) {
      terminal.out().flush();
      terminal.err().println("freshet: " + e.getMessage());
      return switch (e.kind()) {
        case UNKNOWN, INVALID -> Main.USAGE;
        case NEEDS_AUTHORIZATION -> Main.NEEDS_AUTHORIZATION;
        default -> Main.RUNTIME_ERROR;
      };
    } catch (IllegalArgumentException e) {
      terminal.err().println("freshet: " + e.getMessage());
      return Main.USAGE;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      terminal.err().println("freshet: " + e.getMessage());
      return Main.RUNTIME_ERROR;
    }
  }

  /** Base of the subcommands: the terminal they print to. */
  abstract static class Sub implements Callable<Integer> {
    final Terminal terminal;

    @picocli.CommandLine.Option(names = "--store", paramLabel = "URL", description = Stores.STORE_HELP)
    String store;

    Sub(Terminal terminal) {
      this.terminal = terminal;
    }

    @Override
    public final Integer call() {
      return run(terminal, this::act);
    }

    abstract int act() throws Exception;

    ConnectionRegistry registry() {
      return ConnectionsCommand.registry(terminal, store);
    }
  }

  @Command(name = "services", mixinStandardHelpOptions = true, description = "List the built-in services.")
  static final class Services extends Sub {
    Services(Terminal terminal) {
      super(terminal);
    }

    @Override
    int act() {
      ConnectionTable.services(terminal.out(), ServiceCatalog.builtIn().all());
      return Main.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List connections: name, service, auth type, status, expiry (never a secret).")
  static final class ListAll extends Sub {
    ListAll(Terminal terminal) {
      super(terminal);
    }

    @Override
    int act() {
      java.util.List<ConnectionSummary> all = registry().list();
      if (all.isEmpty()) {
        terminal.out().println("No connections yet. Add one with: freshet connections add NAME --service SERVICE");
      } else {
        ConnectionTable.connections(terminal.out(), all);
      }
      return Main.OK;
    }
  }

  @Command(name = "refresh", mixinStandardHelpOptions = true, description = "Refresh a connection's token now.")
  static final class Refresh extends Sub {
    @picocli.CommandLine.Parameters(paramLabel = "NAME", description = "The connection.")
    String name;

    Refresh(Terminal terminal) {
      super(terminal);
    }

    @Override
    int act() {
      ConnectionSummary s = registry().refresh(name);
      terminal.out().println("Refreshed \"" + name + "\": " + ConnectionTable.expiry(s));
      return Main.OK;
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true,
      description = "Revoke a connection's tokens at the provider and forget them; the definition stays.")
  static final class Revoke extends Sub {
    @picocli.CommandLine.Parameters(paramLabel = "NAME", description = "The connection.")
    String name;

    Revoke(Terminal terminal) {
      super(terminal);
    }

    @Override
    int act() {
      registry().revoke(name);
      terminal.out().println("Revoked \"" + name + "\". Authorize it again with: freshet connections authorize "
          + name);
      return Main.OK;
    }
  }

  @Command(name = "remove", mixinStandardHelpOptions = true,
      description = "Revoke (when the provider can be reached) and delete a connection.")
  static final class Remove extends Sub {
    @picocli.CommandLine.Parameters(paramLabel = "NAME", description = "The connection.")
    String name;

    Remove(Terminal terminal) {
      super(terminal);
    }

    @Override
    int act() {
      if (!registry().remove(name)) {
        throw new ConnectionException(ConnectionException.Kind.UNKNOWN, "no connection named \"" + name + "\"");
      }
      terminal.out().println("Removed \"" + name + "\".");
      return Main.OK;
    }
  }
}
