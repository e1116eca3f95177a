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
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

/** The one error listener: turns ANTLR's reports into friendly diagnostics, one per line at most. */
final class ErrorListener extends BaseErrorListener {
  private static final Set<Integer> EXPRESSION_STARTS = Set.of(DelugeLexer.IDENTIFIER, DelugeLexer.NUMBER_LITERAL,
      DelugeLexer.TEXT_LITERAL, DelugeLexer.LPAREN, DelugeLexer.NOT);

  private final SourceFile source;
  /** The first error of this parse; later ones are mostly echoes of it (Parser re-parses to find real ones). */
  Diagnostic first;
  /** Whether the first error stands at the end of input or at a '}': typical echoes of an earlier error. */
  boolean firstIsEcho;
  /** Whether the first error is an unterminated text or comment, after which nothing else can be trusted. */
  boolean firstIsFinal;
  /** Offset where the statement holding the first error starts (the error itself at the top level). */
  int statementStart;
  /** Index of the offending token, from which Parser finds where that statement ends. */
  int tokenIndex;

  /** Whether this listener serves the separate parse of one task block (see {@link #taskBlockError}). */
  private boolean nested;

  ErrorListener(SourceFile source) {
    this.source = source;
  }

  @Override
  public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column, String msg,
      RecognitionException e) {
    if (first != null) {
      return;
    }
    Token token = offendingSymbol instanceof Token t ? t : null;
    String message = token == null ? msg : describe(token, (Parser) recognizer, e);
    int start = token == null ? 0 : Math.max(token.getStartIndex(), 0);
    int end = token == null ? 0 : Math.max(token.getStopIndex() + 1, start);
    Span span = new Span(line, column + 1, start, end);
    Token previous = token == null ? null : previousToken((Parser) recognizer, token);
    if (previous != null && token.getType() != Token.EOF && closesLine(message) && endLine(previous) < line) {
      // The cause is at the end of the previous line (a forgotten ';' or ')'): point there, not at the next line
      span = afterToken(previous);
      message = message.startsWith("expected ';' but found ") ? "missing ';' after this statement"
          : message.replace(" but found ", " at the end of this line, but the next line starts with ");
    }
    Diagnostic inBlock = e instanceof NoViableAltException nv && !nested ? taskBlockError((Parser) recognizer, nv)
        : null;
    first = inBlock != null ? inBlock : new Diagnostic(Diagnostic.Kind.ERROR, message, source, span);
    statementStart = start;
    tokenIndex = token == null ? 0 : token.getTokenIndex();
    for (var ctx = ((Parser) recognizer).getContext(); ctx != null; ctx = ctx.getParent()) {
      if (ctx instanceof DelugeParser.StatementContext || ctx instanceof DelugeParser.FunctionDefContext) {
        statementStart = Math.min(start, ctx.getStart().getStartIndex());
        break;
      }
    }
    int type = token == null ? Token.INVALID_TYPE : token.getType();
    firstIsEcho = type == Token.EOF || type == DelugeLexer.RBRACE;
    firstIsFinal = type == DelugeLexer.UNTERMINATED_TEXT || type == DelugeLexer.UNTERMINATED_QUOTED
        || type == DelugeLexer.UNTERMINATED_COMMENT;
  }

  /**
   * An {@code invokeurl [ … ]} block may stand as a statement with or without its ';', so a mistake inside it fails
   * the choice between those forms ("unexpected …"). Parsing the block alone names what was expected there.
   */
  private Diagnostic taskBlockError(Parser parser, NoViableAltException e) {
    Token start = e.getStartToken();
    if (start.getType() != DelugeLexer.INVOKEURL || !(parser.getTokenStream() instanceof BufferedTokenStream all)) {
      return null;
    }
    List<Token> rest = all.getTokens().subList(start.getTokenIndex(), all.getTokens().size());
    DelugeParser block = new DelugeParser(new CommonTokenStream(new ListTokenSource(rest)));
    block.removeErrorListeners();
    ErrorListener inner = new ErrorListener(source);
    inner.nested = true; // the block's own errors are reported as they are, never parsed apart again
    block.addErrorListener(inner);
    block.primary();
    return inner.first;
  }

  /** Whether the message asks only for what ends a line's construct: ';', ')', ']', ',' or '}'. */
  private static boolean closesLine(String message) {
    int cut = message.indexOf(" but found ");
    if (!message.startsWith("expected ") || cut < 0) {
      return false;
    }
    for (String wanted : message.substring("expected ".length(), cut).split(" or ")) {
      if (!wanted.equals("';'") && !wanted.equals("')'") && !wanted.equals("']'") && !wanted.equals("','")
          && !wanted.equals("'}'")) {
        return false;
      }
    }
    return true;
  }

  private static Token previousToken(Parser parser, Token token) {
    int i = token.getTokenIndex();
    return i > 0 ? parser.getTokenStream().get(i - 1) : null;
  }

  private static int endLine(Token t) {
    int line = t.getLine();
    String text = t.getText();
    for (int i = 0; i < text.length(); i++) {
      line += text.charAt(i) == '\n' ? 1 : 0;
    }
    return line;
  }

  /** The position just after a token: where a missing ';' or ')' belongs. */
  private static Span afterToken(Token t) {
    String text = t.getText();
    int lastBreak = text.lastIndexOf('\n');
    int column = lastBreak < 0 ? t.getCharPositionInLine() + text.length() : text.length() - lastBreak - 1;
    int end = t.getStopIndex() + 1;
    return new Span(endLine(t), column + 1, end, end);
  }

  private static final Set<Integer> SOFT_KEYWORDS = Set.of(DelugeLexer.INDEX, DelugeLexer.INSERT, DelugeLexer.INTO,
      DelugeLexer.DELETE, DelugeLexer.FROM, DelugeLexer.CANCEL, DelugeLexer.SUBMIT, DelugeLexer.ALERT,
      DelugeLexer.EACH, DelugeLexer.LIST, DelugeLexer.HIDE, DelugeLexer.SHOW, DelugeLexer.ENABLE, DelugeLexer.DISABLE,
      DelugeLexer.CLEAR, DelugeLexer.FILE, DelugeLexer.INVOKEAPI);

  private static String describe(Token token, Parser parser, RecognitionException e) {
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
    boolean eof = token.getType() == Token.EOF;
    String found = eof ? "end of file" : "'" + token.getText() + "'";
    Token previous = token.getTokenIndex() > 0 ? parser.getTokenStream().get(token.getTokenIndex() - 1) : null;
    String afterPrevious = previous == null ? null : hintAfter(previous.getType());
    if (token.getType() == DelugeLexer.COLON && previous != null && previous.getType() == DelugeLexer.IDENTIFIER
        && parser.getTokenStream().LA(2) == DelugeLexer.IDENTIFIER && parser.getTokenStream().LA(3) == DelugeLexer.LPAREN) {
      return "unexpected ':' after '" + previous.getText() + "'; typed lists are written List:String()";
    }
    IntervalSet expected = parser.getExpectedTokens();
    boolean midDecision = e instanceof NoViableAltException nv && nv.getStartToken() != token;
    if (afterPrevious != null && (midDecision || previous.getType() == DelugeLexer.DOT)) {
      return "expected " + afterPrevious + " but found " + found;
    }
    if (eof && expected.contains(DelugeLexer.RBRACE)) {
      return "expected '}' but found end of file";
    }
    if (token.getType() == DelugeLexer.ELSE && expected.contains(DelugeLexer.FOR)) {
      return "'else' without 'if': else must follow the closing '}' of an if block";
    }
    if (midDecision) {
      return "unexpected " + found;
    }
    if (expected.contains(DelugeLexer.FOR)) {
      return "unexpected " + found + " at the start of a statement";
    }
    String wanted = expectation(expected, parser.getVocabulary());
    return wanted.isEmpty() ? "unexpected " + found : "expected " + wanted + " but found " + found;
  }

  /** What must follow a token, for errors found only after a longer look-ahead. */
  private static String hintAfter(int type) {
    return switch (type) {
      case DelugeLexer.IF, DelugeLexer.WHILE -> "'('";
      case DelugeLexer.FOR -> "'each'";
      case DelugeLexer.EACH -> "a name or 'index'";
      case DelugeLexer.DOT -> "a name after '.'";
      case DelugeLexer.LPAREN -> "an expression";
      default -> null;
    };
  }

  private static String expectation(IntervalSet expected, Vocabulary vocabulary) {
    if (expected.size() == 0) {
      return "";
    }
    boolean expression = EXPRESSION_STARTS.stream().allMatch(expected::contains);
    Set<String> names = new TreeSet<>();
    boolean name = false;
    for (int type : expected.toArray()) {
      if (expression && (EXPRESSION_STARTS.contains(type) || isExpressionToken(type))) {
        continue;
      }
      if (type == DelugeLexer.IDENTIFIER || SOFT_KEYWORDS.contains(type)) {
        name = true;
        continue;
      }
      String literal = vocabulary.getLiteralName(type);
      if (literal != null) {
        names.add(literal);
      } else if (type == Token.EOF) {
        names.add("end of input");
      }
    }
    if (names.contains("';'")) {
      names.remove("':'"); // only Creator's Field:ui.add(…) continues a statement with ':'; ';' is what it needs
      names.removeIf(n -> n.endsWith("=';") || n.endsWith("='")); // ';' is what a finished statement needs
    }
    List<String> parts = new ArrayList<>();
    if (expression) {
      parts.add("an expression");
    } else if (name) {
      parts.add("a name");
    }
    if (names.size() <= 4 || parts.isEmpty()) {
      parts.addAll(names.stream().limit(6).toList());
    }
    return String.join(" or ", parts);
  }

  private static boolean isExpressionToken(int type) {
    return switch (type) {
      case DelugeLexer.DECIMAL_LITERAL, DelugeLexer.QUOTED_LITERAL, DelugeLexer.TRUE, DelugeLexer.FALSE,
          DelugeLexer.NULL, DelugeLexer.LBRACE, DelugeLexer.LBRACKET, DelugeLexer.MINUS, DelugeLexer.PLUS, DelugeLexer.IF,
          DelugeLexer.INVOKEURL, DelugeLexer.INFO -> true;
      default -> SOFT_KEYWORDS.contains(type);
    };
  }
}
