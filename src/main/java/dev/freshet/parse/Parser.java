package dev.freshet.parse;

import dev.freshet.ast.Expr;
import dev.freshet.ast.Script;
import dev.freshet.parse.gen.DelugeLexer;
import dev.freshet.parse.gen.DelugeParser;
import dev.freshet.source.Diagnostic;
import dev.freshet.source.SourceFile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.ParserRuleContext;
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
    var holder = new AstBuilder(source);
    DelugeParser.ScriptContext tree = parse(source, DelugeParser::script);
    Script script = holder.script(tree);
    fail(holder.errors);
    return script;
  }

  /** Parses REPL input: statements and functions, optionally ending in a bare expression whose value is shown. */
  public static ReplInput parseReplInput(SourceFile source) {
    var holder = new AstBuilder(source);
    DelugeParser.ReplInputContext tree = parse(source, DelugeParser::replInput);
    Script script = holder.build(tree.children);
    Expr trailing = tree.expression() == null ? null : holder.expression(tree.expression());
    fail(holder.errors);
    return new ReplInput(script, trailing);
  }

  /** A REPL entry: its statements and functions, and a final expression to print, or null. */
  public record ReplInput(Script script, Expr expression) {}

  /** Parses a single expression. */
  public static Expr parseExpression(SourceFile source) {
    var holder = new AstBuilder(source);
    DelugeParser.ExpressionOnlyContext tree = parse(source, DelugeParser::expressionOnly);
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

  private static <T extends ParserRuleContext> T parse(SourceFile source, Function<DelugeParser, T> entry) {
    DelugeLexer lexer = new DelugeLexer(CharStreams.fromString(source.text(), source.name()));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    DelugeParser parser = new DelugeParser(tokens);
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      return entry.apply(parser);
    } catch (ParseCancellationException e) {
      tokens.seek(0);
      parser.reset();
      ErrorListener listener = new ErrorListener(source);
      parser.addErrorListener(listener);
      parser.setErrorHandler(new DefaultErrorStrategy());
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      T tree = entry.apply(parser);
      fail(listener.diagnostics);
      return tree;
    }
  }

  private static void fail(List<Diagnostic> errors) {
    if (!errors.isEmpty()) {
      throw new SyntaxError(new ArrayList<>(errors));
    }
  }
}
