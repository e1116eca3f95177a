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
  /**
   * What one library registered. The standard libraries are registered only when a script first needs one of their
   * names ({@link BuiltinIndex} says which library has which name): linking some 250 functions costs a start-up more
   * than the whole of a short script. Results always come out in registration order, as if all were registered.
   */
  private static final class Fragment {
    final Map<String, List<Builtin>> functions = new LinkedHashMap<>();
    final Map<String, SystemValue> values = new LinkedHashMap<>();
    final List<Entry> entries = new ArrayList<>();
    final Map<String, String> valueFamilies = new LinkedHashMap<>();
  }

  /** What each standard library registered, by position in {@link StandardLibraries}; null until it is needed. */
  private final Fragment[] standard;
  private final Fragment own = new Fragment();
  /** name key → positions of the standard libraries that define it (function or value), or null: register eagerly. */
  private final Map<String, int[]> index;
  /** Merged overloads by name key, filled as names are looked up. */
  private final Map<String, List<Builtin>> merged = new java.util.HashMap<>();
  /** Family name → simple name of the library class, for the host's libraries (see {@link #include}). */
  private final Map<String, String> families = new LinkedHashMap<>();
  /** Libraries registered when a name with their prefix is first looked up (see {@link #includeWhenUsed}). */
  private final List<Deferred> deferred = new ArrayList<>();
  /** Where declarations go while a library registers. */
  private Fragment current = own;
  /** The family of the library being registered by {@link #include}, or null. */
  private String family;

  /** Libraries are created (their classes loaded) only when registered: most scripts need only a few. */
  private BuiltinRegistry(int standardLibraries, Map<String, int[]> index) {
    this.standard = new Fragment[standardLibraries];
    this.index = index;
    if (index == null) {
      loadAll();
    }
  }

  /** An empty registry (hosts and tests add to it). */
  public BuiltinRegistry() {
    this(0, Map.of());
  }

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

  /** A registry holding the whole standard library (each library registered when first needed). */
  public static BuiltinRegistry standard() {
    return new BuiltinRegistry(StandardLibraries.COUNT, BuiltinIndex.load());
  }

  /** Registers a library's functions and values, remembering it as their family. */
  public synchronized void include(Library lib) {
    families.putIfAbsent(lib.family(), lib.getClass().getSimpleName());
    register(lib, own);
  }

  /**
   * Registers a library only when a name starting with {@code prefix} is first looked up (or every entry is listed),
   * so that a script that never uses its names pays nothing for it at start-up.
   */
  public synchronized void includeWhenUsed(String prefix, Library lib) {
    deferred.add(new Deferred(key(prefix), lib));
  }

  private static final class Deferred {
    final String prefix;
    final Library lib;
    boolean included;

    Deferred(String prefix, Library lib) {
      this.prefix = prefix;
      this.lib = lib;
    }
  }

  /** Includes the deferred libraries whose prefix the key starts with; all of them for a null key. */
  private void includeDeferred(String key) {
    for (Deferred d : deferred) {
      if (!d.included && (key == null || key.startsWith(d.prefix))) {
        d.included = true;
        include(d.lib);
      }
    }
  }

  private void register(Library lib, Fragment into) {
    String outerFamily = family;
    Fragment outer = current;
    family = lib.family();
    current = into;
    try {
      lib.register(this);
    } finally {
      family = outerFamily;
      current = outer;
    }
  }

  /** Registers the standard library at {@code position} if it is not yet. */
  private void load(int position) {
    if (standard[position] == null) {
      Fragment f = new Fragment();
      standard[position] = f;
      register(StandardLibraries.create(position), f);
    }
  }

  private void loadAll() {
    for (int i = 0; i < standard.length; i++) {
      load(i);
    }
    includeDeferred(null);
  }

  /** Registers every standard library that defines this name key. */
  private void loadFor(String key) {
    if (!deferred.isEmpty()) {
      includeDeferred(key);
    }
    if (index == null) {
      return;
    }
    int[] positions = index.get(key);
    if (positions != null) {
      for (int p : positions) {
        load(p);
      }
    }
  }

  /** Every fragment in registration order: the standard libraries registered so far, then the host's. */
  private List<Fragment> fragments() {
    List<Fragment> all = new ArrayList<>(standard.length + 1);
    for (Fragment f : standard) {
      if (f != null) {
        all.add(f);
      }
    }
    all.add(own);
    return all;
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Starts declaring a function; {@link Definer#impl} completes and registers it. */
  public Definer fn(String name, String doc) {
    return new Definer(name, doc);
  }

  public synchronized void add(Builtin b) {
    add(b, null);
  }

  private synchronized void add(Builtin b, String aliasOf) {
    current.functions.computeIfAbsent(key(b.name()), k -> new ArrayList<>()).add(b);
    current.entries.add(new Entry(b, family == null ? OTHER_FAMILY : family, aliasOf));
    merged.remove(key(b.name()));
  }

  public synchronized void value(String name, String doc,
      java.util.function.Function<dev.freshet.runtime.Env, Object> supplier) {
    current.values.put(key(name), new SystemValue(name, doc, supplier));
    current.valueFamilies.put(key(name), family == null ? OTHER_FAMILY : family);
  }

  /** Every function overload and alias in registration order, with its family. */
  public synchronized List<Entry> entries() {
    loadAll();
    List<Entry> all = new ArrayList<>();
    fragments().forEach(f -> all.addAll(f.entries));
    return Collections.unmodifiableList(all);
  }

  /** Every family → the simple name of its library class, in registration order. */
  public synchronized Map<String, String> families() {
    Map<String, String> all = new LinkedHashMap<>();
    for (int i = 0; i < standard.length; i++) {
      Library lib = StandardLibraries.create(i);
      all.put(lib.family(), lib.getClass().getSimpleName());
    }
    families.forEach(all::putIfAbsent);
    for (Deferred d : deferred) {
      all.putIfAbsent(d.lib.family(), d.lib.getClass().getSimpleName());
    }
    return Collections.unmodifiableMap(all);
  }

  /** The family of a system value (see {@link Library#family()}), or null when there is no such value. */
  public synchronized String familyOfValue(String name) {
    String k = key(name);
    loadFor(k);
    String found = null;
    for (Fragment f : fragments()) {
      found = f.valueFamilies.getOrDefault(k, found); // a later registration replaces an earlier one
    }
    return found;
  }

  /** The overloads of a function name, or an empty list. */
  public synchronized List<Builtin> lookup(String name) {
    String k = key(name);
    List<Builtin> m = merged.get(k);
    if (m == null) {
      loadFor(k);
      List<Builtin> all = new ArrayList<>();
      for (Fragment f : fragments()) {
        all.addAll(f.functions.getOrDefault(k, List.of()));
      }
      m = List.copyOf(all);
      merged.put(k, m);
    }
    return m;
  }

  public synchronized SystemValue systemValue(String name) {
    String k = key(name);
    loadFor(k);
    SystemValue found = null;
    for (Fragment f : fragments()) {
      found = f.values.getOrDefault(k, found); // a later registration replaces an earlier one
    }
    return found;
  }

  public synchronized Collection<List<Builtin>> allFunctions() {
    loadAll();
    Map<String, List<Builtin>> all = new LinkedHashMap<>();
    for (Fragment f : fragments()) {
      f.functions.forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    }
    return Collections.unmodifiableCollection(all.values());
  }

  public synchronized Collection<SystemValue> allValues() {
    loadAll();
    Map<String, SystemValue> all = new LinkedHashMap<>();
    fragments().forEach(f -> all.putAll(f.values));
    return Collections.unmodifiableCollection(all.values());
  }

  /** How many standard libraries are registered so far (tests). */
  synchronized int loadedLibraries() {
    return (int) java.util.Arrays.stream(standard).filter(java.util.Objects::nonNull).count();
  }

  /** Name key → positions of the standard libraries defining it, for {@link BuiltinIndex}. */
  static Map<String, List<Integer>> computeIndex() {
    BuiltinRegistry r = new BuiltinRegistry(StandardLibraries.COUNT, null);
    Map<String, List<Integer>> out = new java.util.TreeMap<>();
    for (int i = 0; i < r.standard.length; i++) {
      int position = i;
      Fragment f = r.standard[i];
      f.functions.keySet().forEach(k -> out.computeIfAbsent(k, x -> new ArrayList<>()).add(position));
      f.values.keySet().forEach(k -> out.computeIfAbsent(k, x -> new ArrayList<>()).add(position));
    }
    out.replaceAll((k, v) -> v.stream().distinct().toList());
    return out;
  }

  /**
   * Whether {@link #choose} picks the same overload for every receiver of this class (the argument count being
   * fixed at a call site): then a call site may keep its choice while the receiver's class stays the same.
   */
  public static boolean choiceDecidedByClass(List<Builtin> overloads, Class<?> receiver) {
    for (Builtin b : overloads) {
      if (!b.params().isEmpty() && !b.param(0).type().decidedByClass(receiver)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Picks the overload for these arguments: the first that takes the receiver as it is, else the first whose receiver
   * type Deluge converts it to. {@code asMethod} says the call was written {@code x.fn(...)}, so {@code args[0]} is
   * the receiver.
   */
  public static Builtin choose(List<Builtin> overloads, Object[] args, boolean asMethod) {
    Builtin arityMatch = null;
    Builtin converting = null;
    for (Builtin b : overloads) {
      if (asMethod ? !b.method() : !b.global()) {
        continue;
      }
      if (b.fits(args)) {
        return b;
      }
      if (args.length >= b.minArgs() && args.length <= b.maxArgs()) {
        if (converting == null && args.length > 0 && b.param(0).type().convert(args[0]) != null) {
          converting = b; // only when no overload takes the receiver as it is: 12345.left(3) reads "12345"
        }
        if (arityMatch == null) {
          arityMatch = b;
        }
      }
    }
    if (converting != null) {
      return converting;
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
