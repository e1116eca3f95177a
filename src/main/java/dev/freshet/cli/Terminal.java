package dev.freshet.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** The streams, working directory and environment a command runs against: the real ones, or a test's. */
public record Terminal(Path directory, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
  public Terminal(Path directory, InputStream in, PrintStream out, PrintStream err) {
    this(directory, in, out, err, System.getenv());
  }

  Path resolve(String file) {
    return directory.resolve(file);
  }

  /** The Freshet home folder: {@code $FRESHET_HOME}, or {@code ~/.freshet}. */
  Path home() {
    String home = env.get("FRESHET_HOME");
    return home != null && !home.isBlank() ? directory.resolve(home)
        : Path.of(System.getProperty("user.home"), ".freshet");
  }

  /** Where {@code run} keeps parsed scripts: {@code cache/parsed} in the home folder; null when FRESHET_CACHE=off. */
  Path parseCache() {
    String setting = env.get("FRESHET_CACHE");
    boolean off = setting != null && (setting.equalsIgnoreCase("off") || setting.equalsIgnoreCase("false")
        || setting.equals("0"));
    return off ? null : home().resolve("cache").resolve("parsed");
  }
}
