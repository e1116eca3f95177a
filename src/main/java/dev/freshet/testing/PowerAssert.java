package dev.freshet.testing;

import dev.freshet.ast.Expr;
import dev.freshet.ast.Script;
import dev.freshet.parse.Parser;
import dev.freshet.parse.SyntaxError;
import dev.freshet.source.Diagnostic;
import dev.freshet.source.SourceFile;
import dev.freshet.source.Span;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code assert(cond)} that shows the value of every subexpression of {@code cond} when it fails (pytest's and
 * power-assert's rewriting): before a test file runs, each {@code assert(…)} in it becomes
 * {@code freshetAssert(N, …)}, and each subexpression {@code e} of its condition {@code freshetAssertValue(M, e)},
 * which notes the value and returns it unchanged. Only columns on those lines move; the runner shows the original
 * lines in messages.
 */
final class PowerAssert {
  /** One rewritten assert: its condition as written, and its subexpressions (probe id → source text). */
  record Assertion(String condition, Map<Integer, String> probes) {}

  /**
   * The file as it runs, its asserts by id, the file as written, and for each offset of the text as it runs the
   * offset it comes from (null: nothing was rewritten).
   */
  record Instrumented(String path, String text, Map<Integer, Assertion> asserts, String written, int[] from) {
    static Instrumented asWritten(String path, String text) {
      return new Instrumented(path, text, Map.of(), text, null);
    }

    /** A diagnostic about the text as it runs, about the file as written instead. */
    Diagnostic original(Diagnostic d) {
      if (from == null || d.source() == null || !d.source().name().equals(path)) {
        return d;
      }
      List<String> notes = new ArrayList<>();
      Matcher m = Pattern.compile(Pattern.quote(path) + ":(\\d+):(\\d+)").matcher("");
      for (String note : d.notes()) {
        notes.add(m.reset(note).replaceAll(r -> path + ":" + position(offset(Integer.parseInt(r.group(1)),
            Integer.parseInt(r.group(2))))));
      }
      Span span = d.span();
      if (span != null && span.line() > 0) {
        int start = from[Math.min(span.start(), from.length - 1)];
        int[] lc = lineColumn(start);
        span = new Span(lc[0], lc[1], start, Math.max(start, from[Math.min(span.end(), from.length - 1)]));
      }
      return new Diagnostic(d.kind(), d.message(), new SourceFile(path, written), span, notes);
    }

    /** A task's position ({@code path:line:col name}, see HttpCall.from) in the text as it runs, as written. */
    String original(String at) {
      Matcher m = TASK_AT.matcher(at);
      if (from == null || !at.startsWith(path + ":") || !m.region(path.length() + 1, at.length()).matches()) {
        return at;
      }
      return path + ":" + position(offset(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))) + m.group(3);
    }

    private static final Pattern TASK_AT = Pattern.compile("(\\d+):(\\d+)( .*)");

    private int offset(int line, int column) {
      int at = 0;
      for (int l = 1; l < line && at >= 0; l++) {
        at = text.indexOf('\n', at) + 1;
      }
      return Math.min(Math.max(at, 0) + column - 1, text.length());
    }

    private String position(int rewritten) {
      int[] lc = lineColumn(from[rewritten]);
      return lc[0] + ":" + lc[1];
    }

    private int[] lineColumn(int offset) {
      int line = 1;
      int start = 0;
      for (int i = 0; i < offset && i < written.length(); i++) {
        if (written.charAt(i) == '\n') {
          line++;
          start = i + 1;
        }
      }
      return new int[] {line, offset - start + 1};
    }
  }

  /** Replaces {@code [start, end)} with {@code text}; at one offset, higher {@code order} goes first. */
  private record Edit(int start, int end, int order, String text) {}

  private PowerAssert() {}

  /** {@code freshetAssert} and {@code freshetAssertValue}, for a test of the file {@code file}. */
  static void register(dev.freshet.api.Engine.Builder b, TestContext context, Instrumented file) {
    b.function("freshetAssertValue", List.of("probe", "value"), "(assert's rewriting: notes a value)", a -> {
      context.probe(((Number) a.get(0)).intValue(), a.get(1));
      return a.get(1);
    });
    TestLib.def(b, context, "freshetAssert", List.of("assertion", "condition", "[message]"),
        "(assert's rewriting: assert(condition[, message]))", a -> {
          Assertion assertion = file.asserts().get(((Number) a.get(0)).intValue());
          Map<Integer, Object> seen = context.takeProbes(assertion.probes().keySet());
          if (Boolean.TRUE.equals(a.get(1))) {
            return;
          }
          StringBuilder values = new StringBuilder();
          java.util.Set<String> shown = new java.util.HashSet<>(java.util.Set.of(assertion.condition()));
          assertion.probes().forEach((id, source) -> {
            if (seen.containsKey(id) && shown.add(source)) {
              values.append("  ").append(source).append(" = ").append(DeepEquals.show(seen.get(id))).append('\n');
            }
          });
          context.assertValues(values.toString());
          String what = "assert failed: " + assertion.condition();
          throw TestLib.failed(a.size() > 2 && a.get(2) != null ? a.get(2) + " (" + what + ")" : what);
        });
  }

  static Instrumented instrument(String path, String text) {
    Script script;
    try {
      script = Parser.parseScript(new SourceFile(path, text));
    } catch (SyntaxError e) {
      return Instrumented.asWritten(path, text); // the check reports it
    }
    List<Expr.Call> calls = new ArrayList<>();
    collect(script, calls);
    List<Edit> edits = new ArrayList<>();
    Map<Integer, Assertion> asserts = new LinkedHashMap<>();
    int probe = 0;
    for (Expr.Call call : calls) {
      Expr condition = call.args().get(0);
      int[] whole = extent(condition, text);
      if (whole == null) {
        continue;
      }
      int id = asserts.size() + 1;
      int open = text.indexOf('(', call.span().start());
      edits.add(new Edit(call.span().start(), open + 1, Integer.MAX_VALUE, "freshetAssert(" + id + ", "));
      List<Expr> subs = new ArrayList<>();
      subexpressions(condition, subs);
      Map<Integer, String> probes = new LinkedHashMap<>();
      List<int[]> ranges = new ArrayList<>();
      for (Expr e : subs) {
        int[] r = extent(e, text);
        if (r != null) {
          ranges.add(r);
        }
      }
      ranges.sort(Comparator.comparingInt((int[] r) -> r[0]).thenComparingInt(r -> -r[1]));
      for (int[] r : ranges) {
        probes.put(++probe, text.substring(r[0], r[1]));
        int length = r[1] - r[0];
        // outer ones open first and close last
        edits.add(new Edit(r[0], r[0], 1_000_000 + length, "freshetAssertValue(" + probe + ", "));
        edits.add(new Edit(r[1], r[1], -1_000_000 - length, ")"));
      }
      asserts.put(id, new Assertion(text.substring(whole[0], whole[1]), probes));
    }
    if (edits.isEmpty()) {
      return Instrumented.asWritten(path, text);
    }
    edits.sort(Comparator.comparingInt(Edit::start).thenComparing(Edit::order, Comparator.reverseOrder()));
    StringBuilder out = new StringBuilder();
    List<Integer> origin = new ArrayList<>(); // for each character written, the offset it comes from
    int from = 0;
    for (Edit e : edits) {
      for (int i = from; i < e.start(); i++) {
        out.append(text.charAt(i));
        origin.add(i);
      }
      out.append(e.text());
      for (int i = 0; i < e.text().length(); i++) {
        origin.add(e.start());
      }
      from = Math.max(from, e.end());
    }
    for (int i = from; i < text.length(); i++) {
      out.append(text.charAt(i));
      origin.add(i);
    }
    origin.add(text.length());
    return new Instrumented(path, out.toString(), asserts, text, origin.stream().mapToInt(Integer::intValue)
        .toArray());
  }

  /** Every {@code assert(cond[, msg])} call in the file, by a walk over the syntax tree's records. */
  private static void collect(Object node, List<Expr.Call> out) {
    if (node instanceof Expr.Call c && c.name().toLowerCase(Locale.ROOT).equals("assert")
        && (c.args().size() == 1 || c.args().size() == 2)) {
      out.add(c);
    }
    children(node).forEach(child -> collect(child, out));
  }

  /** The subexpressions worth showing: not literals (their value is on the line already). */
  private static void subexpressions(Expr e, List<Expr> out) {
    if (!(e instanceof Expr.Literal || e instanceof Expr.EmptyCollection || e instanceof Expr.TypedList
        || e instanceof Expr.InvokeUrl || e instanceof Expr.FormFetch || e instanceof Expr.FormInsert)) {
      out.add(e);
    }
    for (Object child : children(e)) {
      if (child instanceof Expr x && !(e instanceof Expr.InvokeUrl)) {
        subexpressions(x, out);
      } else if (child instanceof Expr.Entry entry) {
        subexpressions(entry.key(), out);
        subexpressions(entry.value(), out);
      }
    }
  }

  /**
   * Where an expression's text is, {@code [start, end)}: a node's own span is only its main token (an operator, a
   * method's name), so the extent takes in its operands, and a call runs to its closing parenthesis. Null when that
   * cannot be told for sure (the expression is then not shown).
   */
  private static int[] extent(Object node, String text) {
    int[] r = null;
    if (node instanceof Expr e && e.span() != null && e.span().end() > e.span().start()) {
      r = new int[] {e.span().start(), e.span().end()};
    }
    for (Object child : children(node)) {
      int[] c = child instanceof List<?> || child instanceof Expr || child instanceof Expr.Entry
          ? extent(child, text) : null;
      if (c != null) {
        r = r == null ? c : new int[] {Math.min(r[0], c[0]), Math.max(r[1], c[1])};
      }
    }
    if (r != null && (node instanceof Expr.Call || node instanceof Expr.QualifiedCall
        || node instanceof Expr.MethodCall)) {
      List<?> args = node instanceof Expr.Call c ? c.args() : node instanceof Expr.QualifiedCall q ? q.args()
          : ((Expr.MethodCall) node).args();
      int i = skipSpaces(text, r[1]);
      if (args.isEmpty()) {
        if (i >= text.length() || text.charAt(i) != '(') {
          return null;
        }
        i = skipSpaces(text, i + 1);
      }
      if (i >= text.length() || text.charAt(i) != ')') {
        return null;
      }
      r[1] = i + 1;
    }
    return r;
  }

  private static int skipSpaces(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static List<Object> children(Object node) {
    List<Object> out = new ArrayList<>();
    if (node instanceof List<?> l) {
      out.addAll(l);
    } else if (node != null && node.getClass().isRecord() && node.getClass().getPackageName().equals(
        "dev.freshet.ast")) {
      for (RecordComponent c : node.getClass().getRecordComponents()) {
        try {
          Object v = c.getAccessor().invoke(node);
          if (v instanceof List || (v != null && v.getClass().isRecord())) {
            out.add(v);
          }
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return out;
  }
}
