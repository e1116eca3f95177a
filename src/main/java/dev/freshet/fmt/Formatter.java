package dev.freshet.fmt;

import dev.freshet.parse.Parser;
import dev.freshet.parse.SyntaxError;
import dev.freshet.parse.gen.DelugeLexer;
import dev.freshet.parse.gen.DelugeParser;
import dev.freshet.source.DeepStack;
import dev.freshet.source.SourceFile;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Formats Deluge source in the layout of Zoho's editor (see docs/editors.md, "Formatter style"). Formatting twice
 * changes nothing, every comment is kept, and the tokens of the script are unchanged, so it means what it meant.
 * The line ending of the source's first line is used for every line; the result ends with a line break.
 */
public final class Formatter {
  private Formatter() {}

  /**
   * Formats a script; throws {@link FormatException} (with positioned diagnostics) when it does not parse, and
   * IllegalStateException if the formatter's own check finds it would change a token or comment (a bug).
   */
  public static String format(String source) {
    return format("<input>", source);
  }

  /** As {@link #format(String)}, naming the file in diagnostics. */
  public static String format(String name, String source) {
    SourceFile file = new SourceFile(name, source);
    try {
      Parser.parseScript(file);
    } catch (SyntaxError e) {
      throw new FormatException(e.diagnostics());
    }
    return DeepStack.call(() -> layout(source));
  }

  /** A byte-order mark the source starts with stays (the lexer skips it like a space). */
  private static final String BOM = "\uFEFF";

  private static String layout(String source) {
    CommonTokenStream tokens = tokens(source);
    DelugeParser.ScriptContext tree = tree(tokens);
    Layout layout = new Layout(new Trivia(source, tokens.getTokens()), lineEnding(source));
    String formatted = new Printer(layout).script(tree);
    Verify.sameScript(source, tokens.getTokens(), formatted, tokens(formatted).getTokens());
    return source.startsWith(BOM) && !formatted.isEmpty() ? BOM + formatted : formatted;
  }

  /** The parse tree, by the fast SLL prediction and by full LL only if that fails (as {@link Parser} does). */
  private static DelugeParser.ScriptContext tree(CommonTokenStream tokens) {
    DelugeParser parser = new DelugeParser(tokens);
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      return parser.script();
    } catch (ParseCancellationException e) {
      tokens.seek(0);
      parser.reset();
      parser.setErrorHandler(new DefaultErrorStrategy());
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      return parser.script();
    }
  }

  static CommonTokenStream tokens(String text) {
    DelugeLexer lexer = new DelugeLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    return tokens;
  }

  private static String lineEnding(String text) {
    int n = text.indexOf('\n');
    return n > 0 && text.charAt(n - 1) == '\r' ? "\r\n" : "\n";
  }
}
