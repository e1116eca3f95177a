package dev.freshet.parse;

import dev.freshet.ast.Expr;
import dev.freshet.ast.Script;
import dev.freshet.source.Diagnostic;
import dev.freshet.source.SourceFile;
import dev.freshet.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The one front door to parsing. A script is parsed by the hand-written {@link DirectParser} when it can (the common
 * forms, no errors), else by ANTLR ({@link AntlrParser}), which reports every syntax error. This class names no ANTLR
 * type, so that loading it loads none.
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
    Script direct = DirectParser.parse(source, warnings); // the common forms, without ANTLR's start-up
    return direct != null ? direct : AntlrParser.script(source, warnings);
  }

  /** Parses REPL input: statements and functions, optionally ending in a bare expression whose value is shown. */
  public static ReplInput parseReplInput(SourceFile source) {
    try {
      return AntlrParser.replInput(source);
    } catch (StackOverflowError e) {
      return deep(source, () -> AntlrParser.replInput(source));
    }
  }

  /** A REPL entry: its statements and functions, and a final expression to print, or null. */
  public record ReplInput(Script script, Expr expression) {}

  /** Parses a single expression. */
  public static Expr parseExpression(SourceFile source) {
    try {
      return AntlrParser.expression(source);
    } catch (StackOverflowError e) {
      return deep(source, () -> AntlrParser.expression(source));
    }
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

  static void fail(List<Diagnostic> errors) {
    if (!errors.isEmpty()) {
      throw new SyntaxError(new ArrayList<>(errors));
    }
  }

  /** The keys a task block accepts ({@code invokeurl}, {@code sendmail}, {@code invokeapi}), for editors; else none. */
  public static List<String> taskKeys(String task) {
    return switch (task.toLowerCase(java.util.Locale.ROOT)) {
      case "invokeurl" -> TaskKeys.INVOKEURL;
      case "sendmail" -> TaskKeys.SENDMAIL;
      case "invokeapi" -> TaskKeys.INVOKEAPI;
      default -> List.of();
    };
  }
}
