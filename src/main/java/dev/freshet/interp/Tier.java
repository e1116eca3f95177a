package dev.freshet.interp;

import dev.freshet.ast.FunctionDecl;
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

  private final Resolution resolution;
  private final BuiltinRegistry registry;
  private final Map<FunctionDecl, UserFunction> functions;

  Tier(Resolution resolution, BuiltinRegistry registry, Map<FunctionDecl, UserFunction> functions) {
    this.resolution = resolution;
    this.registry = registry;
    this.functions = functions;
  }

  /** The compiled body of {@code f}, or null when it uses something the compiled tier does not support. */
  CompiledCode compile(UserFunction f) {
    return FunctionCompiler.function(f.decl, f.frameSize, resolution, registry, functions::get);
  }

  /**
   * The policy named by the system property {@code freshet.compile}: {@code off}, {@code eager} (every function from
   * its first call: the test mode), or a number of calls; {@link #DEFAULT_CALLS} when unset.
   */
  static int fromProperty() {
    String p = System.getProperty("freshet.compile");
    if (p == null || p.isBlank()) {
      return DEFAULT_CALLS;
    }
    return switch (p.trim()) {
      case "off" -> OFF;
      case "eager" -> 0;
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
