package dev.freshet.cli;

import dev.freshet.api.Engine;
import dev.freshet.api.Session;
import dev.freshet.builtins.BuiltinRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code freshet repl}: type Deluge and see what it does, with variables and functions kept between entries. */
@Command(name = "repl", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
    description = {"Reads Deluge entries and runs them one by one; variables and functions stay defined.",
        "On a terminal it has line editing, history ($FRESHET_HOME/history, default ~/.freshet) and Tab completion;"
            + " with piped input it reads entries without prompts, and exits 65 or 70 if an entry failed."
            + " Type :help inside."})
final class ReplCommand implements Callable<Integer> {
  private final Terminal terminal;

  ReplCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Option(names = "--store", paramLabel = "URL", description = Stores.STORE_HELP)
  String store;

  @Option(names = "--tz", paramLabel = "ZONE", description = "Time zone for now, today and dates (default: system).")
  String tz;

  @Option(names = "--seed", paramLabel = "N", description = "Seed for randomNumber, for repeatable sessions.")
  Long seed;

  @Option(names = "--mail-outbox", paramLabel = "DIR", description = "Write sendmail messages as .eml files here"
      + " (default: FRESHET_SMTP_URL if set, else ~/.freshet/outbox).")
  String mailOutbox;

  @Option(names = "--no-compile", description = "Run every function in the interpreter: never compile hot ones to"
      + " JVM bytecode.")
  boolean noCompile;

  @Option(names = "--plain", description = "Read plain lines without prompts or editing, even on a terminal.")
  boolean plain;

  /** Opened when first needed (a connection is used, listed or completed); one per REPL. */
  private final java.util.function.Supplier<dev.freshet.connections.ConnectionRegistry> registry =
      new java.util.function.Supplier<>() {
        private dev.freshet.connections.ConnectionRegistry made;

        @Override
        public synchronized dev.freshet.connections.ConnectionRegistry get() {
          if (made == null) {
            made = ConnectionsCommand.registry(terminal, store);
          }
          return made;
        }
      };

  @Override
  public Integer call() throws IOException {
    ZoneId zone;
    try {
      zone = tz == null ? ZoneId.systemDefault() : ZoneId.of(tz);
    } catch (DateTimeException e) {
      terminal.err().println("freshet repl: " + e.getMessage());
      terminal.err().println("Try 'freshet repl --help' for more information.");
      return Main.USAGE;
    }
    if (!plain && terminal.in() == System.in && ReplTerminal.available()) {
      return interactive(zone);
    }
    PrintWriter out = new PrintWriter(terminal.out(), true); // each line before a sendmail note on standard error
    PrintWriter err = new PrintWriter(terminal.err(), true);
    Session session = new Session(engine(zone, out::println));
    Repl repl = new Repl(session, out, err, terminal.directory(), connections());
    BufferedReader in = new BufferedReader(new InputStreamReader(terminal.in(), StandardCharsets.UTF_8));
    return repl.run(new ReplInput.Lines(in));
  }

  private int interactive(ZoneId zone) throws IOException {
    try (ReplTerminal console = new ReplTerminal()) {
      PrintWriter w = console.writer();
      Session session = new Session(engine(zone, w::println));
      Repl repl = new Repl(session, w, w, terminal.directory(), connections());
      Path history = ReplTerminal.historyFile(terminal.home(), w);
      console.start(new ReplCompletion(session, connections(), BuiltinRegistry.standard()), history,
          session::cancel);
      w.println(new Main.Version().getVersion()[0] + ": Deluge, one entry at a time. :help for help, Ctrl-D to quit.");
      w.flush();
      repl.run(console);
      return Main.OK;
    }
  }

  private ReplConnections connections() {
    return ReplConnections.of(registry);
  }

  private Engine engine(ZoneId zone, Consumer<String> output) {
    Engine.Builder builder = Engine.builder().zone(zone).output(output)
        .mail(MailOptions.sender(mailOutbox, terminal.env(), terminal)).connections(registry).compile(!noCompile);
    if (seed != null) {
      builder.seed(seed);
    }
    return builder.build();
  }
}
