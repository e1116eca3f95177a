package dev.freshet.parse;

import dev.freshet.ast.Expr;
import dev.freshet.ast.FunctionDecl;
import dev.freshet.ast.Script;
import dev.freshet.ast.Stmt;
import dev.freshet.ast.TaskParam;
import dev.freshet.source.SourceFile;
import dev.freshet.source.Span;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact binary form of a parsed script, so that {@link ParseCache} can skip the ANTLR parser (and loading its
 * classes) when a script runs again unchanged. Strings are written once and referred to by number; numbers are
 * variable-length. Uses nothing from ANTLR: decoding must stay cheap on a cold JVM.
 */
final class AstCodec {
  /** Bump whenever the AST records or this encoding change. */
  static final int FORMAT = 1;

  private AstCodec() {}

  static byte[] encode(Script script) {
    Writer w = new Writer();
    w.functions(script.functions());
    w.stmts(script.statements());
    return w.bytes();
  }

  /** The script; throws {@link IllegalArgumentException} when the bytes are not a whole encoding. */
  static Script decode(byte[] bytes, SourceFile source) {
    Reader r = new Reader(bytes);
    try {
      Script script = new Script(source, r.functions(), r.stmts());
      if (r.pos != bytes.length) {
        throw new IllegalArgumentException("trailing bytes");
      }
      return script;
    } catch (RuntimeException e) { // an index, number or null that a whole encoding never holds
      throw new IllegalArgumentException("truncated or damaged", e);
    }
  }

  // Node tags. Expressions and statements share one numbering so a damaged file cannot mix them up silently.
  private static final int NULL = 0;
  private static final int LITERAL = 1, NAME = 2, QUALIFIED_NAME = 3, INPUT_FIELD = 4, LIST = 5, MAP = 6,
      EMPTY_COLLECTION = 7, TYPED_LIST = 8, UNARY = 9, BINARY = 10, CALL = 11, QUALIFIED_CALL = 12, METHOD_CALL = 13,
      PROPERTY = 14, CONDITIONAL = 15, IF_NULL = 16, INVOKE_URL = 17, FORM_FETCH = 18, FORM_INSERT = 19;
  private static final int ASSIGN = 40, ASSIGN_PROPERTY = 41, EXPR_STMT = 42, INFO = 43, IF = 44, FOR_EACH = 45,
      BREAK = 46, CONTINUE = 47, RETURN = 48, THROW = 49, TRY = 50, SEND_MAIL = 51, CREATOR_ONLY = 52;

  private static final class Writer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    private final Map<String, Integer> strings = new HashMap<>();

    byte[] bytes() {
      return out.toByteArray();
    }

    void uint(int v) {
      while ((v & ~0x7F) != 0) {
        out.write((v & 0x7F) | 0x80);
        v >>>= 7;
      }
      out.write(v);
    }

    /** A string: 0 for null, n + 1 for the n-th string seen before, or else the next number and the UTF-8 bytes. */
    void string(String s) {
      if (s == null) {
        uint(0);
        return;
      }
      Integer seen = strings.get(s);
      if (seen != null) {
        uint(seen + 1);
        return;
      }
      strings.put(s, strings.size());
      uint(strings.size()); // the new string's number + 1, which a reader has not seen yet
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      uint(utf8.length);
      out.write(utf8, 0, utf8.length);
    }

    void span(Span s) {
      uint(s.line());
      uint(s.column());
      uint(s.start());
      uint(s.end());
    }

    void functions(List<FunctionDecl> functions) {
      uint(functions.size());
      for (FunctionDecl f : functions) {
        string(f.returnType());
        string(f.qualifiedName());
        string(f.name());
        uint(f.params().size());
        for (FunctionDecl.Parameter p : f.params()) {
          string(p.type());
          string(p.name());
          span(p.span());
        }
        stmts(f.body());
        span(f.span());
      }
    }

    void stmts(List<Stmt> stmts) {
      uint(stmts.size());
      for (Stmt s : stmts) {
        stmt(s);
      }
    }

    void exprs(List<Expr> exprs) {
      uint(exprs.size());
      for (Expr e : exprs) {
        expr(e);
      }
    }

