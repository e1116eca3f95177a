package dev.freshet.parse;

import dev.freshet.ast.Expr.BinaryOp;
import dev.freshet.ast.Stmt.AssignOp;
import dev.freshet.parse.gen.DelugeLexer;

/** The operator each token writes, for both parsers (ANTLR's builders, {@link DirectParser}); names no ANTLR type. */
final class Operators {
  private Operators() {}

  /** The binary operator a token writes; '=' is {@code ==} where it may stand (in a condition). */
  static BinaryOp binary(int tokenType) {
    return switch (tokenType) {
      case DelugeLexer.STAR -> BinaryOp.MULTIPLY;
      case DelugeLexer.SLASH -> BinaryOp.DIVIDE;
      case DelugeLexer.PERCENT -> BinaryOp.REMAINDER;
      case DelugeLexer.PLUS -> BinaryOp.ADD;
      case DelugeLexer.MINUS -> BinaryOp.SUBTRACT;
      case DelugeLexer.LT -> BinaryOp.LESS;
      case DelugeLexer.LE -> BinaryOp.LESS_EQUAL;
      case DelugeLexer.GT -> BinaryOp.GREATER;
      case DelugeLexer.GE -> BinaryOp.GREATER_EQUAL;
      case DelugeLexer.EQ, DelugeLexer.ASSIGN -> BinaryOp.EQUAL;
      case DelugeLexer.NEQ -> BinaryOp.NOT_EQUAL;
      case DelugeLexer.AND -> BinaryOp.AND;
      case DelugeLexer.OR -> BinaryOp.OR;
      default -> throw new IllegalStateException("not a binary operator: token " + tokenType);
    };
  }

  /** The assignment operator a token writes ({@code =}, {@code +=}, …); null for any other token. */
  static AssignOp assign(int tokenType) {
    return switch (tokenType) {
      case DelugeLexer.ASSIGN -> AssignOp.SET;
      case DelugeLexer.PLUS_ASSIGN -> AssignOp.ADD;
      case DelugeLexer.MINUS_ASSIGN -> AssignOp.SUBTRACT;
      case DelugeLexer.STAR_ASSIGN -> AssignOp.MULTIPLY;
      case DelugeLexer.SLASH_ASSIGN -> AssignOp.DIVIDE;
      case DelugeLexer.PERCENT_ASSIGN -> AssignOp.REMAINDER;
      default -> null;
    };
  }
}
