package dev.freshet.parse;

import dev.freshet.ast.Expr;
import dev.freshet.ast.Script;
import dev.freshet.parse.gen.DelugeLexer;
import dev.freshet.parse.gen.DelugeParser;
import dev.freshet.source.Diagnostic;
import dev.freshet.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import dev.freshet.source.Span;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The one front door to parsing. Tries the fast SLL prediction first and re-parses with full LL only when SLL fails,
 * so that error messages come from the precise mode.
 */
public final class Parser {
  private Parser() {}

  /** Parses a whole file. Throws {@link SyntaxError} listing every problem found. */
  public static Script parseScript(SourceFile source) {
    return parseScript(source, null);
  }

  /** Parses a whole file and adds its warnings ({@code if (a = b)}) to {@code warnings} when that is not null. */
  public static Script parseScript(SourceFile source, List<Diagnostic> warnings) {
    try { // the lambda only after an overflow: a process's first lambda costs a cold start (see cli.Main)
      return parseScriptHere(source, warnings);
    } catch (StackOverflowError e) {
      return deep(source, () -> parseScriptHere(source, warnings));
    }
  }

  /**
   * Deep nesting that overflowed the caller's stack is parsed again on a big one; beyond even that it is a syntax
   * error, never a crash.
   */
  private static <T> T deep(SourceFile source, java.util.function.Supplier<T> work) {
    try {
      return dev.freshet.source.DeepStack.onBigStack(work);
    } catch (StackOverflowError e) {
      throw new SyntaxError(List.of(new Diagnostic(Diagnostic.Kind.ERROR,
          "the script is nested too deeply to parse", source, new Span(1, 1, 0, 0))));
    }
  }

  private static Script parseScriptHere(SourceFile source, List<Diagnostic> warnings) {
    var holder = new AstBuilder(source);
    DelugeParser.ScriptContext tree = (DelugeParser.ScriptContext) parse(source, Rule.SCRIPT);
    Script script = holder.script(tree);
    fail(holder.errors);
    if (warnings != null) {
      warnings.addAll(holder.warnings);
    }
    return script;
  }

  /** Parses REPL input: statements and functions, optionally ending in a bare expression whose value is shown. */
  public static ReplInput parseReplInput(SourceFile source) {
    try {
      return parseReplInputHere(source);
    } catch (StackOverflowError e) {
      return deep(source, () -> parseReplInputHere(source));
    }
  }

  private static ReplInput parseReplInputHere(SourceFile source) {
    var holder = new AstBuilder(source);
    DelugeParser.ReplInputContext tree = (DelugeParser.ReplInputContext) parse(source, Rule.REPL_INPUT);
    Script script = holder.build(tree.children);
    Expr trailing = tree.expression() == null ? null : holder.expression(tree.expression());
    fail(holder.errors);
    return new ReplInput(script, trailing);
  }

  /** A REPL entry: its statements and functions, and a final expression to print, or null. */
  public record ReplInput(Script script, Expr expression) {}

  /** Parses a single expression. */
  public static Expr parseExpression(SourceFile source) {
    try {
      return parseExpressionHere(source);
    } catch (StackOverflowError e) {
      return deep(source, () -> parseExpressionHere(source));
    }
  }

  private static Expr parseExpressionHere(SourceFile source) {
    var holder = new AstBuilder(source);
    DelugeParser.ExpressionOnlyContext tree = (DelugeParser.ExpressionOnlyContext) parse(source, Rule.EXPRESSION_ONLY);
    Expr expr = holder.expression(tree.expression());
    fail(holder.errors);
    return expr;
  }

  /** True when the text is a complete script, false when it merely stops early (the REPL then reads more). */
  public static boolean isComplete(String text) {
    try {
      parseReplInput(new SourceFile("<input>", text));
      return true;
    } catch (SyntaxError e) {
      return !e.incomplete();
    }
  }

  private static final int MAX_ERRORS = 10;

  /** The rule a parse starts from; not a method reference, for the same reason as in {@link #parseScript}. */
  private enum Rule {
    SCRIPT, REPL_INPUT, EXPRESSION_ONLY;

    ParserRuleContext apply(DelugeParser parser) {
      return this == SCRIPT ? parser.script() : this == REPL_INPUT ? parser.replInput() : parser.expressionOnly();
    }
  }

