package dev.freshet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML for CI servers, written to {@code --junit-path}: a testsuite per file, {@code classname} the file path;
 * assertion failures are {@code <failure>}, runtime errors and cassette misses {@code <error>}, skips
 * {@code <skipped>}, info lines {@code <system-out>},
 * the cassette and the HTTP summary as properties.
 */
public final class JUnitReporter implements Reporter {
  private final Path file;
  private final Map<String, List<TestResult>> byFile = new LinkedHashMap<>();
  private final String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();

  public JUnitReporter(Path file) {
    this.file = file;
  }

  @Override
  public void file(String path, List<TestResult> results) {
    byFile.put(path, results);
  }

  @Override
  public void end(List<TestResult> all) {
    StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<testsuites name=\"freshet test\"").append(counts(all)).append(">\n");
    byFile.forEach((path, results) -> {
      x.append("  <testsuite name=\"").append(esc(path)).append('"').append(counts(results))
          .append(" timestamp=\"").append(timestamp).append("\">\n");
      for (TestResult r : results) {
        x.append("    <testcase classname=\"").append(esc(r.file())).append("\" name=\"").append(esc(r.name()))
            .append("\" file=\"").append(esc(r.file())).append("\" line=\"").append(r.line()).append("\" time=\"")
            .append(seconds(r.millis())).append("\">\n");
        if (r.cassette() != null || r.http().any()) {
          x.append("      <properties>\n");
          if (r.cassette() != null) {
            x.append("        <property name=\"cassette\" value=\"").append(esc(r.cassette())).append("\"/>\n");
          }
          x.append("        <property name=\"http\" value=\"").append(esc(r.http().summary() + ", mode "
              + r.http().mode())).append("\"/>\n      </properties>\n");
        }
        switch (r.status()) {
          case FAILED -> x.append("      <failure type=\"AssertionFailed\" message=\"").append(esc(firstLine(r)))
              .append("\">").append(esc(r.message())).append("</failure>\n");
          case ERROR -> x.append("      <error type=\"Error\" message=\"").append(esc(firstLine(r))).append("\">")
              .append(esc(r.message())).append("</error>\n");
          case SKIPPED -> x.append("      <skipped message=\"").append(esc(r.message())).append("\"/>\n");
          default -> { }
        }
        if (!r.info().isEmpty()) {
          x.append("      <system-out>").append(esc(String.join("\n", r.info()))).append("</system-out>\n");
        }
        x.append("    </testcase>\n");
      }
      x.append("  </testsuite>\n");
    });
    x.append("</testsuites>\n");
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Files.writeString(file, x, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the JUnit report " + file + ": " + e.getMessage(), e);
    }
  }

  private static String counts(List<TestResult> rs) {
    long failures = rs.stream().filter(r -> r.status() == TestResult.Status.FAILED).count();
    long errors = rs.stream().filter(r -> r.status() == TestResult.Status.ERROR).count();
    long skipped = rs.stream().filter(r -> r.status() == TestResult.Status.SKIPPED).count();
    long ms = rs.stream().mapToLong(TestResult::millis).sum();
    return " tests=\"" + rs.size() + "\" failures=\"" + failures + "\" errors=\"" + errors + "\" skipped=\""
        + skipped + "\" time=\"" + seconds(ms) + "\"";
  }

  private static String firstLine(TestResult r) {
    String m = r.message() == null ? "" : r.message().strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private static String seconds(long millis) {
    return String.format(java.util.Locale.ROOT, "%.3f", millis / 1000.0);
  }

  private static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            b.append(' ');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
