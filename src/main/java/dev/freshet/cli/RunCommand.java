package dev.freshet.cli;

import dev.freshet.api.CompileException;
import dev.freshet.api.Engine;
import dev.freshet.api.AuthorizationRequiredException;
import dev.freshet.api.RunException;
import dev.freshet.api.Script;
import dev.freshet.http.HttpOptions;
import dev.freshet.interp.Program;
import dev.freshet.runtime.Limits;
import dev.freshet.runtime.Values;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code freshet run}: run a script file, standard input, or text given with {@code -e}. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
    description = "Runs a Deluge script; info lines go to standard output, errors to standard error.")
final class RunCommand implements Callable<Integer> {
  private final Terminal terminal;

  RunCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Script to run, or - for standard input.")
  String file;

  @Option(names = "--store", paramLabel = "URL", description = Stores.STORE_HELP)
  String store;

  @Option(names = {"-e", "--execute"}, paramLabel = "SCRIPT", description = "Run this script text instead of a file.")
  String inline;

  @Option(names = "--arg", paramLabel = "NAME=VALUE", description = "Define a variable (or a --function argument)."
      + " VALUE is NUMBER, DECIMAL, BOOLEAN, a JSON map/list ({…} / […]) or else TEXT, by its form. Repeatable.")
  List<String> args = new ArrayList<>();

  @Option(names = "--function", paramLabel = "NAME", description = "Call this function of the file instead of"
      + " running its top-level statements; --arg values are its arguments by name.")
  String function;

  @Option(names = "--tz", paramLabel = "ZONE", description = "Time zone for now, today and dates (default: system).")
  String tz;

  @Option(names = "--seed", paramLabel = "N", description = "Seed for randomNumber, for repeatable runs.")
  Long seed;

  @Option(names = "--max-statements", paramLabel = "N", description = "Statement limit (default: 200000).")
  long maxStatements = Limits.DEFAULT.maxStatements();

  @Option(names = "--max-depth", paramLabel = "N", description = "Nested function call limit (default: 75).")
  int maxDepth = Limits.DEFAULT.maxDepth();

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Wall-time limit (default: 60).")
  long timeoutSeconds = Limits.DEFAULT.timeout().toSeconds();

  @Option(names = "--max-api-calls", paramLabel = "N", description = "Zoho API calls one run's zoho.* tasks may make"
      + " (default: 1000).")
  long maxApiCalls = Limits.DEFAULT.maxApiCalls();

  @Option(names = "--log-http", description = "Print each invokeurl request and response line (method, URL, status,"
      + " time) to standard error, with secrets masked.")
  boolean logHttp;

  @Option(names = "--http-timeout", paramLabel = "SECONDS", description = "Whole-request timeout of invokeurl"
      + " (default: 40).")
  long httpTimeout = HttpOptions.DEFAULT.requestTimeout().toSeconds();

  @Option(names = "--connect-timeout", paramLabel = "SECONDS", description = "Connect timeout of invokeurl"
      + " (default: 10).")
  long connectTimeout = HttpOptions.DEFAULT.connectTimeout().toSeconds();

  @Option(names = "--max-download", paramLabel = "BYTES", description = "Response body cap of invokeurl, e.g. 5MB,"
      + " 512KB or 1000 (default: 5MB).")
  String maxDownload = "5MB";

  @Option(names = "--max-redirects", paramLabel = "N", description = "Redirects invokeurl follows (default: 5).")
  int maxRedirects = HttpOptions.DEFAULT.maxRedirects();

  @Option(names = "--mail-outbox", paramLabel = "DIR", description = "Write each sendmail message as an .eml file"
      + " into DIR (default: ~/.freshet/outbox, unless FRESHET_SMTP_URL names an SMTP server to send through).")
  String mailOutbox;

  @Option(names = "--no-cache", description = "Parse the script even if this exact text was parsed before (parsed"
      + " scripts are kept in cache/parsed under $FRESHET_HOME, default ~/.freshet, unless FRESHET_CACHE=off).")
  boolean noCache;

  @Option(names = "--no-compile", description = "Run every function in the interpreter: never compile hot ones to"
      + " JVM bytecode.")
  boolean noCompile;

