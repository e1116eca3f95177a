package dev.freshet.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/** The streams and working directory a command runs against: the real ones, or a test's. */
public record Terminal(Path directory, InputStream in, PrintStream out, PrintStream err) {
  Path resolve(String file) {
    return directory.resolve(file);
  }
}
