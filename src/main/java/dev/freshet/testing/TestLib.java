package dev.freshet.testing;

import dev.freshet.api.Engine;
import dev.freshet.api.HostFunction;
import dev.freshet.runtime.ErrorValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The assertion built-ins, added only to the engines {@code freshet test} builds. A failed assertion ends the test at
 * once, even inside the script's {@code try}; {@code check} and {@code run} reject these names (see TestOnly in
 * check/).
 */
final class TestLib {
  private TestLib() {}

  static void register(Engine.Builder b, TestContext context) {
    Definer def = (name, params, doc, body) -> def(b, context, name, params, doc, body);
    def.def("assert", List.of("condition", "[message]"), "Fails the test unless the condition is true", a -> {
      if (!Boolean.TRUE.equals(a.get(0))) {
        throw failed(message(a, 1, "assert failed"));
      }
    });
    def.def("assertTrue", List.of("condition", "[message]"), "Fails the test unless the value is true", a -> {
      if (!Boolean.TRUE.equals(a.get(0))) {
        throw failed(message(a, 1, "expected true, got " + DeepEquals.show(a.get(0))));
      }
    });
    def.def("assertFalse", List.of("condition", "[message]"), "Fails the test unless the value is false", a -> {
      if (!Boolean.FALSE.equals(a.get(0))) {
        throw failed(message(a, 1, "expected false, got " + DeepEquals.show(a.get(0))));
      }
    });
    def.def("assertEquals", List.of("expected", "actual", "[message]"),
        "Fails the test unless the values are deeply equal, types included (TEXT \"1\" is not NUMBER 1)", a -> {
          String d = DeepEquals.difference(a.get(0), a.get(1));
          if (d != null) {
            throw failed(message(a, 2, "assertEquals: " + d));
          }
        });
    def.def("assertNotEquals", List.of("unexpected", "actual", "[message]"),
        "Fails the test when the values are deeply equal", a -> {
          if (DeepEquals.difference(a.get(0), a.get(1)) == null) {
            throw failed(message(a, 2, "assertNotEquals: both are " + DeepEquals.show(a.get(1))));
          }
        });
    def.def("assertNull", List.of("value", "[message]"), "Fails the test unless isNull(value): null or the empty text",
        a -> {
          if (!isNull(a.get(0))) {
            throw failed(message(a, 1, "expected null, got " + DeepEquals.show(a.get(0))));
          }
        });
    def.def("assertNotNull", List.of("value", "[message]"), "Fails the test when isNull(value)", a -> {
      if (isNull(a.get(0))) {
        throw failed(message(a, 1, "expected a value, got " + DeepEquals.show(a.get(0))));
      }
    });
    def.def("assertContains", List.of("haystack", "needle", "[message]"),
        "Fails the test unless TEXT holds the substring, a LIST the element, or a MAP the key", a -> {
          if (!contains(a.get(0), a.get(1))) {
            throw failed(message(a, 2, "assertContains: " + DeepEquals.show(text(a.get(0)))
                + " does not contain " + DeepEquals.show(a.get(1))));
          }
        });
    def.def("assertMatches", List.of("text", "regex", "[message]"),
        "Fails the test unless the whole TEXT matches the Java regular expression", a -> {
          String t = String.valueOf(text(a.get(0)));
          boolean ok;
          try {
            ok = Pattern.compile(String.valueOf(a.get(1))).matcher(t).matches();
          } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regular expression: " + e.getDescription());
          }
          if (!ok) {
            throw failed(message(a, 2, "assertMatches: " + DeepEquals.show(t) + " does not match /" + a.get(1) + "/"));
          }
        });
    def.def("fail", List.of("[message]"), "Fails the test", a -> {
      throw failed(message(a, 0, "failed"));
    });
    def.def("skip", List.of("[reason]"), "Ends the test as skipped", a -> {
      throw new Outcome(Outcome.Kind.SKIPPED, message(a, 0, "skipped"));
    });
  }

  /** A function that returns nothing. */
  interface Check {
    void test(List<Object> args) throws Exception;
  }

  interface Definer {
    void def(String name, List<String> params, String doc, Check body);
  }

  /** Adds a built-in that returns nothing; an outcome it throws is noted on the context before it ends the run. */
  static void def(Engine.Builder b, TestContext context, String name, List<String> params, String doc, Check body) {
    b.function(name, params, doc, (HostFunction) args -> {
      try {
        body.test(args);
      } catch (Outcome o) {
        context.end(o);
        throw o;
      }
      return null;
    });
  }

  static Outcome failed(String message) {
    return new Outcome(Outcome.Kind.FAILED, message);
  }

  private static String message(List<Object> args, int index, String otherwise) {
    if (args.size() > index && args.get(index) != null) {
      return String.valueOf(text(args.get(index))) + (index > 0 ? " (" + otherwise + ")" : "");
    }
    return otherwise;
  }

  private static boolean isNull(Object v) {
    return v == null || (v instanceof String s && s.isEmpty());
  }

  private static Object text(Object v) {
    return v instanceof ErrorValue e ? e.message() : v;
  }

  private static boolean contains(Object haystack, Object needle) {
    Object h = text(haystack);
    if (h instanceof String s) {
      return needle != null && s.contains(String.valueOf(text(needle)));
    } else if (h instanceof List<?> l) {
      return l.stream().anyMatch(x -> DeepEquals.difference(needle, x) == null);
    } else if (h instanceof Map<?, ?> m) {
      return m.containsKey(needle) || (needle instanceof BigDecimal || needle instanceof Long)
          && m.containsKey(String.valueOf(needle));
    }
    return false;
  }
}