  @Option(names = "--debug", description = "Show Java stack traces of internal errors.")
  boolean debug;

  /**
   * The command for {@code run FILE} or {@code run --tz ZONE FILE} (either order), set as picocli would set it, or
   * null for any other command line, which picocli then parses: other options, {@code -}, {@code --}, {@code @files},
   * quoted or repeated arguments. Neither FILE nor ZONE may start with {@code -}, {@code @} or {@code "}.
   */
  static RunCommand direct(String[] args, Terminal terminal) {
    if (args.length < 2 || args.length > 5 || !args[0].equals("run")) {
      return null;
    }
    RunCommand command = new RunCommand(terminal);
    for (int i = 1; i < args.length; i++) {
      if (args[i].equals("--tz") && command.tz == null && i + 1 < args.length && plain(args[i + 1])) {
        command.tz = args[++i];
      } else if (args[i].equals("--no-compile") && !command.noCompile) {
        command.noCompile = true;
      } else if (command.file == null && plain(args[i])) {
        command.file = args[i];
      } else {
        return null;
      }
    }
    return command.file == null ? null : command;
  }

  /** Not an option, an end of options, an argument file or a quoted argument, to any picocli setting. */
  private static boolean plain(String arg) {
    return !arg.isEmpty() && "-@\"".indexOf(arg.charAt(0)) < 0;
  }

  static boolean debug(CommandLine.ParseResult parsed) {
    CommandLine.ParseResult sub = parsed.subcommand();
    return sub != null && sub.hasMatchedOption("--debug");
  }