    void params(List<TaskParam> params) {
      uint(params.size());
      for (TaskParam p : params) {
        string(p.key());
        expr(p.value());
        span(p.span());
      }
    }

    void stmt(Stmt s) {
      if (s instanceof Stmt.Assign a) {
        uint(ASSIGN);
        string(a.name());
        uint(a.op().ordinal());
        expr(a.value());
      } else if (s instanceof Stmt.AssignProperty a) {
        uint(ASSIGN_PROPERTY);
        expr(a.target());
        string(a.name());
        uint(a.op().ordinal());
        expr(a.value());
      } else if (s instanceof Stmt.ExprStmt e) {
        uint(EXPR_STMT);
        expr(e.expr());
      } else if (s instanceof Stmt.Info i) {
        uint(INFO);
        expr(i.value());
      } else if (s instanceof Stmt.If i) {
        uint(IF);
        uint(i.branches().size());
        for (Stmt.Branch b : i.branches()) {
          expr(b.condition());
          stmts(b.body());
        }
        optionalStmts(i.otherwise());
      } else if (s instanceof Stmt.ForEach f) {
        uint(FOR_EACH);
        string(f.variable());
        uint(f.index() ? 1 : 0);
        expr(f.iterable());
        stmts(f.body());
      } else if (s instanceof Stmt.Break) {
        uint(BREAK);
      } else if (s instanceof Stmt.Continue) {
        uint(CONTINUE);
      } else if (s instanceof Stmt.Return r) {
        uint(RETURN);
        expr(r.value());
      } else if (s instanceof Stmt.Throw t) {
        uint(THROW);
        expr(t.value());
      } else if (s instanceof Stmt.Try t) {
        uint(TRY);
        stmts(t.body());
        string(t.variable());
        optionalSpan(t.variableSpan());
        stmts(t.handler());
      } else if (s instanceof Stmt.SendMail m) {
        uint(SEND_MAIL);
        params(m.params());
      } else if (s instanceof Stmt.CreatorOnly c) {
        uint(CREATOR_ONLY);
        string(c.construct());
        exprs(c.parts());
      } else {
        throw new IllegalStateException("no encoding for " + s.getClass().getSimpleName());
      }
      span(s.span());
    }

    void optionalStmts(List<Stmt> stmts) {
      if (stmts == null) {
        uint(0);
      } else {
        uint(1);
        stmts(stmts);
      }
    }

    void optionalSpan(Span span) {
      if (span == null) {
        uint(0);
      } else {
        uint(1);
        span(span);
      }
    }

