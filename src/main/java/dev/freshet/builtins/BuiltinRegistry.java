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
  /** Every declaration in registration order, with its family and alias target, for docs and the CLI. */
  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, String> valueFamilies = new LinkedHashMap<>();
  /** Family name → simple name of the library class that registered it, in registration order. */
  private final Map<String, String> families = new LinkedHashMap<>();
  /** The family of the library being registered by {@link #include}, or null. */
  private String family;

  /**
   * One registered function overload as declared: the family (the {@link Library} that registered it) and, for an
   * alias, the name it stands for (null otherwise).
   */
  public record Entry(Builtin builtin, String family, String aliasOf) {
    public boolean isAlias() {
      return aliasOf != null;
    }
  }

  /** The family of functions and values added outside {@link #include}. */
  public static final String OTHER_FAMILY = "Other";

  /** A registry holding the whole standard library. */
  public static BuiltinRegistry standard() {
    BuiltinRegistry r = new BuiltinRegistry();
    for (Library lib : StandardLibraries.ALL) {
      r.include(lib);
    }
    return r;
  }

  /** Registers a library's functions and values, remembering it as their family. */
  public void include(Library lib) {
    String outer = family;
    family = lib.family();
    families.putIfAbsent(family, lib.getClass().getSimpleName());
    try {
      lib.register(this);
    } finally {
      family = outer;
    }
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Starts declaring a function; {@link Definer#impl} completes and registers it. */
  public Definer fn(String name, String doc) {
    return new Definer(name, doc);
  }

  public void add(Builtin b) {
    add(b, null);
  }

  private void add(Builtin b, String aliasOf) {
    functions.computeIfAbsent(key(b.name()), k -> new ArrayList<>()).add(b);
    entries.add(new Entry(b, family == null ? OTHER_FAMILY : family, aliasOf));
  }

  public void value(String name, String doc, java.util.function.Function<dev.freshet.runtime.Env, Object> supplier) {
    values.put(key(name), new SystemValue(name, doc, supplier));
    valueFamilies.put(key(name), family == null ? OTHER_FAMILY : family);
  }

  /** Every function overload and alias in registration order, with its family. */
  public List<Entry> entries() {
    return Collections.unmodifiableList(entries);
  }

  /** Every family included so far → the simple name of its library class, in registration order. */
  public Map<String, String> families() {
    return Collections.unmodifiableMap(families);
  }

  /** The family of a system value (see {@link Library#family()}), or null when there is no such value. */
  public String familyOfValue(String name) {
    return valueFamilies.get(key(name));
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
      add(new Builtin(name, ps, varargs, returns, doc, method, global, impl), null);
      for (String alias : aliases) {
        add(new Builtin(alias, ps, varargs, returns, doc + " (same as " + name + ")", method, global, impl), name);
      }
    }
  }
}
