package dev.freshet.parse;

import dev.freshet.parse.gen.DelugeLexer;
import dev.freshet.parse.gen.DelugeParser;
import dev.freshet.source.Diagnostic;
import dev.freshet.source.SourceFile;
import dev.freshet.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/** The one error listener: turns ANTLR's reports into friendly diagnostics, one per line at most. */
final class ErrorListener extends BaseErrorListener {
  private static final int MAX_ERRORS = 10;
  private static final Set<Integer> EXPRESSION_STARTS = Set.of(DelugeLexer.IDENTIFIER, DelugeLexer.NUMBER_LITERAL,
      DelugeLexer.TEXT_LITERAL, DelugeLexer.LPAREN, DelugeLexer.NOT);

  private final SourceFile source;
  final List<Diagnostic> diagnostics = new ArrayList<>();
  private int lastLine = -1;

  ErrorListener(SourceFile source) {
    this.source = source;
  }

  @Override
  public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column, String msg,
      RecognitionException e) {
    Token token = offendingSymbol instanceof Token t ? t : null;
    if (!diagnostics.isEmpty() && (line <= lastLine + 1 || diagnostics.size() >= MAX_ERRORS || token == null
        || token.getType() == Token.EOF || token.getType() == DelugeLexer.RBRACE)) {
      return; // errors right after another one, or at a closing brace or the end, are usually its echoes
    }
    lastLine = line;
    String message = token == null ? msg : describe(token, (Parser) recognizer);
    int start = token == null ? 0 : Math.max(token.getStartIndex(), 0);
    int end = token == null ? 0 : Math.max(token.getStopIndex() + 1, start);
    diagnostics.add(new Diagnostic(Diagnostic.Kind.ERROR, message, source, new Span(line, column + 1, start, end)));
  }

  void add(Diagnostic d) {
    diagnostics.add(d);
  }

  private static String describe(Token token, Parser parser) {
    switch (token.getType()) {
      case DelugeLexer.UNTERMINATED_TEXT, DelugeLexer.UNTERMINATED_QUOTED:
        return "unterminated text: the closing quote is missing";
      case DelugeLexer.UNTERMINATED_COMMENT:
        return "comment is not closed: '*/' is missing";
      case DelugeLexer.ERROR_CHAR:
        return "unexpected character '" + token.getText() + "'";
      default:
        break;
    }
    IntervalSet expected = parser.getExpectedTokens();
    boolean eof = token.getType() == Token.EOF;
    String found = eof ? "end of file" : "'" + token.getText() + "'";
    if (eof && expected.contains(DelugeLexer.RBRACE)) {
      return "expected '}' but found end of file";
    }
    if (token.getType() == DelugeLexer.ELSE && expected.contains(DelugeLexer.FOR)) {
      return "'else' without 'if': else must follow the closing '}' of an if block";
    }
    if (expected.contains(DelugeLexer.FOR)) {
      return "unexpected " + found + " at the start of a statement";
    }
    String wanted = expectation(expected, parser.getVocabulary());
    return wanted.isEmpty() ? "unexpected " + found : "expected " + wanted + " but found " + found;
  }

  private static String expectation(IntervalSet expected, Vocabulary vocabulary) {
    if (expected.size() == 0) {
      return "";
    }
    boolean expression = EXPRESSION_STARTS.stream().allMatch(expected::contains);
    Set<String> names = new TreeSet<>();
    for (int type : expected.toArray()) {
      if (expression && (EXPRESSION_STARTS.contains(type) || isExpressionToken(type))) {
        continue;
      }
      String literal = vocabulary.getLiteralName(type);
      if (literal != null) {
        names.add(literal);
      } else if (type == DelugeLexer.IDENTIFIER) {
        names.add("a name");
      } else if (type == Token.EOF) {
        names.add("end of input");
      }
    }
    List<String> parts = new ArrayList<>();
    if (expression) {
      parts.add("an expression");
    }
    if (names.size() <= 4 || parts.isEmpty()) {
      parts.addAll(names.stream().limit(6).toList());
    }
    return String.join(" or ", parts);
  }

  private static boolean isExpressionToken(int type) {
    return switch (type) {
      case DelugeLexer.DECIMAL_LITERAL, DelugeLexer.QUOTED_LITERAL, DelugeLexer.TRUE, DelugeLexer.FALSE,
          DelugeLexer.NULL, DelugeLexer.LBRACE, DelugeLexer.MINUS, DelugeLexer.PLUS, DelugeLexer.IF,
          DelugeLexer.INVOKEURL, DelugeLexer.INSERT, DelugeLexer.INDEX, DelugeLexer.INTO, DelugeLexer.DELETE,
          DelugeLexer.FROM, DelugeLexer.CANCEL, DelugeLexer.SUBMIT, DelugeLexer.ALERT, DelugeLexer.EACH -> true;
      default -> false;
    };
  }

  static String tokenName(int type) {
    return DelugeParser.VOCABULARY.getDisplayName(type);
  }
}
