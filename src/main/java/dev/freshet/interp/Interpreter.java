package dev.freshet.interp;

import dev.freshet.ast.Script;
import dev.freshet.builtins.Builtin;
import dev.freshet.builtins.BuiltinRegistry;
import dev.freshet.check.KnownNames;
import dev.freshet.check.Resolver;
import dev.freshet.parse.Parser;
import dev.freshet.source.Diagnostic;
import dev.freshet.source.SourceFile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Parse → check → compile, in one call. */
public final class Interpreter {
  private Interpreter() {}

  /** The outcome of compiling: a program, or the diagnostics that stop it. */
  public record Compiled(Program program, List<Diagnostic> diagnostics) {
    public boolean ok() {
      return diagnostics.isEmpty();
    }
  }

  /** Parses, checks and compiles. Parse errors throw {@link dev.freshet.parse.SyntaxError}. */
  public static Compiled compile(SourceFile source, BuiltinRegistry registry, Collection<String> predefined) {
    Script script = Parser.parseScript(source);
    return compile(script, registry, predefined);
  }

  public static Compiled compile(Script script, BuiltinRegistry registry, Collection<String> predefined) {
    return compile(script, registry, predefined, Map.of());
  }

  /**
   * As {@link #compile(Script, BuiltinRegistry, Collection)}; {@code sources} names the source of each function not
   * written in the script itself, by lower-case name (a session's earlier entries), for the positions tasks are given.
   */
  public static Compiled compile(Script script, BuiltinRegistry registry, Collection<String> predefined,
      Map<String, String> sources) {
    Resolver.Result checked = Resolver.resolve(script, knownNames(registry), predefined);
    if (!checked.diagnostics().isEmpty()) {
      return new Compiled(null, sorted(checked.diagnostics()));
    }
    Compiler compiler = new Compiler(script, checked.resolution(), registry, Sources.of(script, sources));
    Program program = compiler.compile();
    return new Compiled(program, compiler.diagnostics);
  }

  private static List<Diagnostic> sorted(List<Diagnostic> ds) {
    List<Diagnostic> out = new ArrayList<>(ds);
    out.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line())
        : Integer.compare(a.column(), b.column()));
    return out;
  }

  static KnownNames knownNames(BuiltinRegistry registry) {
    return new KnownNames() {
      @Override
      public boolean isFunction(String name) {
        return registry.lookup(name).stream().anyMatch(Builtin::global) || Unavailable.isKnownFunction(name);
      }

      @Override
      public boolean isMethod(String name) {
        return registry.lookup(name).stream().anyMatch(Builtin::method);
      }

      @Override
      public boolean isSystemValue(String name) {
        return registry.systemValue(name) != null;
      }

      @Override
      public String absent(String name) {
        return Unavailable.absent(name);
      }

      @Override
      public String arityProblem(String name, int argc) {
        List<Builtin> overloads = registry.lookup(name);
        if (overloads.isEmpty() || overloads.stream().anyMatch(b -> !b.global() || b.method()
            || (argc >= b.minArgs() && argc <= b.maxArgs()))) {
          return null;
        }
        Builtin b = overloads.get(0);
        String takes = b.minArgs() == b.maxArgs() ? String.valueOf(b.minArgs())
            : b.maxArgs() == Integer.MAX_VALUE ? "at least " + b.minArgs() : b.minArgs() + " to " + b.maxArgs();
        return b.name() + " takes " + takes + " argument" + (b.maxArgs() == 1 ? "" : "s") + " but " + argc
            + (argc == 1 ? " was" : " were") + " given: " + b.signature();
      }
    };
  }
}