    void expr(Expr e) {
      if (e == null) {
        uint(NULL);
        return;
      }
      if (e instanceof Expr.Literal l) {
        uint(LITERAL);
        uint(l.kind().ordinal());
        switch (l.kind()) {
          case TEXT, QUOTED -> string((String) l.value());
          case NUMBER -> string(Long.toString((Long) l.value()));
          case DECIMAL -> string(((BigDecimal) l.value()).toString());
          case BOOLEAN -> uint((Boolean) l.value() ? 1 : 0);
          case NULL -> { }
        }
      } else if (e instanceof Expr.Name n) {
        uint(NAME);
        string(n.name());
      } else if (e instanceof Expr.QualifiedName n) {
        uint(QUALIFIED_NAME);
        string(n.name());
      } else if (e instanceof Expr.InputField f) {
        uint(INPUT_FIELD);
        string(f.field());
      } else if (e instanceof Expr.ListLiteral l) {
        uint(LIST);
        exprs(l.items());
      } else if (e instanceof Expr.MapLiteral m) {
        uint(MAP);
        uint(m.entries().size());
        for (Expr.Entry entry : m.entries()) {
          expr(entry.key());
          expr(entry.value());
        }
      } else if (e instanceof Expr.EmptyCollection) {
        uint(EMPTY_COLLECTION);
      } else if (e instanceof Expr.TypedList t) {
        uint(TYPED_LIST);
        string(t.elementType());
      } else if (e instanceof Expr.Unary u) {
        uint(UNARY);
        uint(u.op().ordinal());
        expr(u.operand());
      } else if (e instanceof Expr.Binary b) {
        uint(BINARY);
        uint(b.op().ordinal());
        expr(b.left());
        expr(b.right());
      } else if (e instanceof Expr.Call c) {
        uint(CALL);
        string(c.name());
        exprs(c.args());
      } else if (e instanceof Expr.QualifiedCall c) {
        uint(QUALIFIED_CALL);
        string(c.name());
        exprs(c.args());
      } else if (e instanceof Expr.MethodCall c) {
        uint(METHOD_CALL);
        expr(c.target());
        string(c.name());
        exprs(c.args());
      } else if (e instanceof Expr.Property p) {
        uint(PROPERTY);
        expr(p.target());
        string(p.name());
      } else if (e instanceof Expr.Conditional c) {
        uint(CONDITIONAL);
        expr(c.condition());
        expr(c.whenTrue());
        expr(c.whenFalse());
      } else if (e instanceof Expr.IfNull n) {
        uint(IF_NULL);
        expr(n.value());
        expr(n.fallback());
      } else if (e instanceof Expr.InvokeUrl i) {
        uint(INVOKE_URL);
        params(i.params());
      } else if (e instanceof Expr.FormFetch f) {
        uint(FORM_FETCH);
        string(f.form());
        expr(f.criteria());
      } else if (e instanceof Expr.FormInsert f) {
        uint(FORM_INSERT);
        string(f.form());
        params(f.fields());
      } else {
        throw new IllegalStateException("no encoding for " + e.getClass().getSimpleName());
      }
      span(e.span());
    }
  }

  private static final class Reader {
    private final byte[] in;
    private final List<String> strings = new ArrayList<>();
    int pos;

    Reader(byte[] in) {
      this.in = in;
    }

    int uint() {
      int v = 0;
      for (int shift = 0; ; shift += 7) {
        if (shift > 28) {
          throw new IllegalArgumentException("bad number");
        }
        int b = in[pos++];
        v |= (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return v;
        }
      }
    }

    String string() {
      int n = uint();
      if (n == 0) {
        return null;
      }
      if (n <= strings.size()) {
        return strings.get(n - 1);
      }
      if (n != strings.size() + 1) {
        throw new IllegalArgumentException("bad string number");
      }
      int length = uint();
      if (length < 0 || length > in.length - pos) {
        throw new IllegalArgumentException("bad string length");
      }
      String s = new String(in, pos, length, StandardCharsets.UTF_8);
      pos += length;
      strings.add(s);
      return s;
    }

    Span span() {
      return new Span(uint(), uint(), uint(), uint());
    }

    /** A count that cannot exceed the bytes left, so a damaged count fails instead of allocating wildly. */
    int count() {
      int n = uint();
      if (n < 0 || n > in.length - pos) {
        throw new IllegalArgumentException("bad count");
      }
      return n;
    }

    List<FunctionDecl> functions() {
      int n = count();
      List<FunctionDecl> functions = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String returnType = string();
        String qualifiedName = string();
        String name = string();
        int p = count();
        List<FunctionDecl.Parameter> params = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
          params.add(new FunctionDecl.Parameter(string(), string(), span()));
        }
        List<Stmt> body = stmts();
        functions.add(new FunctionDecl(returnType, qualifiedName, name, params, body, span()));
      }
      return functions;
    }

    List<Stmt> stmts() {
      int n = count();
      List<Stmt> stmts = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        stmts.add(stmt());
      }
      return stmts;
    }

    List<Expr> exprs() {
      int n = count();
      List<Expr> exprs = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        exprs.add(expr());
      }
      return exprs;
    }

    List<TaskParam> params() {
      int n = count();
      List<TaskParam> params = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        params.add(new TaskParam(string(), expr(), span()));
      }
      return params;
    }

    Stmt.AssignOp assignOp() {
      return Stmt.AssignOp.values()[uint()];
    }

    Stmt stmt() {
      int tag = uint();
      switch (tag) {
        case ASSIGN: {
          String name = string();
          Stmt.AssignOp op = assignOp();
          return new Stmt.Assign(name, op, expr(), span());
        }
        case ASSIGN_PROPERTY: {
          Expr target = expr();
          String name = string();
          Stmt.AssignOp op = assignOp();
          return new Stmt.AssignProperty(target, name, op, expr(), span());
        }
        case EXPR_STMT:
          return new Stmt.ExprStmt(expr(), span());
        case INFO:
          return new Stmt.Info(expr(), span());
        case IF: {
          int n = count();
          List<Stmt.Branch> branches = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            branches.add(new Stmt.Branch(expr(), stmts()));
          }
          List<Stmt> otherwise = uint() == 0 ? null : stmts();
          return new Stmt.If(branches, otherwise, span());
        }
        case FOR_EACH: {
          String variable = string();
          boolean index = uint() == 1;
          Expr iterable = expr();
          return new Stmt.ForEach(variable, index, iterable, stmts(), span());
        }
        case BREAK:
          return new Stmt.Break(span());
        case CONTINUE:
          return new Stmt.Continue(span());
        case RETURN:
          return new Stmt.Return(expr(), span());
        case THROW:
          return new Stmt.Throw(expr(), span());
        case TRY: {
          List<Stmt> body = stmts();
          String variable = string();
          Span variableSpan = uint() == 0 ? null : span();
          return new Stmt.Try(body, variable, variableSpan, stmts(), span());
        }
        case SEND_MAIL:
          return new Stmt.SendMail(params(), span());
        case CREATOR_ONLY: {
          String construct = string();
          return new Stmt.CreatorOnly(construct, exprs(), span());
        }
        default:
          throw new IllegalArgumentException("bad statement tag " + tag);
      }
    }

    Expr expr() {
      int tag = uint();
      switch (tag) {
        case NULL:
          return null;
        case LITERAL: {
          Expr.LiteralKind kind = Expr.LiteralKind.values()[uint()];
          Object value = switch (kind) {
            case TEXT, QUOTED -> string();
            case NUMBER -> Long.valueOf(string());
            case DECIMAL -> new BigDecimal(string());
            case BOOLEAN -> uint() == 1;
            case NULL -> null;
          };
          return new Expr.Literal(kind, value, span());
        }
        case NAME:
          return new Expr.Name(string(), span());
        case QUALIFIED_NAME:
          return new Expr.QualifiedName(string(), span());
        case INPUT_FIELD:
          return new Expr.InputField(string(), span());
        case LIST:
          return new Expr.ListLiteral(exprs(), span());
        case MAP: {
          int n = count();
          List<Expr.Entry> entries = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            entries.add(new Expr.Entry(expr(), expr()));
          }
          return new Expr.MapLiteral(entries, span());
        }
        case EMPTY_COLLECTION:
          return new Expr.EmptyCollection(span());
        case TYPED_LIST:
          return new Expr.TypedList(string(), span());
        case UNARY: {
          Expr.UnaryOp op = Expr.UnaryOp.values()[uint()];
          return new Expr.Unary(op, expr(), span());
        }
        case BINARY: {
          Expr.BinaryOp op = Expr.BinaryOp.values()[uint()];
          Expr left = expr();
          return new Expr.Binary(op, left, expr(), span());
        }
        case CALL: {
          String name = string();
          return new Expr.Call(name, exprs(), span());
        }
        case QUALIFIED_CALL: {
          String name = string();
          return new Expr.QualifiedCall(name, exprs(), span());
        }
        case METHOD_CALL: {
          Expr target = expr();
          String name = string();
          return new Expr.MethodCall(target, name, exprs(), span());
        }
        case PROPERTY: {
          Expr target = expr();
          return new Expr.Property(target, string(), span());
        }
        case CONDITIONAL: {
          Expr condition = expr();
          Expr whenTrue = expr();
          return new Expr.Conditional(condition, whenTrue, expr(), span());
        }
        case IF_NULL: {
          Expr value = expr();
          return new Expr.IfNull(value, expr(), span());
        }
        case INVOKE_URL:
          return new Expr.InvokeUrl(params(), span());
        case FORM_FETCH: {
          String form = string();
          return new Expr.FormFetch(form, expr(), span());
        }
        case FORM_INSERT: {
          String form = string();
          return new Expr.FormInsert(form, params(), span());
        }
        default:
          throw new IllegalArgumentException("bad expression tag " + tag);
      }
    }
  }
}
