package dev.freshet.testing;

import dev.freshet.api.CompileException;
import dev.freshet.api.Engine;
import dev.freshet.api.RunException;
import dev.freshet.api.Session;
import dev.freshet.connections.ConnectionRegistry;
import dev.freshet.http.HttpOptions;
import dev.freshet.http.HttpTransport;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs the tests of one file, each in a session of its own: the function files, then the test file, then
 * {@code setup()}, the test, and {@code teardown()} (which runs even when the test failed). Each test gets its own
 * engine, so its clock, seed, outbox, info log and HTTP transport are its own.
 */
public final class TestRunner {
  /**
   * How tests run: the zone (null: the system's, or the cassette's), the live transport (null: the JDK's), the
   * connections used when recording, and the record mode ({@code modeFixed}: given on the command line or forced by
   * CI, so a test's {@code // @record} does not change it).
   */
  public record Options(ZoneId zone, HttpTransport live, HttpOptions http, Supplier<ConnectionRegistry> connections,
      RecordMode mode, boolean modeFixed, TestConfig config, java.util.function.Function<String, String> env,
      Flags flags) {
    public Options {
      flags = flags != null ? flags : new Flags(false, false, false);
      http = http != null ? http : HttpOptions.DEFAULT;
      live = live != null ? live : new dev.freshet.http.JdkHttpTransport(http.connectTimeout());
      config = config != null ? config : TestConfig.NONE;
      env = env != null ? env : name -> null;
    }
  }

  /**
   * {@code readOnly}: refuse POST, PUT, PATCH and DELETE that would go to the network; {@code discardOnFailure}:
   * a failing test writes no cassette; {@code recordTiming}: note each recorded call's {@code elapsed_ms}.
   */
  public record Flags(boolean readOnly, boolean discardOnFailure, boolean recordTiming, boolean noCompile) {
    /** The flags without --no-compile. */
    public Flags(boolean readOnly, boolean discardOnFailure, boolean recordTiming) {
      this(readOnly, discardOnFailure, recordTiming, false);
    }
  }

  /** The version written into cassettes. */
  static final String RECORDED_WITH = "freshet " + version();

  private static String version() {
    String v = TestRunner.class.getPackage().getImplementationVersion();
    return v == null ? "(development build)" : v;
  }

  private final Project project;
  private final Options options;
  private final List<Project.Source> functions;

  public TestRunner(Project project, Options options) {
    this.project = project;
    this.options = options;
    this.functions = project.functionSources();
  }

  /** The test file at {@code path}, read and scanned for tests. */
  TestFile load(java.nio.file.Path path) {
    return TestFile.load(project, path);
  }

  /**
   * Parses and checks the function files and the test files together, as the tests will run them; empty when all
   * is well, else the rendered errors.
   */
  public String check(List<TestFile> files) {
    StringBuilder errors = new StringBuilder();
    for (TestFile file : files) {
      PowerAssert.Instrumented rewritten = PowerAssert.instrument(file.path(), file.text());
      String error = check(file, rewritten);
      if (error != null && !rewritten.text().equals(file.text())) {
        // should the rewriting ever not check where the file as written does, run it as written
        rewritten = PowerAssert.Instrumented.asWritten(file.path(), file.text());
        error = check(file, rewritten);
      }
      if (error != null) {
        errors.append(error);
      }
      instrumented.put(file.path(), rewritten);
    }
    return errors.toString();
  }

  /** The rendered errors of the file's text as it will run, or null. */
  private String check(TestFile file, PowerAssert.Instrumented text) {
    HttpTransport offline = call -> {
      throw new java.io.IOException("no HTTP while the files are checked");
    };
    Session session = new Session(engine(new TestContext(), Clock.systemUTC(), 0, offline,
        () -> ConnectionRegistry.replaying(new ConnectionRegistry.Replayed(Map.of(), Map.of(), Map.of(), Map.of())),
        new Stubs(), Map.of(), text));
    try {
      load(session);
      session.eval(file.path(), text.text());
    } catch (CompileException e) {
      return e.render();
    } catch (RunException e) {
      // top-level statements of a test file run for each test; their failures are reported there
    }
    return null;
  }

  /** Each test file's text as it runs, with assert rewritten (PowerAssert); filled by {@link #check}. */
  private final Map<String, PowerAssert.Instrumented> instrumented = new java.util.concurrent.ConcurrentHashMap<>();

  /** Runs the file's tests that {@code selected} accepts, in source order. */
  public List<TestResult> run(TestFile file, Predicate<TestFile.Test> selected) {
    List<TestResult> results = new ArrayList<>();
    for (TestFile.Test t : file.tests()) {
      if (selected.test(t)) {
        results.add(run(file, t));
      }
    }
    return results;
  }

