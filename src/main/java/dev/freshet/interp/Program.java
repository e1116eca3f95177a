package dev.freshet.interp;

import dev.freshet.ast.Script;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.TextBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A compiled script: its functions and top-level statements, ready to run any number of times. */
public final class Program {
  private final Script script;
  private final List<UserFunction> functions;
  private final Exec[] topLevel;
  private final int frameSize;
  private final Map<String, Integer> topLevelSlots;
  private final Tier tier;

  Program(Script script, List<UserFunction> functions, Exec[] topLevel, int frameSize,
      Map<String, Integer> topLevelSlots, Tier tier) {
    this.tier = tier;
    this.script = script;
    this.functions = functions;
    this.topLevel = topLevel;
    this.frameSize = frameSize;
    this.topLevelSlots = Map.copyOf(topLevelSlots);
  }

  public Script script() {
    return script;
  }

  public boolean hasTopLevelStatements() {
    return topLevel.length > 0;
  }

  public List<String> functionNames() {
    return functions.stream().map(UserFunction::name).toList();
  }

  /** Top-level variables and their slots; predefined names come first, in the order given when compiling. */
  public Map<String, Integer> variables() {
    return topLevelSlots;
  }

  /**
   * Runs the top-level statements with the predefined variables set to {@code predefined} (in the order their names
   * were given when compiling). Returns the value of a top-level {@code return}, or null.
   */
  public Object run(Run run, List<Object> predefined) {
    dev.freshet.compile.CompiledCode compiled = tier.topLevel(run);
    if (compiled != null) {
      Object[] slots = new Object[frameSize];
      for (int i = 0; i < predefined.size(); i++) {
        slots[i] = predefined.get(i);
      }
      return compiled.run(run, 0, slots);
    }
    Frame frame = new Frame(frameSize, run);
    for (int i = 0; i < predefined.size(); i++) {
      frame.set(i, predefined.get(i));
    }
    try {
      return runFrame(frame);
    } finally {
      tier.ran(run);
    }
  }

  /**
   * Runs the top level as {@link #run} does, then puts every top-level variable's final value into {@code kept}, by
   * name in slot order, also when the run fails: a REPL session carries the variables into its next entry.
   */
  public Object runAndKeep(Run run, List<Object> predefined, Map<String, Object> kept) {
    Frame frame = new Frame(frameSize, run);
    for (int i = 0; i < predefined.size(); i++) {
      frame.set(i, predefined.get(i));
    }
    try {
      return runFrame(frame);
    } finally {
      topLevelSlots.entrySet().stream().sorted(Map.Entry.comparingByValue())
          .forEach(e -> kept.put(e.getKey(), Unboxed.read(frame.get(e.getValue()))));
    }
  }

  private Object runFrame(Frame frame) {
    int done = Exec.runAll(topLevel, frame);
    if (done == Exec.BREAK || done == Exec.CONTINUE) {
      throw new IllegalStateException("break/continue escaped a loop; the resolver should have rejected it");
    }
    return done == Exec.RETURN ? frame.returned : null;
  }

  public Optional<FunctionInfo> function(String name) {
    return functions.stream().filter(f -> f.name().equalsIgnoreCase(name)
        || f.decl.qualifiedName().equalsIgnoreCase(name)).findFirst().map(FunctionInfo::new);
  }

  /** A user function as the host sees it: name, parameter names, and a way to call it. */
  public static final class FunctionInfo {
    private final UserFunction function;

    FunctionInfo(UserFunction function) {
      this.function = function;
    }

    public String name() {
      return function.name();
    }

    public List<String> parameterNames() {
      return function.decl.params().stream().map(p -> p.name()).toList();
    }

    /** Whether the parameter is declared as text ({@code string}), so the CLI passes its argument as written. */
    public boolean isTextParameter(String name) {
      for (int i = 0; i < function.paramTypes.length; i++) {
        if (function.decl.params().get(i).name().equals(name)) {
          return function.paramTypes[i] == DeclaredType.TEXT;
        }
      }
      return false;
    }

    public boolean isVoid() {
      return function.returnType == DeclaredType.VOID;
    }

    /** Calls the function with arguments in parameter order. */
    public Object call(Run run, Object[] args) {
      try {
        return function.call(run, args, null);
      } catch (ScriptError e) {
        throw e.at(function.decl.span());
      }
    }
  }
}
