package dev.freshet.interp;

import dev.freshet.ast.FunctionDecl;
import dev.freshet.ast.Script;
import dev.freshet.builtins.BuiltinRegistry;
import dev.freshet.check.Resolution;
import dev.freshet.compile.CompiledCode;
import dev.freshet.compile.FunctionCompiler;
import java.util.Map;

/**
 * The compiled tier as the tree-walker sees it (docs/performance.md, "The compiled tier"): a user function is
 * compiled to JVM bytecode once it has been called {@link #DEFAULT_CALLS} times in a run's policy, and from then on
 * every run of the script calls the compiled code. What the compiler does not support stays interpreted.
 */
final class Tier {
  /** Calls of a function before it is compiled, unless the engine says otherwise. */
  static final int DEFAULT_CALLS = 1000;
  /** The policy that never compiles. */
  static final int OFF = -1;
  /**
   * The test mode for loops: no function or top level is compiled, and every loop the tree-walker runs proves hot at
   * the start of its second iteration (or at its second entry), so each outermost loop goes through the switch in its
   * middle (see HotLoop).
   */
  static final int LOOPS = -2;
  /**
   * A loop is compiled after this many times the function threshold in iterations (1,000,000 by default): in a fresh
   * JVM the first compilation and the JVM's warming of the new code cost about what a loop of a million steps takes
   * in the tree-walker, so a shorter one gains nothing on its first run, and one that got that far is likely to go
   * on (FirstRunBench). Under Zoho's default limit of 200,000 statements no loop gets there.
   */
  static final int LOOP_FACTOR = 1000;

  private final Resolution resolution;
  private final BuiltinRegistry registry;
  private final Map<FunctionDecl, UserFunction> functions;
  private final Script script;
  private final Sources sources;
  /** The top level as bytecode once its runs have done enough work; published once, read by every run. */
  private volatile CompiledCode topLevel;
  private volatile boolean topLevelInterpreted;
  private final java.util.concurrent.atomic.AtomicBoolean claimed = new java.util.concurrent.atomic.AtomicBoolean();
  /** Statements the interpreted runs of the top level executed, functions included (racy: only a threshold). */
  private long statements;

  Tier(Resolution resolution, BuiltinRegistry registry, Map<FunctionDecl, UserFunction> functions, Script script,
      Sources sources) {
    this.resolution = resolution;
    this.registry = registry;
    this.functions = functions;
    this.script = script;
    this.sources = sources;
  }

  /**
   * The compiled top level for this run, or null to interpret it. A top level runs once per run, so it proves hot
   * by work rather than calls: it is compiled once its runs have executed {@code compileAfter × 100} statements in
   * all (100,000 by default), for the runs after that; at the first run when every function is compiled at once.
   */
  CompiledCode topLevel(Run run) {
    CompiledCode c = topLevel;
    if (c == null && !topLevelInterpreted && run.compileAfter >= 0 && statements >= run.compileAfter * 100L) {
      c = compileTopLevel();
    }
    return c;
  }

  /** Counts the statements an interpreted run executed. */
  void ran(Run run) {
    statements += run.statementsExecuted();
  }

  /** One thread compiles; the others interpret meanwhile (as for functions, see UserFunction). */
  private CompiledCode compileTopLevel() {
    if (!claimed.compareAndSet(false, true)) {
      return topLevel;
    }
    CompiledCode c = FunctionCompiler.topLevel(script.statements(), resolution.frameSize(script), resolution,
        registry, functions::get, sources.of(null));
    topLevelInterpreted = c == null;
    topLevel = c;
    return c;
  }

  /** The compiled body of {@code f}, or null when it uses something the compiled tier does not support. */
  CompiledCode compile(UserFunction f) {
    return FunctionCompiler.function(f.decl, f.frameSize, resolution, registry, functions::get, sources.of(f.decl));
  }

  /** The compiled code of a loop in {@code function} (null: the top level), or null when it is not supported. */
  dev.freshet.compile.LoopCode compile(dev.freshet.ast.Stmt.ForEach loop, FunctionDecl function, int frameSize) {
    return dev.freshet.compile.LoopCompiler.loop(loop, function, frameSize, resolution, registry, functions::get,
        sources.of(function));
  }

  /**
   * The policy named by the system property {@code freshet.compile}: {@code off}, {@code eager} (every function from
   * its first call: the test mode), {@code loops} ({@link #LOOPS}), or a number of calls; {@link #DEFAULT_CALLS}
   * when unset.
   */
  static int fromProperty() {
    String p = System.getProperty("freshet.compile");
    if (p == null || p.isBlank()) {
      return DEFAULT_CALLS;
    }
    return switch (p.trim()) {
      case "off" -> OFF;
      case "eager" -> 0;
      case "loops" -> LOOPS;
      default -> {
        try {
          yield Math.max(0, Integer.parseInt(p.trim()));
        } catch (NumberFormatException e) {
          yield DEFAULT_CALLS;
        }
      }
    };
  }
}
