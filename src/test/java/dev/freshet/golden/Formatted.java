package dev.freshet.golden;

import dev.freshet.fmt.FormatException;
import dev.freshet.fmt.Formatter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The formatter's round trip for the golden runners: a golden script formatted as {@code freshet fmt} would, in a
 * copy of its folder (so it runs beside the files it had), and standard error compared by its problems alone, since
 * their lines and columns are those of the formatted text.
 */
public final class Formatted {
  private static final Pattern HEADER = Pattern.compile("^(\\S.*?):\\d+:\\d+: (error|warning|runtime error): (.*)$");

  private Formatted() {}

  /** What a runner does with the formatted copy of a script. */
  public interface Check {
    void run(Path formatted) throws Exception;
  }

  /**
   * Formats the script into a temporary copy of its folder's files and hands that copy to {@code check}; the copy is
   * removed afterwards. A script that does not parse is a parse-error case: the formatter refuses it (FmtCommandTest)
   * and there is nothing to run.
   */
  public static void roundTrip(Path script, Check check) throws Exception {
    String formatted;
    try {
      formatted = Formatter.format(script.getFileName().toString(), Files.readString(script, StandardCharsets.UTF_8));
    } catch (FormatException e) {
      return;
    }
    Path copy = Files.createTempDirectory("freshet-fmt-roundtrip");
    try {
      try (Stream<Path> files = Files.list(script.getParent())) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Files.copy(f, copy.resolve(f.getFileName()));
        }
      }
      check.run(Files.writeString(copy.resolve(script.getFileName()), formatted, StandardCharsets.UTF_8));
    } finally {
      try (Stream<Path> left = Files.walk(copy)) {
        for (Path f : left.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  /** The diagnostics of standard error without their positions. */
  public static List<String> problems(String err) {
    return err.lines().map(HEADER::matcher).filter(Matcher::matches)
        .map(m -> m.group(1) + ": " + m.group(2) + ": " + m.group(3)).toList();
  }
}
