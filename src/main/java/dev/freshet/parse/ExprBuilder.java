package dev.freshet.parse;

import dev.freshet.ast.Expr;
import dev.freshet.ast.Expr.BinaryOp;
import dev.freshet.ast.Expr.LiteralKind;
import dev.freshet.ast.TaskParam;
import dev.freshet.parse.gen.DelugeLexer;
import dev.freshet.parse.gen.DelugeParser.*;
import dev.freshet.parse.gen.DelugeParserBaseVisitor;
import dev.freshet.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parse tree → {@link Expr}. */
final class ExprBuilder extends DelugeParserBaseVisitor<Expr> {
  /** Roots of dotted names that are namespaces, not variables. */
  private static final Set<String> NAMESPACES = Set.of("zoho", "thisapp", "standalone");

  private final AstBuilder ast;

  ExprBuilder(AstBuilder ast) {
    this.ast = ast;
  }

  Expr build(ExpressionContext ctx) {
    return visit(ctx);
  }

  List<Expr> all(List<ExpressionContext> ctxs) {
    List<Expr> out = new ArrayList<>(ctxs.size());
    for (ExpressionContext c : ctxs) {
      out.add(build(c));
    }
    return out;
  }

  @Override
  public Expr visitUnaryExpr(UnaryExprContext ctx) {
    return unary(ctx.op, ctx.expression(), ctx);
  }

  private Expr unary(org.antlr.v4.runtime.Token opToken, org.antlr.v4.runtime.ParserRuleContext operandCtx,
      org.antlr.v4.runtime.ParserRuleContext ctx) {
    if (opToken.getType() == DelugeLexer.MINUS && operandCtx.getText().equals("9223372036854775808")) {
      return new Expr.Literal(LiteralKind.NUMBER, Long.MIN_VALUE, Spans.of(ctx)); // the one NUMBER written negated
    }
    Expr operand = visit(operandCtx);
    Expr.UnaryOp op = switch (opToken.getType()) {
      case DelugeLexer.NOT -> Expr.UnaryOp.NOT;
      case DelugeLexer.MINUS -> Expr.UnaryOp.NEGATE;
      default -> Expr.UnaryOp.PLUS;
    };
    if (op == Expr.UnaryOp.NEGATE && operand instanceof Expr.Literal lit && lit.value() instanceof Long n) {
      return new Expr.Literal(LiteralKind.NUMBER, -n, Spans.of(ctx));
    }
    return new Expr.Unary(op, operand, Spans.of(opToken));
  }

  /** The condition of an if: the same operators as an expression, and '=' compares like '==' (with a warning). */
  Expr condition(ConditionContext ctx) {
    return visit(ctx);
  }

  @Override
  public Expr visitCondPostfix(CondPostfixContext ctx) {
    return postfix(ctx.postfix());
  }

  @Override
  public Expr visitCondUnary(CondUnaryContext ctx) {
    return unary(ctx.op, ctx.condition(), ctx);
  }

  @Override
  public Expr visitCondBinary(CondBinaryContext ctx) {
    if (ctx.op.getType() == DelugeLexer.ASSIGN) {
      ast.warning(Spans.of(ctx.op), "'=' in a condition compares like '=='; write '==' to make that plain");
    }
    BinaryOp op = Operators.binary(ctx.op.getType());
    return new Expr.Binary(op, visit(ctx.condition(0)), visit(ctx.condition(1)), Spans.of(ctx.op));
  }

  @Override
  public Expr visitMultiplicativeExpr(MultiplicativeExprContext ctx) {
    return binary(Operators.binary(ctx.op.getType()), ctx.expression(), ctx.op);
  }

  @Override
  public Expr visitAdditiveExpr(AdditiveExprContext ctx) {
    return binary(Operators.binary(ctx.op.getType()), ctx.expression(), ctx.op);
  }

  @Override
  public Expr visitRelationalExpr(RelationalExprContext ctx) {
    return binary(Operators.binary(ctx.op.getType()), ctx.expression(), ctx.op);
  }

  @Override
  public Expr visitEqualityExpr(EqualityExprContext ctx) {
    return binary(Operators.binary(ctx.op.getType()), ctx.expression(), ctx.op);
  }

  @Override
  public Expr visitAndExpr(AndExprContext ctx) {
    return binary(BinaryOp.AND, ctx.expression(), ctx.op);
  }

  @Override
  public Expr visitOrExpr(OrExprContext ctx) {
    return binary(BinaryOp.OR, ctx.expression(), ctx.op);
  }

  private Expr binary(BinaryOp op, List<ExpressionContext> sides, org.antlr.v4.runtime.Token token) {
    return new Expr.Binary(op, build(sides.get(0)), build(sides.get(1)), Spans.of(token));
  }

