package dev.freshet.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code tests/**}{@code /*.test.dg} file: its path as shown (relative to the project, with {@code /}), its text,
 * and its tests: every {@code void test_*(…)} function, in source order, each with the {@code // @…} option lines
 * directly above it (a test's parameters are given by {@code // @arg} lines).
 */
record TestFile(String path, String text, List<Test> tests, boolean hasSetup, boolean hasTeardown, String expected) {
  /**
   * One test function: name, 1-based line, its parameters' names (given by {@code // @arg}), and its options
   * ({@code @record replay} → "record replay").
   */
  record Test(String name, int line, List<String> params, List<String> options) {
    /** The value of option {@code @key}, or null. */
    String option(String key) {
      List<String> all = all(key);
      return all.isEmpty() ? null : all.get(0);
    }

    /** The values of every {@code @key} line, top to bottom. */
    List<String> all(String key) {
      List<String> out = new ArrayList<>();
      for (String o : options) {
        String[] parts = o.split("\\s+", 2);
        if (parts[0].equalsIgnoreCase(key)) {
          out.add(parts.length > 1 ? parts[1].trim() : "");
        }
      }
      return out;
    }

    /** The words of every {@code @tags} line, lower-cased (commas separate too). */
    java.util.Set<String> tags() {
      java.util.Set<String> out = new java.util.TreeSet<>();
      for (String t : all("tags")) {
        for (String w : t.split("[\\s,]+")) {
          if (!w.isEmpty()) {
            out.add(w.toLowerCase(Locale.ROOT));
          }
        }
      }
      return out;
    }

    boolean only() {
      return option("only") != null;
    }
  }

  private static final Pattern FUNCTION = Pattern.compile(
      "(?m)^[ \\t]*(void|[A-Za-z]+)[ \\t]+(?:[A-Za-z_][A-Za-z0-9_]*\\.)?([A-Za-z_][A-Za-z0-9_]*)[ \\t]*\\(([^)]*)\\)");
  private static final Pattern OPTION = Pattern.compile("^[ \\t]*//[ \\t]*@(.+)$");

  static TestFile of(String path, String text) {
    List<Test> tests = new ArrayList<>();
    boolean setup = false;
    boolean teardown = false;
    String[] lines = text.split("\n", -1);
    Matcher m = FUNCTION.matcher(text);
    while (m.find()) {
      String name = m.group(2);
      String lower = name.toLowerCase(Locale.ROOT);
      boolean noParams = m.group(3).isBlank();
      setup |= lower.equals("setup") && noParams;
      teardown |= lower.equals("teardown") && noParams;
      if (m.group(1).equalsIgnoreCase("void") && lower.startsWith("test_")) {
        int line = lineOf(text, m.start(2));
        tests.add(new Test(name, line, params(m.group(3)), options(lines, line)));
      }
    }
    return new TestFile(path, text, List.copyOf(tests), setup, teardown, null);
  }

  /**
   * A golden-style test: the script {@code path} (a {@code .dg} under tests/ with a {@code .out} beside it) runs
   * whole, and its {@code info} output must be {@code expected} exactly. Its one test is named after the file.
   */
  static TestFile golden(String path, String text, String expected) {
    String name = path.substring(path.lastIndexOf('/') + 1, path.length() - ".dg".length());
    return new TestFile(path, text, List.of(new Test(name, 1, List.of(), List.of())), false, false, expected);
  }

  /** The test file or golden script at {@code f}. */
  static TestFile load(Project project, java.nio.file.Path f) {
    String shown = project.show(f);
    return shown.endsWith(".test.dg") ? of(shown, Project.read(f))
        : golden(shown, Project.read(f), Project.read(Project.expected(f)));
  }

  boolean isGolden() {
    return expected != null;
  }

  /** The names in a parameter list such as {@code string apiKey, int n}. */
  private static List<String> params(String list) {
    List<String> out = new ArrayList<>();
    for (String p : list.split(",")) {
      String[] words = p.trim().split("\\s+");
      if (!words[words.length - 1].isEmpty()) {
        out.add(words[words.length - 1]);
      }
    }
    return out;
  }

  private static int lineOf(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  /** The {@code // @…} lines directly above line {@code line} (1-based), top to bottom. */
  private static List<String> options(String[] lines, int line) {
    List<String> out = new ArrayList<>();
    for (int i = line - 2; i >= 0; i--) {
      Matcher o = OPTION.matcher(lines[i].stripTrailing());
      if (o.matches()) {
        out.add(0, o.group(1).trim());
      } else if (!lines[i].trim().startsWith("//")) {
        break;
      }
    }
    return out;
  }

  /** The file's path without {@code tests/} and {@code .test.dg} (a golden's: {@code .dg}): where its cassettes go. */
  String stem() {
    String p = path.startsWith("tests/") ? path.substring("tests/".length()) : path;
    String suffix = p.endsWith(".test.dg") ? ".test.dg" : p.endsWith(".dg") ? ".dg" : "";
    return p.substring(0, p.length() - suffix.length());
  }
}
