package dev.freshet.cli;

import dev.freshet.testing.GitHubReporter;
import dev.freshet.testing.JUnitReporter;
import dev.freshet.testing.JsonReporter;
import dev.freshet.testing.PrettyReporter;
import dev.freshet.testing.TapReporter;
import dev.freshet.testing.TestConfig;
import dev.freshet.testing.Project;
import dev.freshet.testing.RecordMode;
import dev.freshet.testing.Reporter;
import dev.freshet.testing.TestRunner;
import dev.freshet.testing.TestSuite;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code freshet test}: runs the project's Deluge tests (docs/testing.md). */
@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Runs the tests in tests/**/*.test.dg against the functions in functions/.",
    footer = {"", "Exit codes:", "  0  every test passed (skips allowed)", "  1  a test failed or errored",
        "  5  no tests were found", "  64 bad usage", "  65 a test or function file does not parse or check"})
final class TestCommand implements Callable<Integer> {
  static final int FAILED = 1;
  static final int NO_TESTS = 5;

  private final Terminal terminal;

  TestCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Parameters(paramLabel = "PATH", description = "Test files or folders, or FILE::test_name (default: tests/).")
  List<String> paths = new ArrayList<>();

  @Option(names = "--store", paramLabel = "URL", description = Stores.STORE_HELP)
  String store;

  @Option(names = "--filter", paramLabel = "REGEX", description = "Run only tests whose FILE::name this finds.")
  String filter;

  @Option(names = "--functions", paramLabel = "DIR", description = "Folder of function files (default: functions/;"
      + " repeatable).")
  List<Path> functionDirs = new ArrayList<>();

  @Option(names = "--tz", paramLabel = "ZONE", description = "The time zone tests run in (default: the system's).")
  String tz;

  @Option(names = "--jobs", paramLabel = "N", description = "Run N test files at once (default 1).")
  int jobs = 1;

  @Option(names = "--record", paramLabel = "MODE", description = "replay, once, new, rewrite, live or check (default:"
      + " once; replay when CI is set).")
  String record;

  @Option(names = "--reporter", paramLabel = "NAME", description = "pretty (default), tap, json, github (added"
      + " when GITHUB_ACTIONS=true) or junit; repeatable (junit writes to --junit-path).")
  List<String> reporters = new ArrayList<>();

  @Option(names = "--junit-path", paramLabel = "FILE", description = "Write a JUnit XML report here.")
  Path junitPath;

  @Option(names = "--ci", description = "Behave as in CI: replay only (as when the CI variable is set).")
  boolean ci;

  @Option(names = {"--tags", "--tag"}, paramLabel = "T[,T]", description = "Run only tests with all these // @tags"
      + " (!T: without T); repeatable, any one may match.")
  List<String> tags = new ArrayList<>();

  @Option(names = "--read-only", description = "Refuse POST, PUT, PATCH and DELETE that would go to the network"
      + " (recording, live, check).")
  boolean readOnly;

  @Option(names = "--discard-on-failure", description = "A failing test writes no cassette (by default it does).")
  boolean discardOnFailure;

  @Option(names = "--no-compile", description = "Run every function in the interpreter: never compile hot ones to"
      + " JVM bytecode.")
  boolean noCompile;

  @Option(names = "--record-timing", description = "Save each recorded call's elapsed_ms in the cassette.")
  boolean recordTiming;

  @Option(names = "--stale", paramLabel = "WHAT", description = "warn (default), error or ignore: a replayed"
      + " cassette older than its max age (// @max-age, test.max_age in freshet.json).")
  String stale;

