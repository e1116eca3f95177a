package dev.freshet.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code freshet}: run and check Deluge scripts from a terminal. */
@Command(name = "freshet", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Runs and checks Deluge scripts outside Zoho.",
    subcommands = {RunCommand.class, CheckCommand.class, ReplCommand.class, BuiltinsCommand.class,
        ConnectionsCommand.class, TestCommand.class, CassettesCommand.class, LspCommand.class, FmtCommand.class,
        CommandLine.HelpCommand.class},
    footer = {"", "Exit codes:", "  0  ok", "  64 bad usage", "  65 the script does not parse or check",
        "  70 runtime error", "  75 a connection needs authorization"})
public final class Main implements java.util.concurrent.Callable<Integer> {
  static final int OK = 0;
  static final int USAGE = 64;
  static final int COMPILE_ERROR = 65;
  static final int RUNTIME_ERROR = 70;
  static final int NEEDS_AUTHORIZATION = 75;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final Terminal terminal;

  private Main(Terminal terminal) {
    this.terminal = terminal;
  }

  public static void main(String[] args) {
    PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
        false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    int[] code = {RUNTIME_ERROR};
    // a big stack, so that deeply nested scripts run instead of overflowing. Not a lambda, here and on the rest of
    // the way through `run`: the first lambda of a process costs a cold start ~10 ms of method-handle set-up.
    Thread main = new Thread(null, new Runnable() {
      @Override
      public void run() {
        code[0] = execute(args, new Terminal(Path.of(""), System.in, out, err));
      }
    }, "freshet", 512L * 1024 * 1024);
    main.start();
    try {
      main.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    out.flush();
    System.exit(code[0]);
  }

  /** Runs the command line against the given streams and working directory; returns the exit code. */
  public static int execute(String[] args, Terminal terminal) {
    RunCommand direct = RunCommand.direct(args, terminal);
    return direct != null ? callDirectly(direct, terminal) : parseAndExecute(args, terminal);
  }

  /**
   * {@code freshet run [--tz ZONE] [--no-compile] FILE}, the common case, without picocli: building its command model takes longer
   * than running a small script, and its classes (compiled for Java 5) cannot go into the class-data archive of
   * {@code target/freshet}. {@link RunCommand#direct} accepts only command lines that picocli would parse to the same
   * fields; the result, output and exit code are the same either way (CliFastPathTest).
   */
  static int callDirectly(RunCommand command, Terminal terminal) {
    try {
      return command.call();
    } catch (Exception e) { // as picocli's execution exception handler below, without --debug
      return internalError(terminal, e, false);
    }
  }

  /** Parses the command line with picocli and runs the chosen command. */
  static int parseAndExecute(String[] args, Terminal terminal) {
    CommandLine cli = new CommandLine(new Main(terminal), new Factory(terminal));
    cli.setOut(new java.io.PrintWriter(terminal.out(), true));
    cli.setErr(new java.io.PrintWriter(terminal.err(), true));
    cli.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("freshet: " + ex.getMessage());
      ex.getCommandLine().getErr().println("Try 'freshet " + (ex.getCommandLine() == cli ? ""
          : ex.getCommandLine().getCommandName() + " ") + "--help' for more information.");
      return USAGE;
    });
    cli.setExecutionExceptionHandler((ex, c, parsed) -> internalError(terminal, ex, RunCommand.debug(parsed)));
    return cli.execute(args);
  }

  private static int internalError(Terminal terminal, Exception ex, boolean debug) {
    terminal.out().flush();
    terminal.err().println("freshet: internal error: " + ex);
    if (debug) {
      ex.printStackTrace(terminal.err());
    } else {
      terminal.err().println("(this is a bug in Freshet; run again with --debug to see the Java stack trace)");
    }
    return RUNTIME_ERROR;
  }

  /** With no command: the REPL on a terminal, else the usage (so a pipe or script never waits for input). */
  @Override
  public Integer call() throws Exception {
    if (terminal.in() == System.in && ReplTerminal.available()) {
      return new ReplCommand(terminal).call();
    }
    spec.commandLine().usage(spec.commandLine().getOut());
    return OK;
  }

  /** Gives every command the terminal it works against. */
  private record Factory(Terminal terminal) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        java.lang.reflect.Constructor<K> withTerminal = cls.getDeclaredConstructor(Terminal.class);
        return withTerminal.newInstance(terminal);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"freshet " + (v == null ? "(development build)" : v),
          "Java " + System.getProperty("java.version")};
    }
  }
}
