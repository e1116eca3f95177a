package dev.freshet.builtins;

import dev.freshet.runtime.Ops;
import dev.freshet.runtime.ScriptError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every built-in function and system value, by case-insensitive script name. A name may have several overloads that
 * differ by receiver type ({@code remove} on TEXT, LIST and MAP). Call sites resolve the name once, when the script is
 * compiled, and choose the overload by the receiver when called. Hosts add their own through the same methods.
 */
public final class BuiltinRegistry {
  private final Map<String, List<Builtin>> functions = new LinkedHashMap<>();
  private final Map<String, SystemValue> values = new LinkedHashMap<>();

  /** A registry holding the whole standard library. */
  public static BuiltinRegistry standard() {
    BuiltinRegistry r = new BuiltinRegistry();
    for (Library lib : StandardLibraries.ALL) {
      lib.register(r);
    }
    return r;
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Starts declaring a function; {@link Definer#impl} completes and registers it. */
  public Definer fn(String name, String doc) {
    return new Definer(name, doc);
  }

  public void add(Builtin b) {
    functions.computeIfAbsent(key(b.name()), k -> new ArrayList<>()).add(b);
  }

  public void value(String name, String doc, java.util.function.Function<dev.freshet.runtime.Env, Object> supplier) {
    values.put(key(name), new SystemValue(name, doc, supplier));
  }

  /** The overloads of a function name, or an empty list. */
  public List<Builtin> lookup(String name) {
    return functions.getOrDefault(key(name), List.of());
  }

  public SystemValue systemValue(String name) {
    return values.get(key(name));
  }

  public Collection<List<Builtin>> allFunctions() {
    return Collections.unmodifiableCollection(functions.values());
  }

  public Collection<SystemValue> allValues() {
    return Collections.unmodifiableCollection(values.values());
  }

  /**
   * Picks the overload for these arguments. {@code asMethod} says the call was written {@code x.fn(...)}, so
   * {@code args[0]} is the receiver.
   */
  public static Builtin choose(List<Builtin> overloads, Object[] args, boolean asMethod) {
    Builtin arityMatch = null;
    for (Builtin b : overloads) {
      if (asMethod ? !b.method() : !b.global()) {
        continue;
      }
      if (b.fits(args)) {
        return b;
      }
      if (args.length >= b.minArgs() && args.length <= b.maxArgs() && arityMatch == null) {
        arityMatch = b;
      }
    }
    String name = overloads.get(0).name();
    if (arityMatch != null) {
      if (asMethod) {
        throw new ScriptError(name + "() cannot be called on " + Ops.describe(args[0]) + "; it applies to "
            + receivers(overloads));
      }
      throw arityMatch.argumentError(0, args[0]);
    }
    List<String> forms = new ArrayList<>();
    for (Builtin b : overloads) {
      if (asMethod && b.method()) {
        forms.add(b.methodSignature());
      } else if (!asMethod && b.global()) {
        forms.add(b.signature());
      }
    }
    if (forms.isEmpty()) {
      throw new ScriptError(name + " cannot be called as " + (asMethod ? "a method" : "a function")
          + (asMethod ? "; call it as " : "; call it on a value as ") + formsOf(overloads, !asMethod));
    }
    int given = asMethod ? args.length - 1 : args.length;
    throw new ScriptError(name + " does not take " + given + " argument" + (given == 1 ? "" : "s") + "; use "
        + String.join(" or ", forms.stream().distinct().toList()));
  }

  private static String formsOf(List<Builtin> overloads, boolean method) {
    return String.join(" or ", overloads.stream().map(b -> method ? b.methodSignature() : b.signature()).distinct()
        .toList());
  }

  private static String receivers(List<Builtin> overloads) {
    return String.join(", ", overloads.stream().filter(Builtin::method)
        .map(b -> b.params().isEmpty() ? "any value" : b.params().get(0).type().display).distinct().toList());
  }

  /** Fluent declaration of one built-in. */
  public final class Definer {
    private final String name;
    private final String doc;
    private final List<Param> params = new ArrayList<>();
    private String returns = "any";
    private boolean method = true;
    private boolean global = true;
    private boolean varargs;
    private final List<String> aliases = new ArrayList<>();

    Definer(String name, String doc) {
      this.name = name;
      this.doc = doc;
    }

    public Definer param(String paramName, ParamType type) {
      params.add(new Param(paramName, type, false));
      return this;
    }

    public Definer optional(String paramName, ParamType type) {
      params.add(new Param(paramName, type, true));
      return this;
    }

    /** The last parameter may repeat. */
    public Definer varargs() {
      varargs = true;
      return this;
    }

    public Definer returns(String type) {
      returns = type;
      return this;
    }

    /** Other script names for the same function ({@code subText}, {@code mid} for {@code subString}). */
    public Definer alias(String... names) {
      aliases.addAll(List.of(names));
      return this;
    }

    /** Only {@code fn(x, …)}, never {@code x.fn(…)}. */
    public Definer globalOnly() {
      method = false;
      return this;
    }

    /** Only {@code x.fn(…)}. */
    public Definer methodOnly() {
      global = false;
      return this;
    }

    public void impl(Impl impl) {
      List<Param> ps = List.copyOf(params);
      add(new Builtin(name, ps, varargs, returns, doc, method, global, impl));
      for (String alias : aliases) {
        add(new Builtin(alias, ps, varargs, returns, doc + " (same as " + name + ")", method, global, impl));
      }
    }
  }
}
