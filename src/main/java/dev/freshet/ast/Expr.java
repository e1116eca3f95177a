package dev.freshet.ast;

import dev.freshet.source.Span;
import java.util.List;

/** Deluge expressions. Every node knows where it came from. */
public sealed interface Expr {
  Span span();

  /** What kind of constant a {@link Literal} holds. */
  enum LiteralKind { TEXT, QUOTED, NUMBER, DECIMAL, BOOLEAN, NULL }

  /**
   * A constant. NUMBER holds a Long, DECIMAL a BigDecimal, TEXT and QUOTED a String (QUOTED is a single-quoted literal:
   * a DATE-TIME when its text is a date, else TEXT — decided when compiled), BOOLEAN a Boolean, NULL null.
   */
  record Literal(LiteralKind kind, Object value, Span span) implements Expr {}

  /** A variable, or a system value such as {@code today}. */
  record Name(String name, Span span) implements Expr {}

  /** {@code zoho.currenttime}, {@code zoho.adminuserid}: a dotted name rooted at {@code zoho} / {@code thisapp}. */
  record QualifiedName(String name, Span span) implements Expr {}

  /** {@code input.field} (Creator forms). */
  record InputField(String field, Span span) implements Expr {}

  record ListLiteral(List<Expr> items, Span span) implements Expr {}

  record MapLiteral(List<Entry> entries, Span span) implements Expr {}

  record Entry(Expr key, Expr value) {}

  /** {@code {}} and {@code Collection()}: becomes a map or a list on first use. */
  record EmptyCollection(Span span) implements Expr {}

  /** {@code List:String()} and friends. */
  record TypedList(String elementType, Span span) implements Expr {}

  enum UnaryOp { NOT, NEGATE, PLUS }

  record Unary(UnaryOp op, Expr operand, Span span) implements Expr {}

  enum BinaryOp {
    ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), REMAINDER("%"),
    LESS("<"), LESS_EQUAL("<="), GREATER(">"), GREATER_EQUAL(">="), EQUAL("=="), NOT_EQUAL("!="),
    AND("&&"), OR("||");

    public final String symbol;

    BinaryOp(String symbol) {
      this.symbol = symbol;
    }
  }

  record Binary(BinaryOp op, Expr left, Expr right, Span span) implements Expr {}

  /** {@code fn(a, b)}: a user function, a built-in, or a host function, decided by the resolver. */
  record Call(String name, List<Expr> args, Span span) implements Expr {}

  /** {@code standalone.fn(a)}, {@code thisapp.fn(a)}, {@code zoho.crm.getRecordById(a)}: a dotted call. */
  record QualifiedCall(String name, List<Expr> args, Span span) implements Expr {}

  /** {@code target.name(args)}; the span points at the name. */
  record MethodCall(Expr target, String name, List<Expr> args, Span span) implements Expr {}

  /** {@code target.name}, such as {@code e.message}; the span points at the name. */
  record Property(Expr target, String name, Span span) implements Expr {}

  /** {@code if(condition, whenTrue, whenFalse)}. */
  record Conditional(Expr condition, Expr whenTrue, Expr whenFalse, Span span) implements Expr {}

  /** {@code ifnull(value, fallback)}: the fallback is evaluated only when value is NULL. */
  record IfNull(Expr value, Expr fallback, Span span) implements Expr {}

  /** {@code invokeurl [ … ]}. */
  record InvokeUrl(List<TaskParam> params, Span span) implements Expr {}

  /** Creator: {@code Form[criteria]}. */
  record FormFetch(String form, Expr criteria, Span span) implements Expr {}

  /** Creator: {@code insert into Form [ field = value … ]}. */
  record FormInsert(String form, List<TaskParam> fields, Span span) implements Expr {}
}
