package dev.freshet.testing;

import dev.freshet.cli.Main;
import dev.freshet.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A throw-away project folder and {@code freshet test} run in it, as a user would. */
final class ProjectDir {
  final Path root;
  final Map<String, String> env = new HashMap<>();

  ProjectDir(Path root) {
    this.root = root;
    env.put("FRESHET_HOME", root.resolve(".home").toString());
  }

  ProjectDir file(String path, String text) {
    try {
      Path p = root.resolve(path);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  String read(String path) throws IOException {
    return Files.readString(root.resolve(path));
  }

  boolean exists(String path) {
    return Files.exists(root.resolve(path));
  }

  record Run(int exit, String out, String err) {
    String all() {
      return out + err;
    }
  }

  Run test(String... args) {
    String[] full = new String[args.length + 1];
    full[0] = "test";
    System.arraycopy(args, 0, full, 1, args.length);
    return run(full);
  }

  /** Any freshet command line, run in the project folder. */
  Run run(String... full) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.execute(full, new Terminal(root, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
        env));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** A step of a test that may throw. */
  interface Step {
    void run() throws Exception;
  }

  /**
   * Runs {@code step} with every user function compiled at its first call ({@code freshet.compile=eager}), or with
   * none compiled ({@code off}), as the CLI's engines read the policy from that property.
   */
  static void inTier(boolean compiled, Step step) throws Exception {
    String before = System.getProperty("freshet.compile");
    System.setProperty("freshet.compile", compiled ? "eager" : "off");
    try {
      step.run();
    } finally {
      if (before == null) {
        System.clearProperty("freshet.compile");
      } else {
        System.setProperty("freshet.compile", before);
      }
    }
  }
}
