package dev.freshet.cli;

import dev.freshet.files.OwnerOnly;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.TerminalBuilder;

/**
 * Entries from a real terminal through JLine: line editing, history in a file, Tab completion, and a {@code ...>}
 * prompt while the parser says the entry is unfinished. Ctrl-C drops the entry being typed; Ctrl-D on an empty line
 * ends the input.
 */
final class ReplTerminal implements Repl.Source, AutoCloseable {
  static final String PROMPT = "freshet> ";
  static final String CONTINUATION = "    ...> ";

  private final org.jline.terminal.Terminal terminal;
  private LineReader reader;

  ReplTerminal() throws IOException {
    terminal = TerminalBuilder.builder().system(true).dumb(true).encoding(StandardCharsets.UTF_8).build();
  }

  /** True when standard input and output are both a terminal (Java 22+ has a console even when they are not). */
  static boolean available() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // before Java 22 a console exists only for a terminal
    }
  }

  PrintWriter writer() {
    return terminal.writer();
  }

  /** Starts reading; {@code history} may be null (no history file), {@code interrupt} runs on Ctrl-C while running. */
  void start(ReplCompletion completion, Path history, Runnable interrupt) {
    LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("freshet")
        .parser(new EntryParser())
        .completer((r, line, candidates) -> {
          for (ReplCompletion.Suggestion s : completion.complete(line.line(), line.cursor())) {
            candidates.add(new Candidate(s.value(), s.display(), null, null, null, null, s.complete()));
          }
        })
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
        .variable(LineReader.BLINK_MATCHING_PAREN, 0)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // "!" is Deluge's not, not a history event
        .option(LineReader.Option.CASE_INSENSITIVE, true);
    if (history != null) {
      builder.variable(LineReader.HISTORY_FILE, history);
    }
    reader = builder.build();
    terminal.handle(Signal.INT, s -> interrupt.run());
  }

  /**
   * {@code history} in the Freshet home, creating the folder 0700 and the file 0600 (entries may hold tokens; JLine
   * appends to the file as it is, and rewrites it through a 0600 temporary file); a history file an older Freshet left
   * readable by others is made 0600. Null (with a warning) when that cannot be done.
   */
  static Path historyFile(Path freshetHome, PrintWriter warnings) {
    Path file = freshetHome.resolve("history");
    try {
      OwnerOnly.createDirectories(freshetHome);
      OwnerOnly.createOrRestrict(file);
      return file;
    } catch (IOException e) {
      warnings.println("freshet: history is not kept: cannot keep " + file + " private (" + e.getMessage() + ")");
      return null;
    }
  }

  @Override
  public String next() {
    while (true) {
      try {
        return reader.readLine(PROMPT);
      } catch (UserInterruptException e) {
        // Ctrl-C: the entry being typed is dropped; ask again
      } catch (EndOfFileException e) {
        return null;
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.getHistory().save();
    }
    terminal.writer().flush();
    terminal.close();
  }

  /** Asks the REPL's rule whether the buffer is a whole entry; words for completion end at the cursor. */
  private static final class EntryParser implements Parser {
    @Override
    public CompletingParsedLine parse(String line, int cursor, ParseContext context) {
      if (context == ParseContext.ACCEPT_LINE && !ReplInput.ready(line)) {
        throw new EOFError(-1, cursor, "the entry is not finished");
      }
      return new Word(line, cursor);
    }
  }

  /** The word before the cursor, as written: names need no quoting or escaping. */
  private record Word(String line, int cursor) implements CompletingParsedLine {
    @Override
    public String word() {
      return line.substring(ReplCompletion.wordStart(line, cursor), cursor);
    }

    @Override
    public int wordCursor() {
      return cursor - ReplCompletion.wordStart(line, cursor);
    }

    @Override
    public int wordIndex() {
      return 0;
    }

    @Override
    public List<String> words() {
      return List.of(word());
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate;
    }

    @Override
    public int rawWordCursor() {
      return wordCursor();
    }

    @Override
    public int rawWordLength() {
      return word().length();
    }
  }
}