  @Override
  public Expr visitPostfixExpr(PostfixExprContext ctx) {
    return postfix(ctx.postfix());
  }

  /** A primary followed by {@code .name}, {@code .name(args)} and {@code [criteria]} in order. */
  Expr postfix(PostfixContext ctx) {
    List<PostfixOpContext> ops = ctx.postfixOp();
    int i = 0;
    Expr result;
    String root = ctx.primary() instanceof NameExprContext n ? n.identifier().getText() : null;
    String lower = root == null ? null : root.toLowerCase(Locale.ROOT);
    if (lower != null && NAMESPACES.contains(lower) && !ops.isEmpty()) {
      StringBuilder dotted = new StringBuilder(lower);
      Span span = Spans.of(ctx.primary());
      result = null;
      while (i < ops.size() && result == null) {
        PostfixOpContext op = ops.get(i++);
        if (op instanceof PropertyAccessContext p) {
          dotted.append('.').append(p.memberName().getText());
        } else if (op instanceof MethodCallContext m) {
          dotted.append('.').append(m.memberName().getText());
          result = new Expr.QualifiedCall(dotted.toString(), arguments(m.arguments(), dotted.toString()), span);
        } else {
          i--;
          break;
        }
      }
      if (result == null) {
        result = new Expr.QualifiedName(dotted.toString(), span);
      }
    } else if ("input".equals(lower) && !ops.isEmpty() && ops.get(0) instanceof PropertyAccessContext p) {
      result = new Expr.InputField(p.memberName().getText(), Spans.of(ctx.primary()));
      i = 1;
    } else {
      result = visit(ctx.primary());
    }
    boolean afterName = ctx.primary() instanceof NameExprContext;
    for (; i < ops.size(); i++) {
      if (ops.get(i) instanceof CriteriaContext c && !(afterName && i == 0)) {
        ast.error(Spans.of(c), "'[' can only follow a form name (Creator's Form[criteria]); use .get(index) for lists");
        continue;
      }
      result = applyPostfix(result, ops.get(i));
    }
    return result;
  }

  private Expr applyPostfix(Expr target, PostfixOpContext op) {
    if (op instanceof MethodCallContext m) {
      String name = m.memberName().getText();
      return new Expr.MethodCall(target, name, arguments(m.arguments(), name), Spans.of(m.memberName()));
    }
    if (op instanceof PropertyAccessContext p) {
      return new Expr.Property(target, p.memberName().getText(), Spans.of(p.memberName()));
    }
    CriteriaContext c = (CriteriaContext) op;
    if (!(target instanceof Expr.Name form)) {
      ast.error(Spans.of(c), "'[' can only follow a form name (Creator's Form[criteria]); use .get(index) for lists");
      return target;
    }
    Expr criteria = c.expression() == null ? null : build(c.expression());
    return new Expr.FormFetch(form.name(), criteria, form.span());
  }

  private List<Expr> arguments(ArgumentsContext ctx, String callee) {
    List<Expr> args = new ArrayList<>();
    if (ctx == null) {
      return args;
    }
    for (ArgumentContext a : ctx.argument()) {
      if (a.expression().size() > 1 && callee.equalsIgnoreCase("insert")) {
        // c.insert("key" : value) adds one key-value pair to a collection
        args.add(new Expr.MapLiteral(List.of(new Expr.Entry(build(a.expression(0)), build(a.expression(1)))),
            Spans.of(a)));
        continue;
      }
      if (a.expression().size() > 1) {
        ast.error(Spans.of(a.COLON().getSymbol()), "'key : value' arguments are only allowed in Collection(…), not in "
            + callee + "(…)");
      }
      args.add(build(a.expression(0)));
    }
    return args;
  }

  @Override
  public Expr visitLiteralExpr(LiteralExprContext ctx) {
    var token = ctx.literal().getStart();
    Span span = Spans.of(token);
    String text = token.getText();
    return token.getType() == DelugeLexer.NUMBER_LITERAL ? number(text, span)
        : Literals.of(token.getType(), text, span);
  }

  private Expr number(String text, Span span) {
    try {
      return new Expr.Literal(LiteralKind.NUMBER, Long.parseLong(text), span);
    } catch (NumberFormatException e) {
      ast.error(span, "number " + text + " is too large for NUMBER (64-bit); write it as a DECIMAL (" + text + ".0)");
      return new Expr.Literal(LiteralKind.NUMBER, 0L, span);
    }
  }

  @Override
  public Expr visitParenExpr(ParenExprContext ctx) {
    return build(ctx.expression());
  }

