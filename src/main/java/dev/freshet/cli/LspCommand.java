package dev.freshet.cli;

import dev.freshet.connections.ConnectionRegistry;
import dev.freshet.lsp.DelugeLanguageServer;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code freshet lsp}: the language server, over standard input and output (docs/editors.md). */
@Command(name = "lsp", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Runs the Deluge language server (Language Server Protocol 3.17) over standard input and output,"
        + " for editors: diagnostics, completion, hover, signature help, definitions, references and symbols.",
        "An editor starts it; see docs/editors.md."})
final class LspCommand implements Callable<Integer> {
  private final Terminal terminal;

  LspCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Option(names = "--store", paramLabel = "URL", description = Stores.STORE_HELP)
  String store;

  /** Opened on first completion inside {@code connection:}; a store that cannot be opened offers no names. */
  private final Supplier<ConnectionRegistry> registry = new Supplier<>() {
    private ConnectionRegistry made;

    @Override
    public synchronized ConnectionRegistry get() {
      if (made == null) {
        made = ConnectionsCommand.registry(terminal, store);
      }
      return made;
    }
  };

  @Override
  public Integer call() {
    // Standard output carries the protocol alone: anything else printed to System.out would corrupt it
    PrintStream stray = System.out;
    System.setOut(terminal.err());
    try {
      return DelugeLanguageServer.serve(terminal.in(), terminal.out(), terminal.err(),
          ReplConnections.of(registry)::names);
    } finally {
      System.setOut(stray);
    }
  }
}
