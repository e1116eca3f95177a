package dev.freshet.api;

import dev.freshet.interp.Interpreter;
import dev.freshet.interp.Program;
import dev.freshet.interp.Run;
import dev.freshet.parse.ParseCache;
import dev.freshet.parse.Parser;
import dev.freshet.parse.SyntaxError;
import dev.freshet.runtime.LimitError;
import dev.freshet.runtime.ScriptError;
import dev.freshet.source.DeepStack;
import dev.freshet.source.Diagnostic;
import dev.freshet.source.SourceFile;
import dev.freshet.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A parsed and checked script, ready to run any number of times, from any number of threads at once: each run has its
 * own variables, limit counters and random source. Bindings are Java values (see {@link #run(Map)}).
 */
public final class Script {
  private final Engine engine;
  private final SourceFile source;
  private final Program program;
  /** The names whose values come from the bindings, in slot order. */
  private final List<String> variables;
  /** Free variables (bindings every run must give) with the diagnostic of their first use; empty when declared. */
  private final Map<String, Diagnostic> free;

  private Script(Engine engine, SourceFile source, Program program, List<String> variables,
      Map<String, Diagnostic> free) {
    this.engine = engine;
    this.source = source;
    this.program = program;
    this.variables = List.copyOf(variables);
    this.free = Map.copyOf(free);
  }

  /** {@code closed}: only {@code declared} may be read unassigned; otherwise unassigned names become free variables. */
  static Script compile(Engine engine, String name, String text, List<String> declared, boolean closed) {
    SourceFile source = new SourceFile(Objects.requireNonNull(name, "name"), Objects.requireNonNull(text, "text"));
    return compile(engine, source, parse(source, engine.parseCache, null), declared, closed);
  }

  /** Checks as {@link #compile} does with {@code closed}; returns the warnings of a script that passes. */
  static List<Diagnostic> check(Engine engine, String name, String text, boolean syntaxOnly) {
    SourceFile source = new SourceFile(Objects.requireNonNull(name, "name"), Objects.requireNonNull(text, "text"));
    List<Diagnostic> warnings = new ArrayList<>();
    dev.freshet.ast.Script ast = parse(source, null, warnings);
    if (!syntaxOnly) {
      compile(engine, source, ast, List.of(), true);
    }
    return List.copyOf(warnings);
  }

  private static Script compile(Engine engine, SourceFile source, dev.freshet.ast.Script ast, List<String> declared,
      boolean closed) {
    Interpreter.Compiled compiled = compile(source, ast, engine, declared);
    Map<String, Diagnostic> free = Map.of();
    List<String> variables = declared;
    if (!compiled.ok() && !closed) {
      FreeVariables.Split split = FreeVariables.split(ast, compiled.diagnostics());
      if (!split.errors().isEmpty()) {
        throw new CompileException(split.errors());
      }
      free = split.free();
      variables = new ArrayList<>(declared);
      variables.addAll(free.keySet());
      compiled = compile(source, ast, engine, variables);
    }
    if (!compiled.ok()) {
      throw new CompileException(compiled.diagnostics());
    }
    return new Script(engine, source, compiled.program(), variables, new java.util.LinkedHashMap<>(free));
  }

  private static Interpreter.Compiled compile(SourceFile source, dev.freshet.ast.Script ast, Engine engine,
      List<String> variables) {
    try {
      return Interpreter.compile(ast, engine.registry(), variables);
    } catch (StackOverflowError e) { // again on a big stack; the lambda only here, see Main.main
      try {
        return DeepStack.onBigStack(() -> Interpreter.compile(ast, engine.registry(), variables));
      } catch (StackOverflowError again) {
        throw tooDeep(source);
      }
    }
  }

  /** {@code warnings}, when not null, receives the parser's warnings (never kept with a cached parse). */
  private static dev.freshet.ast.Script parse(SourceFile source, ParseCache cache, List<Diagnostic> warnings) {
    try {
      return warnings != null ? Parser.parseScript(source, warnings)
          : cache == null ? Parser.parseScript(source) : cache.parse(source);
    } catch (SyntaxError e) {
      throw new CompileException(e.diagnostics());
    } catch (StackOverflowError e) {
      throw tooDeep(source);
    }
  }

  private static CompileException tooDeep(SourceFile source) {
    return new CompileException(List.of(new Diagnostic(Diagnostic.Kind.ERROR,
        "the script is nested too deeply to parse", source, new Span(1, 1, 0, 0))));
  }

  /** The name given to {@link Engine#compile}, as used in messages. */
  public String name() {
    return source.name();
  }

  /**
   * The names the top-level statements read before assigning them, in order of first use: every run must bind each
   * of them. Empty for a script compiled with declared variables.
   */
  public List<String> freeVariables() {
    return variables.stream().filter(free::containsKey).toList();
  }

  /** Whether the script has statements outside functions (a file copied out of Zoho often holds one function). */
  public boolean hasTopLevelStatements() {
    return program.hasTopLevelStatements();
  }

  /** The user functions the script defines, in source order. */
  public List<String> functionNames() {
    return program.functionNames();
  }

  /**
   * Runs the top-level statements on this thread and returns the value of a top-level {@code return} (or null).
   * {@code info} lines go to the engine's output.
   *
   * <p>Each binding is a Java value: String; Long, Integer, Short, Byte or BigInteger (NUMBER); BigDecimal, Double or
   * Float (DECIMAL); Boolean; LocalDate (a date), LocalDateTime (a date-time), or ZonedDateTime, OffsetDateTime,
   * Instant or Date (a date-time at that instant in the engine's zone); a List or array (LIST); a Map (MAP); or
   * null. Values are converted deeply and copied, so the script never changes the host's collections. A value from
   * an earlier {@link Result#value()} may be passed as it is. Bindings the script does not read are ignored.
   *
   * @throws RunException when the script fails, or a free variable has no binding
   * @throws LimitExceededException when it passes an execution limit
   * @throws IllegalArgumentException when a binding has no Deluge form
   */
  public Result run(Map<String, ?> bindings) {
    return run(bindings, engine.output);
  }

  /** As {@link #run(Map)}, with this run's {@code info} lines sent to {@code output} instead of the engine's. */
  public Result run(Map<String, ?> bindings, Consumer<String> output) {
    List<Object> values = values(bindings);
    Run run = engine.newRun(Objects.requireNonNull(output));
    try { // not execute(run, () -> …): see Main.main
      return new Result(program.run(run, values), run.statementsExecuted());
    } catch (ScriptError | StackOverflowError e) {
      throw failure(e, false);
    }
  }

  /**
   * Starts a run on a new thread and returns at once; {@link Execution#cancel()} stops it from any thread.
   * Bindings are converted (and missing free variables reported) before this returns.
   */
  public Execution start(Map<String, ?> bindings) {
    return start(bindings, engine.output, task -> {
      Thread t = new Thread(task, "freshet " + name());
      t.setDaemon(true);
      t.start();
    });
  }

  /** As {@link #start(Map)}, sending {@code info} lines to {@code output} and running on {@code executor}. */
  public Execution start(Map<String, ?> bindings, Consumer<String> output, Executor executor) {
    List<Object> values = values(bindings);
    Objects.requireNonNull(output);
    Execution execution = new Execution(this);
    executor.execute(() -> execution.runHere(() -> engine.newRun(output),
        run -> execute(run, () -> program.run(run, values), execution::isCancelled)));
    return execution;
  }

  /**
   * Calls one user function by name with arguments by parameter name (converted as bindings are; a missing one is
   * NULL) and returns its return value. The top-level statements do not run.
   *
   * @throws IllegalArgumentException when there is no such function
   * @throws RunException when the function fails
   */
  public Result call(String function, Map<String, ?> arguments) {
    Program.FunctionInfo f = findFunction(function)
        .orElseThrow(() -> new IllegalArgumentException("no function named " + function + " in " + name()));
    Object[] args = new Object[f.parameterNames().size()];
    for (int i = 0; i < args.length; i++) {
      String p = f.parameterNames().get(i);
      args[i] = Conversions.toDeluge(arguments.get(p), engine.zone(), "argument '" + p + "'");
    }
    Run run = engine.newRun(engine.output);
    return execute(run, () -> f.call(run, args), () -> false);
  }

  /** A user function by name (case-insensitive; {@code automation.updateLead} or {@code updateLead}). */
  public Optional<Program.FunctionInfo> findFunction(String name) {
    return program.function(name);
  }

  /** The bindings as Deluge values in slot order; a missing free variable fails here, before anything runs. */
  private List<Object> values(Map<String, ?> bindings) {
    Objects.requireNonNull(bindings, "bindings");
    List<Object> values = new ArrayList<>(variables.size());
    for (String v : variables) {
      Diagnostic firstUse = free.get(v);
      if (firstUse != null && !bindings.containsKey(v)) {
        throw new RunException(new Diagnostic(Diagnostic.Kind.RUNTIME_ERROR, firstUse.message()
            + " (no binding named '" + v + "' was given)", source, firstUse.span()));
      }
      values.add(Conversions.toDeluge(bindings.get(v), engine.zone(), "binding '" + v + "'"));
    }
    return values;
  }

  /** Runs {@code body} and turns the ways a script stops into the public exceptions. */
  private Result execute(Run run, Supplier<Object> body, BooleanSupplier cancelled) {
    try {
      return new Result(body.get(), run.statementsExecuted());
    } catch (ScriptError | StackOverflowError e) {
      throw failure(e, e instanceof LimitError && cancelled.getAsBoolean());
    }
  }

  /** The public exception for a way a script stops: a script error, a limit (or a cancel), a stack overflow. */
  private RuntimeException failure(Throwable e, boolean cancelled) {
    if (e instanceof LimitError limit) {
      return cancelled ? new CancelledException(diagnostic(limit)) : new LimitExceededException(diagnostic(limit));
    }
    if (e instanceof ScriptError error) {
      return RunException.of(error, diagnostic(error));
    }
    return new LimitExceededException(new Diagnostic(Diagnostic.Kind.RUNTIME_ERROR,
        "the script nested too deeply (stack overflow)", source, null));
  }

  CancelledException cancelledBeforeStart() {
    return new CancelledException(new Diagnostic(Diagnostic.Kind.RUNTIME_ERROR,
        "execution was cancelled before it started", source, null));
  }

  private Diagnostic diagnostic(ScriptError e) {
    List<String> notes = CallChain.notes(e.calls(), i -> source.name());
    return new Diagnostic(Diagnostic.Kind.RUNTIME_ERROR, e.getMessage(), source, e.span(), notes);
  }
}