  /** {@code {}} is undecided, {@code {a, b}} a list, {@code {k: v}} a map; mixing the two forms is an error. */
  @Override
  public Expr visitCollectionLiteral(CollectionLiteralContext ctx) {
    List<CollectionItemContext> items = ctx.collectionItem();
    if (items.isEmpty()) {
      return new Expr.EmptyCollection(Spans.of(ctx));
    }
    boolean map = items.get(0).COLON() != null;
    List<Expr> values = new ArrayList<>();
    List<Expr.Entry> entries = new ArrayList<>();
    for (CollectionItemContext item : items) {
      if ((item.COLON() != null) != map) {
        if (map) {
          var next = (org.antlr.v4.runtime.tree.TerminalNode) ctx.getChild(ctx.children.indexOf(item) + 1);
          ast.error(Spans.of(next.getSymbol()), "expected ':' but found '" + next.getText()
              + "' (a map literal has 'key : value' for every entry)");
        } else {
          ast.error(Spans.of(item.COLON().getSymbol()),
              "unexpected ':' in a list literal; a map literal has 'key : value' for every entry");
        }
      } else if (map) {
        entries.add(new Expr.Entry(build(item.expression(0)), build(item.expression(1))));
      } else {
        values.add(build(item.expression(0)));
      }
    }
    return map ? new Expr.MapLiteral(entries, Spans.of(ctx)) : new Expr.ListLiteral(values, Spans.of(ctx));
  }

  /** {@code [a, b]}: Zoho's editor accepts it and saves it as {@code {a, b}}, so it is a LIST. */
  @Override
  public Expr visitBracketListLiteral(BracketListLiteralContext ctx) {
    return new Expr.ListLiteral(all(ctx.expression()), Spans.of(ctx));
  }

  @Override
  public Expr visitConditionalExpr(ConditionalExprContext ctx) {
    return new Expr.Conditional(condition(ctx.condition()), build(ctx.expression(0)), build(ctx.expression(1)),
        Spans.of(ctx));
  }

  @Override
  public Expr visitTypedListExpr(TypedListExprContext ctx) {
    Span span = Spans.of(ctx);
    if (ctx.arguments() != null) {
      ast.error(Spans.of(ctx.arguments()), ctx.LIST().getText() + ":" + ctx.identifier().getText()
          + "() takes no arguments; add elements with .add(value)");
    }
    return new Expr.TypedList(ctx.identifier().getText(), span);
  }

  @Override
  public Expr visitCallExpr(CallExprContext ctx) {
    String name = ctx.identifier().getText();
    Span span = Spans.of(ctx.identifier());
    switch (name.toLowerCase(Locale.ROOT)) {
      case "list":
        return new Expr.ListLiteral(arguments(ctx.arguments(), name), span);
      case "map":
        List<Expr> mapArgs = arguments(ctx.arguments(), name);
        if (mapArgs.size() == 1) {
          return new Expr.MethodCall(mapArgs.get(0), "toMap", List.of(), span); // Map({"k": v}), as Zoho shows
        }
        if (!mapArgs.isEmpty()) {
          ast.error(span, "Map() takes no arguments or one map; write a map literal {\"key\": value}");
        }
        return new Expr.MapLiteral(List.of(), span);
      case "collection":
        return collection(ctx.arguments(), span);
      case "ifnull":
        List<Expr> args = arguments(ctx.arguments(), name);
        if (args.size() != 2) {
          ast.error(span, "ifnull takes 2 arguments (value, fallback), got " + args.size());
          return new Expr.Literal(LiteralKind.NULL, null, span);
        }
        return new Expr.IfNull(args.get(0), args.get(1), span);
      default:
        return new Expr.Call(name, arguments(ctx.arguments(), name), span);
    }
  }

  /** {@code Collection()} is undecided; {@code Collection("k": v, …)} a map; {@code Collection(a, b)} a list. */
  private Expr collection(ArgumentsContext ctx, Span span) {
    if (ctx == null) {
      return new Expr.EmptyCollection(span);
    }
    boolean pairs = ctx.argument().get(0).expression().size() == 2;
    List<Expr> items = new ArrayList<>();
    List<Expr.Entry> entries = new ArrayList<>();
    for (ArgumentContext a : ctx.argument()) {
      if ((a.expression().size() == 2) != pairs) {
        ast.error(Spans.of(a), "Collection(…) takes either values or 'key : value' pairs, not both");
      } else if (pairs) {
        entries.add(new Expr.Entry(build(a.expression(0)), build(a.expression(1))));
      } else {
        items.add(build(a.expression(0)));
      }
    }
    return pairs ? new Expr.MapLiteral(entries, span) : new Expr.ListLiteral(items, span);
  }

