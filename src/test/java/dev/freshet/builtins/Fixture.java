package dev.freshet.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.freshet.runtime.DateParsing;
import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Env;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/** Calls built-ins the way the interpreter does, with a fixed clock (2024-03-08 14:30:15 UTC), zone and seed. */
final class Fixture {
  static final BuiltinRegistry REGISTRY = BuiltinRegistry.standard();

  static final class FixedEnv implements Env {
    private final Random random = new Random(42);

    @Override
    public ZoneId zone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Instant now() {
      return Instant.parse("2024-03-08T14:30:15Z");
    }

    @Override
    public RandomGenerator random() {
      return random;
    }
  }

  static final Env ENV = new FixedEnv();

  private Fixture() {}

  /** The global form {@code name(args...)}. */
  static Object call(String name, Object... args) {
    return invoke(name, args, false);
  }

  /** The method form {@code receiver.name(args...)}. */
  static Object on(Object receiver, String name, Object... args) {
    Object[] all = new Object[args.length + 1];
    all[0] = receiver;
    System.arraycopy(args, 0, all, 1, args.length);
    return invoke(name, all, true);
  }

  private static Object invoke(String name, Object[] args, boolean asMethod) {
    List<Builtin> overloads = REGISTRY.lookup(name);
    if (overloads.isEmpty()) {
      throw new AssertionError("no built-in named " + name);
    }
    return BuiltinRegistry.choose(overloads, args, asMethod).invoke(ENV, args);
  }

  static Object value(String name) {
    return REGISTRY.systemValue(name).supplier().apply(ENV);
  }

  static String show(Object v) {
    return Values.toText(v);
  }

  static void prints(String expected, Object actual) {
    assertEquals(expected, Values.toText(actual));
  }

  /** Asserts a runtime error whose message contains {@code part}. */
  static ScriptError fails(String part, Runnable r) {
    ScriptError e = assertThrows(ScriptError.class, r::run);
    if (!e.getMessage().contains(part)) {
      throw new AssertionError("message \"" + e.getMessage() + "\" lacks \"" + part + "\"");
    }
    return e;
  }

  static DelugeCollection list(Object... items) {
    return DelugeCollection.listOf(List.of(items).stream().map(Fixture::norm).toList());
  }

  static DelugeCollection listWithNulls(Object... items) {
    DelugeCollection c = DelugeCollection.newList();
    for (Object v : items) {
      c.list().add(norm(v));
    }
    return c;
  }

  static DelugeCollection map(Object... keysAndValues) {
    DelugeCollection c = DelugeCollection.newMap();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      c.map().put(norm(keysAndValues[i]), norm(keysAndValues[i + 1]));
    }
    return c;
  }

  /** Java ints become NUMBER, doubles DECIMAL, so tests can write {@code list(1, 2.5)}. */
  static Object norm(Object v) {
    if (v instanceof Integer i) {
      return (long) i;
    }
    if (v instanceof Double d) {
      return new BigDecimal(d.toString());
    }
    return v;
  }

  static BigDecimal dec(String s) {
    return new BigDecimal(s);
  }

  /** A single-quoted literal. */
  static DateTime date(String literal) {
    DateTime d = DateParsing.parseLiteral(literal);
    if (d == null) {
      throw new AssertionError("not a date literal: " + literal);
    }
    return d;
  }
}
