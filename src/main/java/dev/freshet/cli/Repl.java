package dev.freshet.cli;

import dev.freshet.api.CompileException;
import dev.freshet.api.RunException;
import dev.freshet.api.Session;
import dev.freshet.runtime.Values;
import dev.freshet.source.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The REPL loop, independent of where lines come from: entries from a {@link Source}, values and {@code info} output
 * to {@code out}, errors to {@code err}. A failing entry is reported and the loop goes on.
 */
final class Repl {
  /** Where entries come from: a terminal with line editing, or piped lines. */
  interface Source {
    /** The next whole entry, or null at the end of input. */
    String next() throws IOException;
  }

  static final String ENTRY_NAME = "<input>";

  final Session session;
  final PrintWriter out;
  final PrintWriter err;
  final Path directory;
  final ReplConnections connections;
  private final ReplCommands commands;
  private int lastFailure = Main.OK;

  Repl(Session session, PrintWriter out, PrintWriter err, Path directory, ReplConnections connections) {
    this.session = session;
    this.out = out;
    this.err = err;
    this.directory = directory;
    this.connections = connections;
    this.commands = new ReplCommands(this);
  }

  /**
   * Runs entries until the input ends or {@code :quit}. Returns the exit code of the last entry that failed (65 when
   * it did not parse or check, 70 when it failed running), or 0.
   */
  int run(Source source) throws IOException {
    String entry;
    while ((entry = source.next()) != null) {
      if (!handle(entry)) {
        break;
      }
    }
    out.flush();
    return lastFailure;
  }

  /** Runs one entry or command; false after {@code :quit}. */
  boolean handle(String entry) {
    try {
      if (entry.isBlank()) {
        return true;
      }
      if (ReplInput.isCommand(entry)) {
        return commands.run(entry.strip());
      }
      evaluate(ENTRY_NAME, entry);
      return true;
    } catch (RuntimeException e) {
      out.flush();
      err.println("freshet: internal error: " + e);
      err.println("(this is a bug in Freshet; the session goes on)");
      return true;
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Runs code in the session and prints an expression's value; returns the functions it defined (null: it failed). */
  List<String> evaluate(String name, String text) {
    try {
      Session.Outcome outcome = session.eval(name, text);
      out.flush();
      for (Diagnostic w : outcome.warnings()) {
        err.print(w.render().replaceFirst(": error: ", ": warning: "));
      }
      if (outcome.isExpression()) {
        out.println(show(outcome.value()));
      }
      return outcome.functionsDefined();
    } catch (CompileException e) {
      out.flush();
      err.print(e.render());
      lastFailure = Main.COMPILE_ERROR;
    } catch (RunException e) {
      out.flush();
      err.print(e.render());
      lastFailure = Main.RUNTIME_ERROR;
    }
    return null;
  }

  /** A value as {@code info} prints it, except that NULL shows as {@code null}. */
  static String show(Object value) {
    return value == null ? "null" : Values.toText(value);
  }
}