  @Override
  public Expr visitNameExpr(NameExprContext ctx) {
    return new Expr.Name(ctx.identifier().getText(), Spans.of(ctx));
  }

  @Override
  public Expr visitInfoNameExpr(InfoNameExprContext ctx) {
    return new Expr.Name(ctx.INFO().getText(), Spans.of(ctx));
  }

  @Override
  public Expr visitInvokeUrlExpr(InvokeUrlExprContext ctx) {
    return invokeUrl(ctx.taskParam(), Spans.of(ctx));
  }

  Expr invokeUrl(List<TaskParamContext> params, Span span) {
    return new Expr.InvokeUrl(taskParams("invokeurl", TaskKeys.INVOKEURL, "url", params, span), span);
  }

  /** {@code invokeUrl(url, type, …)}: the deprecated function form, which Zoho kept for Creator only. */
  @Override
  public Expr visitInvokeUrlCallExpr(InvokeUrlCallExprContext ctx) {
    return new Expr.Call(ctx.INVOKEURL().getText(), arguments(ctx.arguments(), "invokeUrl"),
        Spans.of(ctx.INVOKEURL().getSymbol()));
  }

  /**
   * {@code invokeapi [ service: zohobilling path: "…" ]} parses (Zoho documents it) and, since it addresses Zoho's
   * services by name, is a call of {@code invokeapi} with its keys as a map; running it is a clear error.
   */
  @Override
  public Expr visitInvokeApiExpr(InvokeApiExprContext ctx) {
    Span span = Spans.of(ctx);
    return DirectTasks.invokeApi(ctx.INVOKEAPI().getText(),
        taskParams("invokeapi", TaskKeys.INVOKEAPI, "service", ctx.taskParam(), span), span);
  }

  /** Task keys checked as the parser would: known, not repeated, required ones present. */
  List<TaskParam> taskParams(String task, List<String> allowed, String required, List<TaskParamContext> ctxs,
      Span span) {
    List<TaskParam> params = taskParams(ctxs);
    Set<String> seen = new java.util.HashSet<>();
    for (TaskParam p : params) {
      if (!allowed.contains(p.key())) {
        ast.error(p.span(), "unknown " + task + " key '" + p.key() + "'; the keys are " + String.join(", ", allowed));
      } else if (!seen.add(p.key())) {
        ast.error(p.span(), task + " key '" + p.key() + "' is given twice");
      }
    }
    if (!seen.contains(required)) {
      ast.error(span, task + " needs a '" + required + ":' key");
    }
    return params;
  }

  List<TaskParam> taskParams(List<TaskParamContext> ctxs) {
    List<TaskParam> params = new ArrayList<>();
    for (TaskParamContext p : ctxs) {
      StringBuilder key = new StringBuilder();
      for (int i = 0; i < p.taskKey().getChildCount(); i++) {
        var child = p.taskKey().getChild(i);
        String text = child.getText().toLowerCase(Locale.ROOT);
        if (text.equals("-")) {
          key.append('-');
        } else {
          if (key.length() > 0 && key.charAt(key.length() - 1) != '-') {
            key.append(' ');
          }
          key.append(text);
        }
      }
      String name = key.toString();
      if (p.taskValue().size() > 1 && !TaskKeys.LISTS.contains(name)) {
        ast.error(Spans.of(p.COMMA(0).getSymbol()), "'" + name + "' takes one value; only to, cc, bcc, reply to and"
            + " attachments take a comma-separated list");
      }
      for (TaskValueContext v : p.taskValue()) {
        if (v.FILE() != null && !name.equals("attachments")) {
          ast.error(Spans.of(v.FILE().getSymbol()), "'file:' marks an attachment; it belongs after 'attachments:'");
        }
      }
      params.add(new TaskParam(name, taskValue(p.taskValue()), Spans.of(p)));
    }
    return params;
  }

  /** One value, or a LIST of the comma-separated values ({@code to: a, b}); {@code file:} before a value is dropped. */
  private Expr taskValue(List<TaskValueContext> values) {
    if (values.size() == 1) {
      return build(values.get(0).expression());
    }
    List<Expr> items = new ArrayList<>(values.size());
    for (TaskValueContext v : values) {
      items.add(build(v.expression()));
    }
    return new Expr.ListLiteral(items, Spans.of(values.get(0)));
  }

  @Override
  public Expr visitInsertExpr(InsertExprContext ctx) {
    List<TaskParam> fields = new ArrayList<>();
    for (FieldValueContext f : ctx.fieldValue()) {
      fields.add(new TaskParam(f.identifier().getText(), build(f.expression()), Spans.of(f)));
    }
    return new Expr.FormInsert(ctx.identifier().getText(), fields, Spans.of(ctx));
  }
}
