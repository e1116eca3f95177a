package dev.freshet.api;

import dev.freshet.ast.Expr;
import dev.freshet.ast.FunctionDecl;
import dev.freshet.ast.Script;
import dev.freshet.ast.Stmt;
import dev.freshet.builtins.Builtin;
import dev.freshet.interp.Interpreter;
import dev.freshet.interp.Run;
import dev.freshet.parse.Parser;
import dev.freshet.parse.SyntaxError;
import dev.freshet.runtime.LimitError;
import dev.freshet.runtime.ScriptError;
import dev.freshet.source.DeepStack;
import dev.freshet.source.Diagnostic;
import dev.freshet.source.SourceFile;
import dev.freshet.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Entries run one after another against the same variables and functions, as in the REPL: an entry is statements and
 * function definitions, optionally ending in a bare expression whose value is handed back.
 *
 * <p>Each entry is checked against the variables and functions of the entries before it, then run with their current
 * values. A function defined again replaces the old one; earlier functions whose calls no longer fit it are reported
 * as warnings and fail when called until they are defined again. An entry that does not parse or check changes
 * nothing; one that fails while running keeps what it did before the error (its assignments and function
 * definitions).
 *
 * <p>A session is not thread-safe: run one entry at a time. {@link #cancel()} may be called from another thread.
 */
public final class Session {
  /** Holds the value of an entry's trailing expression; no Deluge variable can have this name. */
  private static final String VALUE = "<value>";

  private final Engine engine;
  private final Map<String, Object> variables = new LinkedHashMap<>();
  /** By lower-case name, as calls find them; each with the entry it came from, to render errors inside it. */
  private final Map<String, Defined> functions = new LinkedHashMap<>();
  /** One for the whole session, so one random sequence runs through all its entries. */
  private EngineEnv env;
  private volatile Run running;
  private volatile boolean cancelled;

  /**
   * A function as written, the entry it came from, and why it must be defined again when a redefinition broke its
   * calls (null while it is fine).
   */
  private record Defined(FunctionDecl decl, SourceFile source, String stale) {
    Defined(FunctionDecl decl, SourceFile source) {
      this(decl, source, null);
    }

    /** What runs: the function as written, or a body that fails with the reason it is stale. */
    FunctionDecl compiled() {
      if (stale == null) {
        return decl;
      }
      Expr message = new Expr.Literal(Expr.LiteralKind.TEXT, stale, decl.span());
      return new FunctionDecl(decl.returnType(), decl.qualifiedName(), decl.name(), decl.params(),
          List.of(new Stmt.Throw(message, decl.span())), decl.span());
    }
  }

  /** A new, empty session whose entries run with the engine's output, clock, limits and transport. */
  public Session(Engine engine) {
    this.engine = engine;
    reset();
  }

  /**
   * What an entry produced: the value of its trailing expression when it ended in one ({@code isExpression} is false
   * for a call of a {@code void} function, which has no value to show), the names of the functions it
   * defined, and warnings: calls in earlier functions that a redefinition broke (those functions then fail when
   * called, until they are defined again).
   */
  public record Outcome(boolean isExpression, Object value, List<String> functionsDefined,
      List<Diagnostic> warnings) {}

  /** How far a piece of input goes, so a REPL knows whether to run it or read another line. */
  public enum Completeness {
    /** A whole entry (or one with a syntax error that more input cannot fix): run it. */
    COMPLETE,
    /** It stops inside an open block, map, invokeurl task, text or comment: read more. */
    INCOMPLETE,
    /** It ends with an {@code if} block without {@code else}, which an {@code else} on the next line would continue. */
    OPEN_IF
  }

  /** Decides from the parser whether {@code text} is a whole entry. */
  public static Completeness completeness(String text) {
    Parser.ReplInput input;
    try {
      input = Parser.parseReplInput(new SourceFile("<input>", text));
    } catch (SyntaxError e) {
      return e.incomplete() ? Completeness.INCOMPLETE : Completeness.COMPLETE;
    }
    if (input.expression() != null) {
      return Completeness.COMPLETE;
    }
    Object last = null;
    int lastStart = -1;
    for (Stmt s : input.script().statements()) {
      if (s.span().start() > lastStart) {
        last = s;
        lastStart = s.span().start();
      }
    }
    for (FunctionDecl f : input.script().functions()) {
      if (f.span().start() > lastStart) {
        last = f;
        lastStart = f.span().start();
      }
    }
    return last instanceof Stmt.If i && i.otherwise() == null ? Completeness.OPEN_IF : Completeness.COMPLETE;
  }

  /**
   * Parses, checks and runs one entry. {@code name} names it in error messages ({@code <input>}, or a file name).
   *
   * @throws CompileException when it does not parse or check; nothing ran and nothing changed
   * @throws RunException when it fails while running: a {@link LimitExceededException} past a limit, a
   *     {@link CancelledException} after {@link #cancel()}
   */
  public Outcome eval(String name, String text) {
    SourceFile source = new SourceFile(name, text);
    Parser.ReplInput input;
    try {
      input = Parser.parseReplInput(source);
    } catch (SyntaxError e) {
      throw new CompileException(e.diagnostics());
    }
    List<Stmt> statements = new ArrayList<>(input.script().statements());
    Expr expression = input.expression();
    if (expression != null) {
      statements.add(new Stmt.Assign(VALUE, Stmt.AssignOp.SET, expression, expression.span()));
    }
    List<FunctionDecl> own = input.script().functions();
    Map<String, Defined> after = new LinkedHashMap<>(functions);
    for (FunctionDecl f : own) {
      after.put(key(f.name()), new Defined(f, source));
    }
    List<String> predefined = List.copyOf(variables.keySet());
    // the entry with the earlier functions as bare signatures: every problem found here is in this entry
    List<FunctionDecl> signatures = new ArrayList<>(own);
    for (Defined d : after.values()) {
      if (d.source != source) {
        signatures.add(signature(d.decl));
      }
    }
    Interpreter.Compiled alone = compile(new Script(source, signatures, statements), predefined);
    if (!alone.ok()) {
      throw new CompileException(alone.diagnostics());
    }
    // with the earlier bodies as written: only a redefinition that breaks an earlier function's calls fails here
    List<Diagnostic> warnings = List.of();
    Interpreter.Compiled compiled = compile(new Script(source, written(after), statements), predefined, origins(after));
    if (compiled.ok()) {
      after.replaceAll((k, d) -> d.stale == null ? d : new Defined(d.decl, d.source)); // their calls fit again
    } else {
      warnings = staleCallers(after, source);
      compiled = compile(new Script(source, after.values().stream().map(Defined::compiled).toList(), statements),
          predefined, origins(after));
      if (!compiled.ok()) {
        throw new CompileException(compiled.diagnostics());
      }
    }
    functions.clear();
    functions.putAll(after);
    List<Object> values = new ArrayList<>(variables.values());
    Map<String, Object> kept = new LinkedHashMap<>();
    Run run = new Run(engine.output, env, engine.limits).compileAfter(engine.compileAfter);
    cancelled = false;
    running = run;
    try {
      compiled.program().runAndKeep(run, values, kept);
    } catch (LimitError e) {
      keep(kept, false);
      throw cancelled ? new CancelledException(runtimeDiagnostic(e, source))
          : new LimitExceededException(runtimeDiagnostic(e, source));
    } catch (ScriptError e) {
      keep(kept, false);
      throw RunException.of(e, runtimeDiagnostic(e, source));
    } catch (StackOverflowError e) {
      keep(kept, false);
      throw new LimitExceededException(new Diagnostic(Diagnostic.Kind.RUNTIME_ERROR,
          "the script nested too deeply (stack overflow)", source, null));
    } finally {
      running = null;
    }
    keep(kept, true);
    boolean shown = expression != null && !(kept.get(VALUE) == null && isVoidCall(expression));
    return new Outcome(shown, kept.get(VALUE), own.stream().map(FunctionDecl::name).toList(),
        warnings);
  }

  /** The variables and their current values, in the order they were first assigned. */
  public Map<String, Object> variables() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(variables));
  }

  /** The defined functions' names, in the order they were first defined. */
  public List<String> functionNames() {
    return functions.values().stream().map(d -> d.decl.name()).toList();
  }

  /** The defined functions as declared, e.g. {@code int automation.add(int a, int b)}. */
  public List<String> functionSignatures() {
    List<String> out = new ArrayList<>();
    for (Defined d : functions.values()) {
      List<String> params = d.decl.params().stream().map(p -> p.type() + " " + p.name()).toList();
      out.add(d.decl.returnType() + " " + d.decl.qualifiedName() + "(" + String.join(", ", params) + ")");
    }
    return out;
  }

  /** Forgets every variable and function, and restarts a seeded random sequence. */
  public void reset() {
    variables.clear();
    functions.clear();
    env = new EngineEnv(engine);
  }

  /**
   * Asks the entry running now (if any) to stop at its next statement: it fails with a {@link CancelledException},
   * keeping what it did until then.
   */
  public void cancel() {
    Run r = running;
    if (r != null) {
      cancelled = true;
      r.cancel();
    }
  }

  private Interpreter.Compiled compile(Script script, List<String> predefined) {
    return compile(script, predefined, Map.of());
  }

  /** {@code origins}: each function's entry by lower-case name, so a task knows the file it is written in. */
  private Interpreter.Compiled compile(Script script, List<String> predefined, Map<String, String> origins) {
    try {
      return DeepStack.call(() -> Interpreter.compile(script, engine.registry(), predefined, origins));
    } catch (StackOverflowError e) {
      throw new CompileException(List.of(new Diagnostic(Diagnostic.Kind.ERROR,
          "the script is nested too deeply to check", script.source(), new Span(1, 1, 0, 0))));
    }
  }

  /** Assigned variables carry over; after a failure, a new variable the entry never reached is not kept. */
  private void keep(Map<String, Object> kept, boolean finished) {
    for (Map.Entry<String, Object> e : kept.entrySet()) {
      if (!e.getKey().equals(VALUE) && (finished || e.getValue() != null || variables.containsKey(e.getKey()))) {
        variables.put(e.getKey(), e.getValue());
      }
    }
  }

  /** A call of a function that returns nothing ({@code void}): a REPL shows no value for it. */
  private boolean isVoidCall(Expr e) {
    String name;
    if (e instanceof Expr.Call c) {
      Defined d = functions.get(key(c.name()));
      if (d != null) {
        return d.decl.returnType().equalsIgnoreCase("void");
      }
      name = c.name();
    } else if (e instanceof Expr.MethodCall m) {
      name = m.name();
    } else {
      return false;
    }
    List<Builtin> overloads = engine.registry().lookup(name);
    return !overloads.isEmpty() && overloads.stream().allMatch(b -> b.returns().equals("void"));
  }

  private static FunctionDecl signature(FunctionDecl f) {
    return new FunctionDecl(f.returnType(), f.qualifiedName(), f.name(), f.params(), List.of(), f.span());
  }

  private static Map<String, String> origins(Map<String, Defined> fs) {
    Map<String, String> out = new java.util.HashMap<>();
    fs.forEach((key, d) -> out.put(key, d.source.name()));
    return out;
  }

  private static List<FunctionDecl> written(Map<String, Defined> fs) {
    return fs.values().stream().map(Defined::decl).toList();
  }

  /**
   * Marks the earlier functions whose calls no longer fit as stale, and the stale ones whose calls fit again as fine.
   * Each is checked on its own, so that a problem is shown in its own entry's text; one that newly became stale is
   * returned as a warning.
   */
  private List<Diagnostic> staleCallers(Map<String, Defined> after, SourceFile entry) {
    List<Diagnostic> found = new ArrayList<>();
    for (Map.Entry<String, Defined> e : after.entrySet()) {
      Defined d = e.getValue();
      if (d.source == entry) {
        continue;
      }
      List<FunctionDecl> fs = new ArrayList<>(List.of(d.decl));
      after.values().stream().filter(o -> o != d).forEach(o -> fs.add(signature(o.decl)));
      List<Diagnostic> problems = compile(new Script(d.source, fs, List.of()), List.of()).diagnostics();
      String name = d.decl.name();
      if (problems.isEmpty()) {
        e.setValue(new Defined(d.decl, d.source));
        continue;
      }
      if (d.stale == null) {
        for (Diagnostic x : problems) {
          found.add(new Diagnostic(x.kind(), x.message(), x.source(), x.span(), List.of("so " + name + "(), defined"
              + " earlier, fails when called until it is defined again")));
        }
      }
      e.setValue(new Defined(d.decl, d.source, name + "() must be defined again: " + problems.get(0).message()));
    }
    return List.copyOf(found);
  }

  /**
   * The error shown in the text of the entry it happened in: the innermost user function's entry, or this one. The
   * notes list the calls it passed through, innermost first, each in its caller's entry.
   */
  private Diagnostic runtimeDiagnostic(ScriptError e, SourceFile entry) {
    List<String> calls = e.calls();
    List<String> notes = CallChain.notes(calls,
        i -> (i + 1 < calls.size() ? sourceOf(calls.get(i + 1), entry) : entry).name());
    SourceFile where = calls.isEmpty() ? entry : sourceOf(calls.get(0), entry);
    return new Diagnostic(Diagnostic.Kind.RUNTIME_ERROR, e.getMessage(), where, e.span(), notes);
  }

  /** The entry that defined the function of a {@code name()@line:col} call record. */
  private SourceFile sourceOf(String call, SourceFile entry) {
    Defined d = functions.get(key(call.substring(0, call.lastIndexOf("()@"))));
    return d == null ? entry : d.source;
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