  @Override
  public Integer call() {
    Pattern only;
    ZoneId zone;
    try {
      only = filter == null ? null : Pattern.compile(filter);
      zone = tz == null ? null : ZoneId.of(tz);
    } catch (PatternSyntaxException e) {
      return usage("--filter is not a valid regular expression: " + e.getDescription());
    } catch (DateTimeException e) {
      return usage("unknown time zone: " + tz);
    }
    if (jobs < 1) {
      return usage("--jobs must be 1 or more");
    }
    RecordMode mode;
    String why;
    String ciVar = terminal.env().get("CI");
    boolean inCi = ci || (ciVar != null && !ciVar.isBlank() && !ciVar.equalsIgnoreCase("false") && !ciVar.equals("0"));
    try {
      mode = record != null ? RecordMode.parse(record) : inCi ? RecordMode.REPLAY : RecordMode.ONCE;
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    }
    why = record != null ? "--record" : ci ? "--ci" : inCi ? "CI=" + ciVar : "the default outside CI";
    Project project = Project.at(terminal.directory(), functionDirs.stream().map(terminal.directory()::resolve)
        .toList());
    TestConfig config;
    try {
      config = TestConfig.read(terminal.directory());
      if (stale != null) {
        config = config.withStale(TestConfig.Stale.parse(stale));
      }
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    }
    TestRunner runner = new TestRunner(project, new TestRunner.Options(zone, null, null,
        new java.util.function.Supplier<>() { // opened only when a test records through a connection
          @Override
          public dev.freshet.connections.ConnectionRegistry get() {
            return ConnectionsCommand.registry(terminal, store);
          }
        }, mode, record != null || inCi, config, terminal.env()::get,
        new TestRunner.Flags(readOnly, discardOnFailure, recordTiming, noCompile)));
    TestSuite suite;
    try {
      suite = TestSuite.select(project, runner, paths, only, tags);
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    }
    String errors = runner.check(suite.files());
    if (!errors.isEmpty()) {
      terminal.err().print(errors);
      return Main.COMPILE_ERROR;
    }
    if (suite.size() == 0) {
      terminal.err().println("freshet test: no tests found" + (paths.isEmpty() ? " in tests/ (files named"
          + " *.test.dg, functions named void test_*())" : ""));
      return NO_TESTS;
    }
    Reporter reporter;
    try {
      reporter = reporter();
    } catch (IllegalArgumentException e) {
      return usage(e.getMessage());
    }
    reporter.start(mode + " (" + why + ")");
    var results = suite.run(runner, jobs, reporter);
    reporter.end(results);
    terminal.out().flush();
    if (!suite.focused().isEmpty()) {
      terminal.err().println("freshet test: only the tests marked // @only ran: " + String.join(", ", suite.focused())
          + (inCi ? "\nfreshet test: a committed // @only fails the run in CI (the other tests did not run);"
          + " remove it" : ""));
    }
    boolean passed = results.stream().allMatch(r -> r.status() == dev.freshet.testing.TestResult.Status.PASSED
        || r.status() == dev.freshet.testing.TestResult.Status.SKIPPED);
    return passed && !(inCi && !suite.focused().isEmpty()) ? Main.OK : FAILED;
  }

  /** The reporters asked for, as one. */
  private Reporter reporter() {
    List<Reporter> all = new ArrayList<>();
    boolean junit = junitPath != null;
    for (String r : reporters) {
      switch (r.toLowerCase(java.util.Locale.ROOT)) {
        case "pretty" -> all.add(new PrettyReporter(terminal.out()));
        case "tap" -> all.add(new TapReporter(terminal.out()));
        case "json" -> all.add(new JsonReporter(terminal.out()));
        case "github" -> all.add(github());
        case "junit" -> {
          if (junitPath == null) {
            throw new IllegalArgumentException("--reporter junit needs --junit-path FILE");
          }
        }
        default -> throw new IllegalArgumentException("unknown reporter '" + r + "': use pretty, tap, json, github or"
            + " junit");
      }
    }
    if (all.stream().noneMatch(r -> !(r instanceof GitHubReporter))) {
      all.add(0, new PrettyReporter(terminal.out()));
    }
    if ("true".equals(terminal.env().get("GITHUB_ACTIONS")) && all.stream().noneMatch(GitHubReporter.class::isInstance)) {
      all.add(github());
    }
    if (junit) {
      all.add(new JUnitReporter(terminal.directory().resolve(junitPath)));
    }
    return new Reporter() {
      @Override
      public void start(String mode) {
        all.forEach(r -> r.start(mode));
      }

      @Override
      public void file(String path, List<dev.freshet.testing.TestResult> results) {
        all.forEach(r -> r.file(path, results));
      }

      @Override
      public void end(List<dev.freshet.testing.TestResult> results) {
        all.forEach(r -> r.end(results));
      }
    };
  }

  private GitHubReporter github() {
    String summary = terminal.env().get("GITHUB_STEP_SUMMARY");
    return new GitHubReporter(terminal.out(), summary == null || summary.isBlank() ? null
        : terminal.directory().resolve(summary));
  }

  private int usage(String message) {
    terminal.err().println("freshet test: " + message);
    return Main.USAGE;
  }
}