  @Override
  public Integer call() throws IOException {
    if ((file == null) == (inline == null)) {
      return usage(file == null ? "give a script FILE, - for standard input, or -e 'script'"
          : "give either a FILE or -e, not both");
    }
    Map<String, String> rawArgs;
    ZoneId zone;
    Limits limits;
    HttpOptions http;
    try {
      rawArgs = rawArgs();
      zone = tz == null ? null : ZoneId.of(tz); // the system zone is looked up only if a script needs it
      limits = new Limits(maxStatements, maxDepth, Duration.ofSeconds(timeoutSeconds), maxApiCalls);
      http = new HttpOptions(Duration.ofSeconds(connectTimeout), Duration.ofSeconds(httpTimeout), bytes(maxDownload),
          maxRedirects, logHttp ? line -> terminal.err().println(line) : null);
    } catch (IllegalArgumentException | DateTimeException e) {
      return usage(e.getMessage());
    }
    String name;
    String text;
    try {
      name = inline != null ? "<script>" : file.equals("-") ? "<stdin>" : file;
      text = inline != null ? inline : file.equals("-") ? new String(terminal.in().readAllBytes(), StandardCharsets.UTF_8)
          : Files.readString(terminal.resolve(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return usage("no such file: " + file);
    } catch (IOException e) {
      return usage("cannot read " + file + ": " + e.getMessage());
    }
    PrintStream out = terminal.out();
    Engine.Builder builder = Engine.builder().limits(limits).http(http)
        .output(new Lines(out)).mail(MailOptions.sender(mailOutbox, terminal.env(), terminal))
        .notices(new Lines(terminal.err()))
        .connections(new java.util.function.Supplier<>() { // classes, not lambdas: see Main.main
          @Override
          public dev.freshet.connections.ConnectionRegistry get() {
            return ConnectionsCommand.registry(terminal, store);
          }
        });
    Path parsed = noCache ? null : terminal.parseCache();
    if (parsed != null) {
      builder.cacheParsedScripts(parsed);
    }
    if (seed != null) {
      builder.seed(seed);
    }
    if (noCompile) {
      builder.compile(false);
    }
    if (zone != null) {
      builder.zone(zone);
    }
    Engine engine = builder.build();
    try {
      return execute(engine, name, text, rawArgs, out);
    } finally {
      out.flush();
    }
  }

  private int execute(Engine engine, String name, String text, Map<String, String> rawArgs, PrintStream out)
      throws IOException {
    try {
      if (function != null) {
        Script script = engine.compile(name, text, new String[0]);
        return callFunction(script, function, rawArgs, out);
      }
      Map<String, Object> bindings;
      try {
        bindings = rawArgs.isEmpty() ? Map.of() : typed(rawArgs, key -> false);
      } catch (IllegalArgumentException e) {
        return usage(e.getMessage());
      }
      Script script = engine.compile(name, text, bindings.keySet().toArray(new String[0]));
      if (!script.hasTopLevelStatements() && !script.functionNames().isEmpty()) {
        if (script.functionNames().size() > 1) {
          return usage(name + " defines several functions and no top-level statements; choose one with --function"
              + " NAME (" + String.join(", ", script.functionNames()) + ")");
        }
        return callFunction(script, script.functionNames().get(0), rawArgs, out);
      }
      script.run(bindings);
      return Main.OK;
    } catch (CompileException e) {
      out.flush();
      terminal.err().print(e.render());
      return Main.COMPILE_ERROR;
    } catch (RunException e) {
      out.flush();
      terminal.err().print(e.render());
      return e instanceof AuthorizationRequiredException ? Main.NEEDS_AUTHORIZATION : Main.RUNTIME_ERROR;
    }
  }

  /** Calls one function; a non-void function's result is printed as a last line, as Zoho's console shows it. */
  private int callFunction(Script script, String name, Map<String, String> rawArgs, PrintStream out) throws IOException {
    Program.FunctionInfo f = script.findFunction(name).orElse(null);
    if (f == null) {
      return usage("no function named " + name + " in " + script.name()
          + (script.functionNames().isEmpty() ? "" : " (it has: " + String.join(", ", script.functionNames()) + ")"));
    }
    for (String given : rawArgs.keySet()) {
      if (!f.parameterNames().contains(given)) {
        return usage(f.name() + " has no parameter named " + given + " (parameters: "
            + String.join(", ", f.parameterNames()) + ")");
      }
    }
    Map<String, Object> arguments;
    try {
      arguments = typed(rawArgs, f::isTextParameter); // a string parameter takes the text as written
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    }
    Object value = script.call(f.name(), arguments).value();
    if (!f.isVoid() && value != null) {
      write(out, Values.toText(value));
    }
    return Main.OK;
  }

  /** {@code 5MB}, {@code 512KB}, {@code 1000}. */
  static long bytes(String text) {
    String t = text.trim().toUpperCase(java.util.Locale.ROOT);
    long unit = t.endsWith("MB") ? 1024L * 1024 : t.endsWith("KB") ? 1024L : 1L;
    String digits = unit == 1 ? (t.endsWith("B") ? t.substring(0, t.length() - 1) : t) : t.substring(0, t.length() - 2);
    try {
      return Math.multiplyExact(Long.parseLong(digits.trim()), unit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException("--max-download needs a size like 5MB, 512KB or 1000, got '" + text + "'");
    }
  }

  /** {@code --arg} values by name, as written. */
  private Map<String, String> rawArgs() {
    Map<String, String> values = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--arg needs NAME=VALUE, got '" + a + "'");
      }
      String key = a.substring(0, eq).trim();
      if (!key.matches("[A-Za-z_][A-Za-z_0-9]*")) {
        throw new IllegalArgumentException("--arg name '" + key + "' is not a valid variable name");
      }
      values.put(key, a.substring(eq + 1));
    }
    return values;
  }

  /** Values typed by their form, except those {@code asText} keeps as written. */
  private static Map<String, Object> typed(Map<String, String> raw, java.util.function.Predicate<String> asText) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : raw.entrySet()) {
      try {
        values.put(e.getKey(), asText.test(e.getKey()) ? e.getValue() : ArgValues.parse(e.getValue()));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException("--arg " + e.getKey() + ": " + ex.getMessage());
      }
    }
    return values;
  }

  private static void write(PrintStream out, String line) {
    out.print(line);
    out.print('\n');
  }

  /** Each {@code info} line onto standard output. */
  private static final class Lines implements java.util.function.Consumer<String> {
    private final PrintStream out;

    Lines(PrintStream out) {
      this.out = out;
    }

    @Override
    public void accept(String line) {
      write(out, line);
    }
  }

  private int usage(String message) {
    terminal.err().println("freshet run: " + message);
    terminal.err().println("Try 'freshet run --help' for more information.");
    return Main.USAGE;
  }
}
