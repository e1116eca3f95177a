package dev.freshet.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A project folder as {@code freshet test} sees it: {@code functions/} (the code under test), {@code tests/} (test
 * files, fixtures, cassettes). Paths are shown relative to the folder, with {@code /}.
 */
public record Project(Path root, List<Path> functionDirs) {
  public static Project at(Path root, List<Path> functionDirs) {
    return new Project(root, functionDirs.isEmpty() ? List.of(root.resolve("functions")) : List.copyOf(functionDirs));
  }

  Path tests() {
    return root.resolve("tests");
  }

  Path fixtures() {
    return tests().resolve("fixtures");
  }

  Path cassettes() {
    return tests().resolve("cassettes");
  }

  /** A path as messages show it: relative to the project when inside it, with {@code /}. */
  String show(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path base = root.toAbsolutePath().normalize();
    return (abs.startsWith(base) ? base.relativize(abs) : abs).toString().replace('\\', '/');
  }

  /** Every function file ({@code *.dg}) under the function folders, sorted, as (path shown, text). */
  List<Source> functionSources() {
    List<Source> out = new ArrayList<>();
    for (Path dir : functionDirs) {
      for (Path f : walk(dir, ".dg")) {
        out.add(new Source(show(f), read(f)));
      }
    }
    return out;
  }

  /** The test files under {@code dir} (or {@code dir} itself when it is a file), sorted. */
  List<Path> testFiles(Path dir) {
    return Files.isRegularFile(dir) ? (dir.getFileName().toString().endsWith(".test.dg") ? List.of(dir) : List.of())
        : walk(dir, ".test.dg");
  }

  /**
   * The golden-style tests under {@code dir} (or {@code dir} itself): {@code .dg} files that are not
   * {@code .test.dg}, with a {@code .out} beside them, outside tests/fixtures and tests/cassettes; sorted.
   */
  List<Path> goldenFiles(Path dir) {
    List<Path> candidates = Files.isRegularFile(dir) ? List.of(dir) : walk(dir, ".dg");
    return candidates.stream().filter(p -> {
      String name = p.getFileName().toString();
      Path abs = p.toAbsolutePath().normalize();
      return name.endsWith(".dg") && !name.endsWith(".test.dg") && Files.exists(expected(p))
          && !abs.startsWith(fixtures().toAbsolutePath().normalize())
          && !abs.startsWith(cassettes().toAbsolutePath().normalize());
    }).toList();
  }

  /** {@code a.dg} → {@code a.out}. */
  static Path expected(Path golden) {
    String name = golden.getFileName().toString();
    return golden.resolveSibling(name.substring(0, name.length() - ".dg".length()) + ".out");
  }

  record Source(String path, String text) {}

  static List<Path> walk(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix))
          .sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
    }
  }
}
