package dev.freshet.api;

import dev.freshet.http.InvokeUrlTask;
import dev.freshet.interp.Interpreter;
import dev.freshet.interp.Program;
import dev.freshet.interp.Run;
import dev.freshet.parse.Parser;
import dev.freshet.parse.SyntaxError;
import dev.freshet.runtime.Env;
import dev.freshet.runtime.LimitError;
import dev.freshet.runtime.ScriptError;
import dev.freshet.source.Diagnostic;
import dev.freshet.source.SourceFile;
import dev.freshet.source.Span;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;

/** A parsed and checked script, ready to run many times. */
public final class Script {
  private final Engine engine;
  private final SourceFile source;
  private final Program program;
  private final List<String> variables;

  private Script(Engine engine, SourceFile source, Program program, List<String> variables) {
    this.engine = engine;
    this.source = source;
    this.program = program;
    this.variables = variables;
  }

  static Script compile(Engine engine, String name, String text, List<String> variables) {
    SourceFile source = new SourceFile(name, text);
    Interpreter.Compiled compiled;
    try {
      compiled = dev.freshet.source.DeepStack.call(() -> Interpreter.compile(source, engine.registry, variables));
    } catch (SyntaxError e) {
      throw new CompileException(e.diagnostics());
    } catch (StackOverflowError e) {
      throw new CompileException(List.of(new Diagnostic(Diagnostic.Kind.ERROR,
          "the script is nested too deeply to parse", source, new Span(1, 1, 0, 0))));
    }
    if (!compiled.ok()) {
      throw new CompileException(compiled.diagnostics());
    }
    return new Script(engine, source, compiled.program(), List.copyOf(variables));
  }

  static void parseOnly(String name, String text) {
    SourceFile source = new SourceFile(name, text);
    try {
      Parser.parseScript(source);
    } catch (SyntaxError e) {
      throw new CompileException(e.diagnostics());
    } catch (StackOverflowError e) {
      throw new CompileException(List.of(new Diagnostic(Diagnostic.Kind.ERROR,
          "the script is nested too deeply to parse", source, new Span(1, 1, 0, 0))));
    }
  }

  public String name() {
    return source.name();
  }

  public boolean hasTopLevelStatements() {
    return program.hasTopLevelStatements();
  }

  public List<String> functionNames() {
    return program.functionNames();
  }

  /**
   * Runs the top-level statements with the given variables (their names must have been given to
   * {@link Engine#compile}; missing ones are NULL). Values must be Deluge values (see the runtime package).
   *
   * @throws RunException when the script fails
   */
  public Result run(Map<String, ?> bindings) {
    List<Object> values = new ArrayList<>();
    for (String v : variables) {
      values.add(bindings.get(v));
    }
    Run run = newRun();
    Object value = guarded(() -> program.run(run, values));
    return new Result(value, run.statementsExecuted());
  }

  /** Calls one user function by name with arguments by parameter name. */
  public Result call(String function, Map<String, ?> arguments) {
    Program.FunctionInfo f = findFunction(function)
        .orElseThrow(() -> new IllegalArgumentException("no function named " + function));
    Object[] args = f.parameterNames().stream().map(arguments::get).toArray();
    Run run = newRun();
    Object value = guarded(() -> f.call(run, args));
    return new Result(value, run.statementsExecuted());
  }

  public Optional<Program.FunctionInfo> findFunction(String name) {
    return program.function(name);
  }

  private Run newRun() {
    Clock clock = engine.clock == null ? Clock.system(engine.zone) : engine.clock;
    RandomGenerator random = engine.seed == null ? new Random() : new Random(engine.seed);
    ZoneId zone = engine.zone;
    Env env = new Env() {
      @Override
      public ZoneId zone() {
        return zone;
      }

      @Override
      public Instant now() {
        return clock.instant();
      }

      @Override
      public RandomGenerator random() {
        return random;
      }

      @Override
      public Object invokeUrl(Map<String, Object> params) {
        return new InvokeUrlTask(engine.transport(), engine.httpOptions).run(params);
      }
    };
    return new Run(engine.output, env, engine.limits);
  }

  private Object guarded(java.util.function.Supplier<Object> body) {
    try {
      return body.get();
    } catch (ScriptError e) {
      throw new RunException(diagnostic(e), e instanceof LimitError);
    } catch (StackOverflowError e) {
      throw new RunException(new Diagnostic(Diagnostic.Kind.RUNTIME_ERROR,
          "the script nested too deeply (stack overflow)", source, null), true);
    }
  }

  private Diagnostic diagnostic(ScriptError e) {
    List<String> notes = new ArrayList<>();
    List<String> calls = e.calls();
    for (int i = 0; i < calls.size(); i++) {
      String call = calls.get(i);
      int at = call.lastIndexOf('@');
      notes.add("in " + call.substring(0, at) + ", called from " + source.name() + ":" + call.substring(at + 1));
      int same = 0;
      while (i + 1 < calls.size() && calls.get(i + 1).equals(call)) {
        i++;
        same++;
      }
      if (same > 0) {
        notes.add("(the same call " + same + " more time" + (same == 1 ? "" : "s") + ")");
      }
    }
    return new Diagnostic(Diagnostic.Kind.RUNTIME_ERROR, e.getMessage(), source, e.span(), notes);
  }
}
