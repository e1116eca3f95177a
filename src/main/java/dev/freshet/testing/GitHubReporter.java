package dev.freshet.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * GitHub Actions workflow commands: one {@code ::error file=…,line=…,col=…::} per failed or errored test, at the
 * failed assertion or the Deluge line of the call a cassette could not answer, so the run's page annotates the
 * source; a {@code ::warning} per stale cassette; and a Markdown table appended to {@code $GITHUB_STEP_SUMMARY}.
 */
public final class GitHubReporter implements Reporter {
  private final PrintStream out;
  private final Path summary;

  /** {@code summary}: the step summary file, or null. */
  public GitHubReporter(PrintStream out, Path summary) {
    this.out = out;
    this.summary = summary;
  }

  @Override
  public void file(String path, List<TestResult> results) {}

  /** After the other reporters' output, so that the log reads as without annotations. */
  @Override
  public void end(List<TestResult> all) {
    for (TestResult r : all) {
      if (r.status() == TestResult.Status.FAILED || r.status() == TestResult.Status.ERROR) {
        out.println("::error file=" + property(r.at().file()) + ",line=" + r.at().line() + ",col=" + r.at().column()
            + ",title=" + property(r.file() + " › " + r.name()) + "::" + data(r.message().strip()));
      }
    }
    for (TestResult r : Reporter.stale(all)) {
      out.println("::warning file=" + property(r.cassette()) + ",title=stale cassette::"
          + data(Reporter.staleLine(r)));
    }
    if (summary == null) {
      return;
    }
    StringBuilder md = new StringBuilder("### freshet test\n\n").append(Reporter.counts(all)).append("\n\n");
    List<TestResult> bad = all.stream().filter(r -> r.status() == TestResult.Status.FAILED
        || r.status() == TestResult.Status.ERROR).toList();
    if (!bad.isEmpty()) {
      md.append("| Test | Result | Where | Message |\n|---|---|---|---|\n");
      for (TestResult r : bad) {
        String first = r.message().strip().split("\n", 2)[0];
        md.append("| `").append(cell(r.id())).append("` | ").append(r.status().name().toLowerCase(Locale.ROOT))
            .append(" | ").append(cell(r.at().file() + ":" + r.at().line())).append(" | ").append(cell(first))
            .append(" |\n");
      }
      md.append('\n');
    }
    try {
      Files.writeString(summary, md, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to GITHUB_STEP_SUMMARY " + summary + ": " + e.getMessage(), e);
    }
  }

  /** A command's message: %, CR and LF escaped, as the runner's toolkit does. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A command's property value: also : and , escaped. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("`", "'");
  }
}