  private static ParserRuleContext parse(SourceFile source, Rule entry) {
    DelugeParser parser = parser(source.text(), source.name());
    checkNesting(source, parser);
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      return entry.apply(parser);
    } catch (ParseCancellationException e) {
      throw new SyntaxError(errors(source, entry));
    }
  }

  /**
   * Every syntax error worth reporting. Each comes from a fresh LL parse of the text with the lines of the errors
   * found so far blanked out, so its position is exact; errors right after another one, or at a closing brace or the
   * end, are dropped as echoes.
   */
  private static List<Diagnostic> errors(SourceFile source, Rule entry) {
    List<Diagnostic> found = new ArrayList<>();
    String text = source.text();
    int lastLine = 0;
    for (int round = 0; round < MAX_ERRORS; round++) {
      ErrorListener listener = new ErrorListener(source);
      DelugeParser parser = parser(text, source.name());
      parser.addErrorListener(listener);
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      entry.apply(parser);
      Diagnostic error = listener.first;
      if (error == null || (!found.isEmpty() && error.line() <= lastLine)) {
        break;
      }
      if (found.isEmpty() || (error.line() > lastLine + 1 && !listener.firstIsEcho)) {
        found.add(error);
      }
      if (listener.firstIsFinal) {
        break;
      }
      lastLine = error.line();
      text = blankStatement(text, listener.statementStart, listener.tokenIndex);
    }
    if (found.isEmpty()) {
      found.add(new Diagnostic(Diagnostic.Kind.ERROR, "the script could not be parsed", source, new Span(1, 1, 0, 0)));
    }
    return found;
  }

  /**
   * The text with the failing statement turned into spaces (offsets and line numbers stay the same): from where it
   * starts to its {@code ;}, or to the {@code }} that closes a block opened after the error (and any block or
   * {@code else} that follows it directly).
   */
  private static String blankStatement(String text, int start, int errorToken) {
    DelugeLexer lexer = new DelugeLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    List<? extends Token> tokens = lexer.getAllTokens();
    int end = text.length();
    int depth = 0;
    for (int i = Math.min(errorToken, tokens.size()); i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.getType() == DelugeLexer.LBRACE) {
        depth++;
      } else if (t.getType() == DelugeLexer.RBRACE) {
        depth--;
        boolean continues = i + 1 < tokens.size() && (tokens.get(i + 1).getType() == DelugeLexer.LBRACE
            || tokens.get(i + 1).getType() == DelugeLexer.ELSE);
        if (depth <= 0 && !continues) {
          end = t.getStopIndex() + 1;
          break;
        }
      } else if (t.getType() == DelugeLexer.SEMI && depth <= 0) {
        end = t.getStopIndex() + 1;
        break;
      }
    }
    StringBuilder out = new StringBuilder(text);
    for (int i = Math.max(0, start); i < end && i < out.length(); i++) {
      char c = out.charAt(i);
      if (c != '\n' && c != '\r') {
        out.setCharAt(i, ' ');
      }
    }
    return out.toString();
  }

  /** Deeper nesting than any real script has; beyond it parsing would only burn time and stack. */
  static final int MAX_NESTING = 1000;

  private static DelugeParser parser(String text, String name) {
    DelugeLexer lexer = new DelugeLexer(CharStreams.fromString(text, name));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    DelugeParser parser = new DelugeParser(tokens);
    parser.removeErrorListeners();
    return parser;
  }

  /** Rejects absurd nesting (brackets, or runs of unary operators) before the parser recurses into it. */
  private static void checkNesting(SourceFile source, DelugeParser parser) {
    int depth = 0;
    int unary = 0;
    for (Token t : ((CommonTokenStream) parser.getTokenStream()).getTokens()) {
      int type = t.getType();
      if (type == DelugeLexer.LPAREN || type == DelugeLexer.LBRACE || type == DelugeLexer.LBRACKET) {
        depth++;
      } else if (type == DelugeLexer.RPAREN || type == DelugeLexer.RBRACE || type == DelugeLexer.RBRACKET) {
        depth--;
      }
      unary = type == DelugeLexer.MINUS || type == DelugeLexer.NOT || type == DelugeLexer.PLUS ? unary + 1 : 0;
      if (depth > MAX_NESTING || unary > MAX_NESTING) {
        throw new SyntaxError(List.of(new Diagnostic(Diagnostic.Kind.ERROR, "the script nests more than "
            + MAX_NESTING + " levels deep here", source, new Span(t.getLine(), t.getCharPositionInLine() + 1,
            t.getStartIndex(), t.getStopIndex() + 1))));
      }
    }
  }

  private static void fail(List<Diagnostic> errors) {
    if (!errors.isEmpty()) {
      throw new SyntaxError(new ArrayList<>(errors));
    }
  }

  /** The keys a task block accepts ({@code invokeurl}, {@code sendmail}, {@code invokeapi}), for editors; else none. */
  public static List<String> taskKeys(String task) {
    return switch (task.toLowerCase(java.util.Locale.ROOT)) {
      case "invokeurl" -> ExprBuilder.INVOKEURL_KEYS;
      case "sendmail" -> ExprBuilder.SENDMAIL_KEYS;
      case "invokeapi" -> ExprBuilder.INVOKEAPI_KEYS;
      default -> List.of();
    };
  }
}
