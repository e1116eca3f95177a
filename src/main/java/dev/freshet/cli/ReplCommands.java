package dev.freshet.cli;

import dev.freshet.builtins.BuiltinDocs;
import dev.freshet.builtins.BuiltinRegistry;
import dev.freshet.runtime.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The REPL's {@code :commands}. */
final class ReplCommands {
  /** The command names, for completion. */
  static final List<String> NAMES = List.of("help", "vars", "functions", "load", "reset", "builtins", "connections",
      "quit");

  static final String HELP = """
      Type Deluge statements, function definitions, or an expression to see its value.
      An unfinished entry (an open block, map, invokeurl task, text or comment) continues on the next line;
      an entry of several lines that ends with an if block waits for an else, or an empty line.
      Variables and functions stay defined from one entry to the next.

      Commands:
        :help              this help
        :vars              the variables: name = value (TYPE)
        :functions         the functions defined so far
        :load FILE         run a .dg file in this session; its functions and variables stay defined
        :reset             forget every variable and function
        :builtins [NAME]   list the built-in functions, or describe one
        :connections       the connections invokeurl can use
        :quit              leave (also :exit, or Ctrl-D)

      Keys: Tab completes names, Up/Down recall earlier entries (kept in $FRESHET_HOME/history),
      Ctrl-C abandons the entry being typed or stops the one running, Ctrl-D on an empty line quits.
      """;

  /** Longer values are cut in {@code :vars}; typing the name shows the whole value. */
  static final int VALUE_WIDTH = 100;

  private final Repl repl;
  private BuiltinRegistry registry;

  ReplCommands(Repl repl) {
    this.repl = repl;
  }

  /** Runs {@code line} (starting with {@code :}); false for {@code :quit}. */
  boolean run(String line) {
    int space = line.indexOf(' ');
    String name = (space < 0 ? line.substring(1) : line.substring(1, space)).toLowerCase(Locale.ROOT);
    String arg = space < 0 ? "" : line.substring(space + 1).strip();
    switch (name) {
      case "help", "h", "?" -> repl.out.print(HELP);
      case "vars" -> vars();
      case "functions" -> functions();
      case "load" -> load(arg);
      case "reset" -> {
        repl.session.reset();
        repl.out.println("The session is empty: every variable and function is forgotten.");
      }
      case "builtins" -> builtins(arg);
      case "connections" -> connections();
      case "quit", "exit", "q" -> {
        return false;
      }
      default -> repl.err.println("unknown command ':" + name + "'; :help lists the commands");
    }
    return true;
  }

  private void vars() {
    Map<String, Object> vars = repl.session.variables();
    if (vars.isEmpty()) {
      repl.out.println("No variables yet.");
    }
    for (Map.Entry<String, Object> v : vars.entrySet()) {
      repl.out.println(v.getKey() + " = " + shorten(Repl.show(v.getValue())) + " (" + Values.typeOf(v.getValue())
          + ")");
    }
  }

  static String shorten(String text) {
    int newline = text.indexOf('\n');
    if (newline < 0 && text.length() <= VALUE_WIDTH) {
      return text;
    }
    int end = Math.min(VALUE_WIDTH, newline < 0 ? text.length() : newline);
    return text.substring(0, end) + "…";
  }

  private void functions() {
    List<String> fs = repl.session.functionSignatures();
    if (fs.isEmpty()) {
      repl.out.println("No functions defined yet.");
    }
    fs.forEach(repl.out::println);
  }

  private void load(String file) {
    if (file.isEmpty()) {
      repl.err.println(":load needs a file name, e.g. :load samples/hello.dg");
      return;
    }
    String text;
    try {
      text = Files.readString(repl.directory.resolve(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      repl.err.println(":load: no such file: " + file);
      return;
    } catch (IOException e) {
      repl.err.println(":load: cannot read " + file + ": " + e.getMessage());
      return;
    }
    List<String> defined = repl.evaluate(file, text);
    if (defined != null) {
      String functions = defined.isEmpty() ? "" : "; functions: " + String.join(", ", defined);
      repl.out.println("Loaded " + file + functions + ".");
    }
  }

  private void builtins(String name) {
    if (registry == null) {
      registry = BuiltinRegistry.standard();
    }
    if (name.isEmpty()) {
      repl.out.print(BuiltinDocs.list(registry).replace("'freshet builtins NAME'", "':builtins NAME'"));
      return;
    }
    String page = BuiltinDocs.page(registry, name);
    if (page == null) {
      String suggestion = BuiltinDocs.suggest(registry, name);
      repl.err.println("no built-in function or system value named '" + name + "'"
          + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
      return;
    }
    repl.out.print(page);
  }

  private void connections() {
    if (!repl.connections.configured()) {
      repl.out.println("No connection registry is configured yet, so there are no connections to list or complete.");
      return;
    }
    List<String> lines = repl.connections.described();
    if (lines.isEmpty()) {
      repl.out.println("No connections defined. Add one with: freshet connections add NAME --service SERVICE");
    }
    lines.forEach(repl.out::println);
  }
}
