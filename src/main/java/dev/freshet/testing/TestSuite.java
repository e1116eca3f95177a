package dev.freshet.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The tests one command line chose: files from {@code PATH} arguments (default {@code tests/}), narrowed by
 * {@code FILE::test_name} and {@code --filter}.
 */
public final class TestSuite {
  private final Map<TestFile, Predicate<TestFile.Test>> chosen;
  private final List<String> focused;

  private TestSuite(Map<TestFile, Predicate<TestFile.Test>> chosen, List<String> focused) {
    this.chosen = chosen;
    this.focused = focused;
  }

  /**
   * {@code tags}: each a comma-separated list of tags a test must all have ({@code !tag}: must not have); a test
   * runs when it satisfies any of them (as Bats' {@code --filter-tags}). When a chosen test is marked
   * {@code // @only}, only such tests run.
   *
   * @throws IllegalArgumentException for a path that does not exist or a test name the file does not define
   */
  public static TestSuite select(Project project, TestRunner runner, List<String> paths, Pattern filter,
      List<String> tags) {
    Map<Path, Set<String>> names = new LinkedHashMap<>(); // an empty set: every test of the file
    for (String arg : paths.isEmpty() ? List.of("tests") : paths) {
      int sep = arg.indexOf("::");
      Path p = project.root().resolve(sep >= 0 ? arg.substring(0, sep) : arg).normalize();
      if (!Files.exists(p)) {
        if (paths.isEmpty()) {
          continue;
        }
        throw new IllegalArgumentException("no such file or folder: " + (sep >= 0 ? arg.substring(0, sep) : arg));
      }
      List<Path> found = new ArrayList<>(project.testFiles(p));
      found.addAll(project.goldenFiles(p));
      for (Path f : found) {
        Set<String> set = names.computeIfAbsent(f, k -> new TreeSet<>());
        if (sep >= 0) {
          set.add(arg.substring(sep + 2).toLowerCase(Locale.ROOT));
        } else {
          names.put(f, new TreeSet<>());
        }
      }
    }
    Map<TestFile, Predicate<TestFile.Test>> chosen = new LinkedHashMap<>();
    names.keySet().stream().sorted().forEach(f -> {
      TestFile file = runner.load(f);
      Set<String> only = names.get(f);
      for (String n : only) {
        if (file.tests().stream().noneMatch(t -> t.name().equalsIgnoreCase(n))) {
          throw new IllegalArgumentException(file.path() + " has no test named " + n);
        }
      }
      chosen.put(file, t -> (only.isEmpty() || only.contains(t.name().toLowerCase(Locale.ROOT)))
          && (filter == null || filter.matcher(file.path() + "::" + t.name()).find()) && tagged(t, tags));
    });
    List<String> focused = new ArrayList<>();
    chosen.forEach((file, which) -> file.tests().stream().filter(t -> which.test(t) && t.only())
        .forEach(t -> focused.add(file.path() + "::" + t.name())));
    if (!focused.isEmpty()) {
      chosen.replaceAll((file, which) -> which.and(TestFile.Test::only));
    }
    return new TestSuite(chosen, List.copyOf(focused));
  }

  private static boolean tagged(TestFile.Test test, List<String> tags) {
    if (tags.isEmpty()) {
      return true;
    }
    for (String all : tags) {
      boolean ok = true;
      for (String tag : all.toLowerCase(Locale.ROOT).split(",")) {
        String t = tag.trim();
        if (!t.isEmpty()) {
          ok &= t.startsWith("!") ? !test.tags().contains(t.substring(1)) : test.tags().contains(t);
        }
      }
      if (ok) {
        return true;
      }
    }
    return false;
  }

  /** The tests marked {@code // @only} ({@code FILE::name}); when there are any, only they run. */
  public List<String> focused() {
    return focused;
  }

  public List<TestFile> files() {
    return List.copyOf(chosen.keySet());
  }

  /** How many tests will run. */
  public long size() {
    return chosen.entrySet().stream().mapToLong(e -> e.getKey().tests().stream().filter(e.getValue()).count()).sum();
  }

  /** Runs the files, {@code jobs} at a time, and reports each file whole in discovery order. */
  public List<TestResult> run(TestRunner runner, int jobs, Reporter reporter) {
    List<TestResult> all = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(jobs, task -> {
      Thread t = new Thread(null, task, "freshet-test", 256L * 1024 * 1024); // deep scripts, as the CLI's thread
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<List<TestResult>>> running = new ArrayList<>();
      List<TestFile> files = new ArrayList<>();
      chosen.forEach((file, which) -> {
        if (file.tests().stream().anyMatch(which)) {
          files.add(file);
          running.add(pool.submit(() -> runner.run(file, which)));
        }
      });
      for (int i = 0; i < files.size(); i++) {
        List<TestResult> results = running.get(i).get();
        reporter.file(files.get(i).path(), results);
        all.addAll(results);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return all;
  }
}