  private TestResult run(TestFile file, TestFile.Test test) {
    long start = System.nanoTime();
    PowerAssert.Instrumented text = instrumented.computeIfAbsent(file.path(),
        p -> PowerAssert.instrument(p, file.text()));
    TestContext context = new TestContext(text::original);
    Stubs stubs = new Stubs();
    Recording recording;
    try {
      recording = new Recording(project, file, test, options, context, stubs);
    } catch (Cassette.CassetteException | IllegalArgumentException e) {
      return new TestResult(file.path(), test.name(), test.line(), TestResult.Status.ERROR,
          file.path() + ":" + test.line() + ": " + e.getMessage(), 0, List.of(), List.of(), null, null,
          new TestResult.At(file.path(), test.line(), 1), null);
    }
    Clock clock = Clock.fixed(recording.now, recording.zone);
    Engine engine = engine(context, clock, recording.seed, recording.transport, recording.connections, stubs,
        recording.args, text);
    Session session = new Session(engine);
    Failure failure = null;
    boolean setUp = false;
    try {
      load(session);
      session.eval(file.path(), text.text());
      if (file.isGolden()) {
        failure = Golden.compare(file, context.infoLines());
      }
      if (file.hasSetup()) {
        session.eval(file.path() + " (setup)", "setup();");
      }
      setUp = true;
      if (!file.isGolden()) {
        session.eval(file.path() + " (" + test.name() + ")", Args.call(test.name(), test.params()));
      }
    } catch (RunException | CompileException e) {
      failure = Failure.of(context, e, text);
    }
    if (setUp && file.hasTeardown()) {
      try {
        session.eval(file.path() + " (teardown)", "teardown();");
      } catch (RunException | CompileException e) {
        if (failure == null) {
          failure = Failure.of(context, e, text);
        }
      }
    }
    Recording.Ending ending = recording.finish(failure == null, RECORDED_WITH);
    if (ending.problem() != null && (failure == null || failure.status == TestResult.Status.SKIPPED)) {
      failure = new Failure(TestResult.Status.ERROR, ending.problem(), ending.at());
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    TestResult.Status status = failure == null ? TestResult.Status.PASSED : failure.status;
    // what the test prints never shows a secret it knew, whatever the script did with it
    Redactor r = recording.redactor;
    return new TestResult(file.path(), test.name(), test.line(), status,
        failure == null ? null : r.replace(failure.message), millis, context.infoLines().stream().map(r::replace)
        .toList(), ending.notes().stream().map(r::replace).toList(), recording.used() ? recording.shown : null,
        recording.stale(), failure == null ? null : failure.at != null ? failure.at
        : new TestResult.At(file.path(), test.line(), 1), recording.http());
  }

  private void load(Session session) {
    for (Project.Source f : functions) {
      session.eval(f.path(), f.text());
    }
  }

  private Engine engine(TestContext context, Clock clock, long seed, HttpTransport transport,
      Supplier<ConnectionRegistry> connections, Stubs stubs, Map<String, String> args,
      PowerAssert.Instrumented file) {
    Engine.Builder b = Engine.builder().output(context::info).clock(clock).zone(clock.getZone()).seed(seed)
        .mail(context.outbox()).notices(context::info);
    b.http(options.http());
    if (options.flags().noCompile()) {
      b.compile(false);
    }
    if (transport != null) {
      b.transport(transport);
    }
    if (connections != null) {
      b.connections(connections);
    }
    TestLib.register(b, context);
    PowerAssert.register(b, context, file);
    CaptureLib.register(b, context, project.fixtures());
    Stubs.register(b, context, stubs);
    b.function("testArg", List.of("name"), "The value of this test's // @arg NAME env:VARIABLE", a -> {
      for (Map.Entry<String, String> e : args.entrySet()) {
        if (e.getKey().equalsIgnoreCase(String.valueOf(a.get(0)))) {
          return e.getValue();
        }
      }
      throw new IllegalArgumentException("this test has no // @arg " + a.get(0));
    });
    return b.build();
  }

  /** Why a test did not pass: its status and the message to show. */
  record Failure(TestResult.Status status, String message, TestResult.At at) {
    static Failure of(TestContext context, dev.freshet.api.DelugeException e, PowerAssert.Instrumented file) {
      Outcome ended = context.ended();
      TestResult.Status status = ended == null ? TestResult.Status.ERROR : switch (ended.kind) {
        case FAILED -> TestResult.Status.FAILED;
        case SKIPPED -> TestResult.Status.SKIPPED;
        case ERROR -> TestResult.Status.ERROR;
      };
      List<dev.freshet.source.Diagnostic> all = e.diagnostics().stream().map(file::original).toList();
      dev.freshet.source.Diagnostic d = all.get(0);
      String name = d.source() == null ? null : d.source().name();
      // a failure in the runner's one-line call ("tests/a.test.dg (test_x)") is shown at the test function
      TestResult.At at = name == null || d.span() == null || name.endsWith(")") ? null
          : new TestResult.At(name, d.line(), d.column());
      StringBuilder rendered = new StringBuilder();
      all.forEach(x -> rendered.append(x.render()));
      return new Failure(status, status == TestResult.Status.SKIPPED ? ended.getMessage()
          : rendered + (status == TestResult.Status.FAILED ? context.assertValues() : ""), at);
    }
  }
}
