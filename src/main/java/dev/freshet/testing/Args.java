package dev.freshet.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test's {@code // @arg NAME env:VAR} lines: each gives the test function's parameter NAME the value of the
 * environment variable VAR (TESTING.md §2.7), a secret that is redacted wherever it goes.
 */
final class Args {
  private static final Pattern ARG = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s+env:([A-Za-z_][A-Za-z0-9_]*)");

  private Args() {}

  /**
   * The parameter values in parameter order, each from {@code value.apply(NAME, VAR)}.
   *
   * @throws IllegalArgumentException for a malformed line, a parameter no line gives or a line naming no parameter
   */
  static Map<String, String> of(TestFile.Test test, BiFunction<String, String, String> value) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String a : test.all("arg")) {
      Matcher m = ARG.matcher(a);
      if (!m.matches()) {
        throw new IllegalArgumentException("// @arg " + a + ": write // @arg NAME env:VARIABLE");
      }
      vars.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2));
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String p : test.params()) {
      String var = vars.remove(p.toLowerCase(Locale.ROOT));
      if (var == null) {
        throw new IllegalArgumentException(test.name() + " takes the parameter " + p + ": give its value with"
            + " // @arg " + p + " env:VARIABLE above the function");
      }
      out.put(p, value.apply(p, var));
    }
    if (!vars.isEmpty()) {
      throw new IllegalArgumentException("// @arg " + vars.keySet().iterator().next() + ": " + test.name()
          + " has no parameter of that name");
    }
    return out;
  }

  /** The call that runs the test: {@code test_x(testArg("apiKey"))}; the values never enter the source text. */
  static String call(String name, List<String> params) {
    StringBuilder b = new StringBuilder(name).append('(');
    for (int i = 0; i < params.size(); i++) {
      b.append(i > 0 ? ", " : "").append("testArg(\"").append(params.get(i)).append("\")");
    }
    return b.append(");").toString();
  }
}
