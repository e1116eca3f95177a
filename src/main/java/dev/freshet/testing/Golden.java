package dev.freshet.testing;

import java.util.List;

/** The check of a golden-style test: its {@code info} output against its {@code .out} file, exactly. */
final class Golden {
  private Golden() {}

  /** Null when the output is as expected, else a failure that shows the first line that differs. */
  static TestRunner.Failure compare(TestFile file, List<String> info) {
    String actual = info.isEmpty() ? "" : String.join("\n", info) + "\n";
    if (actual.equals(file.expected())) {
      return null;
    }
    String out = file.path().substring(0, file.path().length() - ".dg".length()) + ".out";
    String[] a = actual.split("\n", -1);
    String[] e = file.expected().split("\n", -1);
    int line = 0;
    while (line < a.length && line < e.length && a[line].equals(e[line])) {
      line++;
    }
    String message = file.path() + ": the output differs from " + out + " at line " + (line + 1) + "\n"
        + "  expected: " + shown(e, line) + "\n"
        + "  actual:   " + shown(a, line) + "\n"
        + "  (the whole output is under info; if it is right, copy it into " + out + ")";
    return new TestRunner.Failure(TestResult.Status.FAILED, message,
        new TestResult.At(file.path(), 1, 1));
  }

  private static String shown(String[] lines, int i) {
    if (i >= lines.length) {
      return "(end of output)";
    }
    return i == lines.length - 1 && lines[i].isEmpty() ? "(end of output)" : "\"" + lines[i] + "\"";
  }
}
