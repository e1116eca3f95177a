package dev.freshet.builtins;

import dev.freshet.runtime.Env;
import dev.freshet.runtime.Ops;
import dev.freshet.runtime.ScriptError;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One built-in function as the registry declares it: script name, parameters (the first is the receiver of the
 * method form), return type, which call forms are allowed, and a one-line description for docs and the REPL.
 */
public record Builtin(String name, List<Param> params, boolean varargs, String returns, String doc, boolean method,
    boolean global, Impl impl, int minArgs, ParamType[] types) {

  /** {@code minArgs} and the parameter types are worked out once: they are checked on every call. */
  public Builtin(String name, List<Param> params, boolean varargs, String returns, String doc, boolean method,
      boolean global, Impl impl) {
    this(name, params, varargs, returns, doc, method, global, impl,
        (int) params.stream().filter(p -> !p.optional()).count(),
        params.stream().map(Param::type).toArray(ParamType[]::new));
  }

  public int maxArgs() {
    return varargs ? Integer.MAX_VALUE : params.size();
  }

  /** Whether this overload fits the receiver (first argument) as it is, and the argument count. */
  boolean fits(Object[] args) {
    if (args.length < minArgs() || args.length > maxArgs()) {
      return false;
    }
    return args.length == 0 || param(0).type().accepts(args[0]);
  }

  Param param(int i) {
    return params.get(Math.min(i, params.size() - 1));
  }

  /** Checks every argument's type, then runs the implementation. */
  public Object invoke(Env env, Object[] args) {
    return invoke(env, args, false);
  }

  /** As {@link #invoke(Env, Object[])}; {@code method} says args[0] is the receiver of {@code x.fn(…)}. */
  public Object invoke(Env env, Object[] args, boolean method) {
    check(args, method);
    return impl.call(env, args);
  }

  /**
   * Checks every argument's type, replacing in {@code args} a value that Deluge converts to the declared type
   * ({@code 12345} given for TEXT becomes {@code "12345"}, {@code "0"} given for a NUMBER becomes {@code 0}); throws
   * the script error a wrong one gets. {@code method} says args[0] is the receiver of {@code x.fn(…)}.
   */
  public void check(Object[] args, boolean method) {
    ParamType[] types = this.types;
    int last = types.length - 1;
    for (int i = 0; i < args.length; i++) {
      ParamType type = types[i < last ? i : last];
      Object a = args[i];
      if (a == null) {
        if (type == ParamType.NUMBER || type == ParamType.NUMERIC || type == ParamType.BOOLEAN) {
          throw argumentError(i, a, method);
        }
        continue; // null text/collection arguments are the implementation's business (often "returns null")
      }
      if (!type.accepts(a)) { // the slow path: a value Deluge converts, or a type error
        Object converted = type.convert(a);
        if (converted == null) {
          throw argumentError(i, a, method);
        }
        args[i] = converted;
      }
    }
  }

  ScriptError argumentError(int i, Object got) {
    return argumentError(i, got, false);
  }

  /** Arguments are counted as written: in {@code x.fn(a)}, {@code a} is argument 1 and {@code x} the receiver. */
  ScriptError argumentError(int i, Object got, boolean method) {
    if (method && i == 0) {
      return new ScriptError(name + "() cannot be called on " + Ops.describe(got) + "; it applies to "
          + param(0).type().display);
    }
    return new ScriptError(name + " expects " + param(i).type().display + " for argument " + (method ? i : i + 1)
        + " (" + param(i).name() + "), got " + Ops.describe(got));
  }

  /** The accepted forms, e.g. {@code subString(text, start[, end])}. */
  public String signature() {
    StringBuilder out = new StringBuilder(name).append('(');
    int opened = 0;
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      if (p.optional()) {
        out.append('[');
        opened++;
      }
      if (i > 0) {
        out.append(", ");
      }
      out.append(p.name());
      if (varargs && i == params.size() - 1) {
        out.append("...");
      }
    }
    out.append("]".repeat(opened)).append(')');
    return out.toString();
  }

  /** The method form, e.g. {@code text.subString(start[, end])}. */
  public String methodSignature() {
    if (params.isEmpty()) {
      return signature();
    }
    String rest = signature().substring(name.length() + 1);
    String first = params.get(0).name();
    rest = rest.startsWith(first + ", ") ? rest.substring(first.length() + 2)
        : rest.startsWith("[" + first + ", ") ? "[" + rest.substring(first.length() + 3) : rest.substring(first.length());
    if (rest.startsWith("[, ")) { // the receiver was followed by optional parameters: f(value[, a]) reads value.f([a])
      rest = "[" + rest.substring(3);
    }
    return first + "." + name + "(" + rest;
  }

  static String describe(List<Builtin> overloads) {
    return overloads.stream().map(Builtin::signature).distinct().collect(Collectors.joining(" or "));
  }
}
