package dev.freshet.bench;

import dev.freshet.api.CompileException;
import dev.freshet.api.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse + check every golden script (src/test/resources/scripts/**, conformance included, and the invokeurl goldens
 * in src/test/resources/http) and every sample (samples/**), as {@code freshet check} does: {@link Engine#check},
 * nothing runs. One operation is one pass over all of them; lines per second = their lines / the time of a pass
 * (target ≥ 200,000 lines/s warm). {@link Ratios} computes it from the JMH score; each iteration's figure is also
 * printed at its end, and {@link #main} makes 100 timed passes without JMH.
 *
 * <p>The scripts are read from the working directory (the project root) when the benchmark starts, not from the jar:
 * run from the checkout, or point {@code -Dfreshet.root=/path/to/checkout} at one. Scripts with a syntax error
 * (errors/parse and the conformance parse-error case) are left out: they measure error recovery, not parsing. A script
 * that {@code check} rejects only because it reads variables the golden test binds with {@code --arg} is compiled
 * with those as free variables instead ({@code Engine.compile(name, text)}); scripts whose point is a check error
 * (errors/check) go through {@code check} and its expected CompileException.
 */
@Fork(1)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParseBench {
  /** How one script is parsed and checked; decided once in setup. */
  enum Way { CHECK, FREE_VARIABLES, CHECK_ERROR }

  record Source(String name, String text, long lines, Way way) {}

  static final Engine ENGINE = BenchSupport.ENGINE;

  private List<Source> sources;
  private long lines;
  private int syntaxErrors;
  private long passes;
  private long iterationStart;
  private long iterationCpuStart;

  @Setup
  public void setup() {
    List<Source> all = new ArrayList<>();
    syntaxErrors = 0;
    for (Path p : files()) {
      String text = read(p);
      String name = p.toString();
      Way way;
      try {
        ENGINE.checkSyntax(name, text);
      } catch (CompileException e) {
        syntaxErrors++;
        continue;
      }
      try {
        ENGINE.check(name, text);
        way = Way.CHECK;
      } catch (CompileException e) {
        try {
          ENGINE.compile(name, text);
          way = Way.FREE_VARIABLES;
        } catch (CompileException e2) {
          way = Way.CHECK_ERROR;
        }
      }
      all.add(new Source(name, text, text.lines().count(), way));
    }
    sources = List.copyOf(all);
    lines = sources.stream().mapToLong(Source::lines).sum();
  }

  /** The .dg files under the checkout's golden script folders and samples, in a stable order. */
  static List<Path> files() {
    Path root = Path.of(System.getProperty("freshet.root", "."));
    List<Path> out = new ArrayList<>();
    for (String dir : List.of("src/test/resources/scripts", "src/test/resources/http", "samples")) {
      Path d = root.resolve(dir);
      if (!Files.isDirectory(d)) {
        throw new IllegalStateException("ParseBench reads the golden scripts from the checkout, but "
            + d.toAbsolutePath() + " is not a folder: run from the project root or pass -Dfreshet.root=<checkout>");
      }
      try (Stream<Path> walk = Files.walk(d)) {
        walk.filter(f -> f.toString().endsWith(".dg")).sorted().forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One pass: parse + check every script once. Returns the number that checked cleanly (so nothing is dead code). */
  @Benchmark
  public int parseAll() {
    int ok = 0;
    for (Source s : sources) {
      try {
        switch (s.way) {
          case CHECK, CHECK_ERROR -> ENGINE.check(s.name, s.text);
          case FREE_VARIABLES -> ENGINE.compile(s.name, s.text);
          default -> throw new AssertionError(s.way);
        }
        ok++;
      } catch (CompileException e) {
        if (s.way != Way.CHECK_ERROR) {
          throw e;
        }
      }
    }
    passes++;
    return ok;
  }

  /** JMH runs iteration fixtures on the benchmark thread, so its CPU time can be read here. */
  @Setup(Level.Iteration)
  public void startIteration() {
    passes = 0;
    iterationStart = System.nanoTime();
    iterationCpuStart = CPU.getCurrentThreadCpuTime();
  }

  /**
   * Prints this iteration's rate in wall time (what JMH measures) and in the benchmark thread's CPU time, which a
   * busy machine does not lower (it leaves out the time other processes held the core).
   */
  @TearDown(Level.Iteration)
  public void endIteration() {
    double seconds = (System.nanoTime() - iterationStart) / 1e9;
    double cpuSeconds = (CPU.getCurrentThreadCpuTime() - iterationCpuStart) / 1e9;
    System.out.printf(Locale.ROOT, "  [parse: %,d lines per pass; %,.0f lines/s, %,.0f lines per CPU-second]%n",
        lines, passes * lines / seconds, passes * lines / cpuSeconds);
  }

  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** Lines in one pass (the scripts that parse); used by {@link Ratios}. */
  long lines() {
    return lines;
  }

  String describe() {
    long check = sources.stream().filter(s -> s.way == Way.CHECK).count();
    long free = sources.stream().filter(s -> s.way == Way.FREE_VARIABLES).count();
    return String.format(Locale.ROOT, "%d scripts, %,d lines (%d checked, %d with free variables, %d check errors;"
        + " %d with syntax errors left out)", sources.size(), lines, check, free, sources.size() - check - free,
        syntaxErrors);
  }

  /**
   * Without JMH: 20 warm-up passes, then 100 timed passes, printing lines per second. Run from the checkout:
   * {@code java -cp target/benchmarks.jar dev.freshet.bench.ParseBench [PASSES]}.
   */
  public static void main(String[] args) {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    ParseBench bench = new ParseBench();
    bench.setup();
    System.out.println(bench.describe());
    for (int i = 0; i < 20; i++) {
      bench.parseAll();
    }
    long start = System.nanoTime();
    long cpu = CPU.getCurrentThreadCpuTime();
    for (int i = 0; i < passes; i++) {
      bench.parseAll();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpu) / 1e9;
    System.out.printf(Locale.ROOT, "%d passes in %.2f s: %,.0f lines/s (target ≥ 200,000); %,.0f lines per CPU-second"
        + " of this thread%n", passes, seconds, passes * bench.lines / seconds, passes * bench.lines / cpuSeconds);
  }
}
