package dev.freshet.cli;

import dev.freshet.api.Session;
import java.io.BufferedReader;
import java.io.IOException;

/**
 * Splits REPL input into entries, the same way for a terminal and for piped input: the parser decides whether the
 * text so far is a whole entry ({@link Session#completeness}); a {@code :command} is one line.
 */
final class ReplInput {
  private ReplInput() {}

  /**
   * True when {@code text} should run now. An entry of several lines that ends with an {@code if} block waits for one
   * more line, because Deluge's {@code else} may start on the next line; an empty line runs it.
   */
  static boolean ready(String text) {
    if (text.isBlank() || isCommand(text)) {
      return true;
    }
    return switch (Session.completeness(text)) {
      case COMPLETE -> true;
      case INCOMPLETE -> false;
      case OPEN_IF -> text.indexOf('\n') < 0 || text.substring(text.lastIndexOf('\n') + 1).isBlank();
    };
  }

  static boolean isCommand(String text) {
    return text.strip().startsWith(":");
  }

  /** Entries read line by line from piped input: no prompts, no editing. */
  static final class Lines implements Repl.Source {
    private final BufferedReader in;
    private String pending;

    Lines(BufferedReader in) {
      this.in = in;
    }

    @Override
    public String next() throws IOException {
      StringBuilder buffer = null;
      while (true) {
        String line = pending != null ? pending : in.readLine();
        pending = null;
        if (line == null) {
          return buffer == null ? null : buffer.toString();
        }
        if (buffer == null) {
          if (line.isBlank()) {
            continue;
          }
          if (isCommand(line)) {
            return line;
          }
          buffer = new StringBuilder(line);
        } else if (isCommand(line) && Session.completeness(buffer.toString()) != Session.Completeness.INCOMPLETE) {
          pending = line; // a command ends an if block that was waiting for an else
          return buffer.toString();
        } else {
          buffer.append('\n').append(line);
        }
        if (ready(buffer.toString())) {
          return buffer.toString();
        }
      }
    }
  }
}
