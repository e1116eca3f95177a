package dev.freshet.parse;

import dev.freshet.parse.gen.DelugeLexer;
import java.util.Locale;

/** The keyword and operator tables of grammar/DelugeLexer.g4, for the hand-written {@link Tokens}. */
final class Keywords {
  private Keywords() {}

  /** The type of the word {@code text[from, to)}: a keyword (case-insensitive) or IDENTIFIER. */
  static int type(String text, int from, int to) {
    if (to - from > 9) {
      return DelugeLexer.IDENTIFIER; // longer than every keyword
    }
    return switch (text.substring(from, to).toLowerCase(Locale.ROOT)) {
      case "if" -> DelugeLexer.IF;
      case "else" -> DelugeLexer.ELSE;
      case "for" -> DelugeLexer.FOR;
      case "each" -> DelugeLexer.EACH;
      case "in" -> DelugeLexer.IN;
      case "break" -> DelugeLexer.BREAK;
      case "continue" -> DelugeLexer.CONTINUE;
      case "return" -> DelugeLexer.RETURN;
      case "info" -> DelugeLexer.INFO;
      case "try" -> DelugeLexer.TRY;
      case "catch" -> DelugeLexer.CATCH;
      case "throw" -> DelugeLexer.THROW;
      case "true" -> DelugeLexer.TRUE;
      case "false" -> DelugeLexer.FALSE;
      case "null" -> DelugeLexer.NULL;
      case "invokeurl" -> DelugeLexer.INVOKEURL;
      case "sendmail" -> DelugeLexer.SENDMAIL;
      case "while" -> DelugeLexer.WHILE;
      case "index" -> DelugeLexer.INDEX;
      case "insert" -> DelugeLexer.INSERT;
      case "into" -> DelugeLexer.INTO;
      case "delete" -> DelugeLexer.DELETE;
      case "from" -> DelugeLexer.FROM;
      case "cancel" -> DelugeLexer.CANCEL;
      case "submit" -> DelugeLexer.SUBMIT;
      case "alert" -> DelugeLexer.ALERT;
      case "list" -> DelugeLexer.LIST;
      case "hide" -> DelugeLexer.HIDE;
      case "show" -> DelugeLexer.SHOW;
      case "enable" -> DelugeLexer.ENABLE;
      case "disable" -> DelugeLexer.DISABLE;
      case "clear" -> DelugeLexer.CLEAR;
      case "file" -> DelugeLexer.FILE;
      case "invokeapi" -> DelugeLexer.INVOKEAPI;
      default -> DelugeLexer.IDENTIFIER;
    };
  }

  /**
   * The operator or punctuation at {@code text[i]}: its type, negated when it takes two characters; 0 when no token
   * starts there ({@code &} or {@code |} alone, any other character).
   */
  static int operator(String text, int i) {
    char c = text.charAt(i);
    char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
    if (next == '=') {
      switch (c) {
        case '+': return -DelugeLexer.PLUS_ASSIGN;
        case '-': return -DelugeLexer.MINUS_ASSIGN;
        case '*': return -DelugeLexer.STAR_ASSIGN;
        case '/': return -DelugeLexer.SLASH_ASSIGN;
        case '%': return -DelugeLexer.PERCENT_ASSIGN;
        case '=': return -DelugeLexer.EQ;
        case '!': return -DelugeLexer.NEQ;
        case '<': return -DelugeLexer.LE;
        case '>': return -DelugeLexer.GE;
        default: break;
      }
    }
    if (c == '&' && next == '&') {
      return -DelugeLexer.AND;
    }
    if (c == '|' && next == '|') {
      return -DelugeLexer.OR;
    }
    return switch (c) {
      case '<' -> DelugeLexer.LT;
      case '>' -> DelugeLexer.GT;
      case '!' -> DelugeLexer.NOT;
      case '=' -> DelugeLexer.ASSIGN;
      case '+' -> DelugeLexer.PLUS;
      case '-' -> DelugeLexer.MINUS;
      case '*' -> DelugeLexer.STAR;
      case '/' -> DelugeLexer.SLASH;
      case '%' -> DelugeLexer.PERCENT;
      case '(' -> DelugeLexer.LPAREN;
      case ')' -> DelugeLexer.RPAREN;
      case '{' -> DelugeLexer.LBRACE;
      case '}' -> DelugeLexer.RBRACE;
      case '[' -> DelugeLexer.LBRACKET;
      case ']' -> DelugeLexer.RBRACKET;
      case ',' -> DelugeLexer.COMMA;
      case ';' -> DelugeLexer.SEMI;
      case ':' -> DelugeLexer.COLON;
      case '.' -> DelugeLexer.DOT;
      default -> 0;
    };
  }

  /** IDENTIFIER and the soft keywords: the grammar's {@code identifier} rule. */
  static boolean identifier(int type) {
    return switch (type) {
      case DelugeLexer.IDENTIFIER, DelugeLexer.INDEX, DelugeLexer.INSERT, DelugeLexer.INTO, DelugeLexer.DELETE,
          DelugeLexer.FROM, DelugeLexer.CANCEL, DelugeLexer.SUBMIT, DelugeLexer.ALERT, DelugeLexer.EACH,
          DelugeLexer.LIST, DelugeLexer.HIDE, DelugeLexer.SHOW, DelugeLexer.ENABLE, DelugeLexer.DISABLE,
          DelugeLexer.CLEAR, DelugeLexer.FILE, DelugeLexer.INVOKEAPI -> true;
      default -> false;
    };
  }

  /** The grammar's {@code memberName}: an identifier or any hard keyword (after a dot any word may follow). */
  static boolean memberName(int type) {
    return identifier(type) || switch (type) {
      case DelugeLexer.IF, DelugeLexer.ELSE, DelugeLexer.FOR, DelugeLexer.IN, DelugeLexer.BREAK, DelugeLexer.CONTINUE,
          DelugeLexer.RETURN, DelugeLexer.INFO, DelugeLexer.TRY, DelugeLexer.CATCH, DelugeLexer.THROW, DelugeLexer.TRUE,
          DelugeLexer.FALSE, DelugeLexer.NULL, DelugeLexer.INVOKEURL, DelugeLexer.SENDMAIL, DelugeLexer.WHILE -> true;
      default -> false;
    };
  }
}
