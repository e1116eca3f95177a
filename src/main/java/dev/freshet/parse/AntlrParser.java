package dev.freshet.parse;

import dev.freshet.ast.Expr;
import dev.freshet.ast.Script;
import dev.freshet.parse.gen.DelugeLexer;
import dev.freshet.parse.gen.DelugeParser;
import dev.freshet.source.Diagnostic;
import dev.freshet.source.SourceFile;
import dev.freshet.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parsing with ANTLR's generated parser (grammar/*.g4), apart from {@link Parser} so that a script the
 * {@link DirectParser} takes loads no ANTLR class. Tries the fast SLL prediction first and re-parses with full LL
 * only when SLL fails, so that error messages come from the precise mode.
 */
final class AntlrParser {
  private AntlrParser() {}

  /** ANTLR's parse, which reports every syntax error; DirectParserTest compares the two parsers with it. */
  static Script script(SourceFile source, List<Diagnostic> warnings) {
    var holder = new AstBuilder(source);
    DelugeParser.ScriptContext tree = (DelugeParser.ScriptContext) parse(source, Rule.SCRIPT);
    Script script = holder.script(tree);
    Parser.fail(holder.errors);
    if (warnings != null) {
      warnings.addAll(holder.warnings);
    }
    return script;
  }

  static Parser.ReplInput replInput(SourceFile source) {
    var holder = new AstBuilder(source);
    DelugeParser.ReplInputContext tree = (DelugeParser.ReplInputContext) parse(source, Rule.REPL_INPUT);
    Script script = holder.build(tree.children);
    Expr trailing = tree.expression() == null ? null : holder.expression(tree.expression());
    Parser.fail(holder.errors);
    return new Parser.ReplInput(script, trailing);
  }

  static Expr expression(SourceFile source) {
    var holder = new AstBuilder(source);
    DelugeParser.ExpressionOnlyContext tree = (DelugeParser.ExpressionOnlyContext) parse(source, Rule.EXPRESSION_ONLY);
    Expr expr = holder.expression(tree.expression());
    Parser.fail(holder.errors);
    return expr;
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
}
