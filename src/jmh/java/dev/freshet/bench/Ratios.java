package dev.freshet.bench;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the issue-7 benchmarks with JMH and prints one line per area: the Deluge script's time, the Java baseline's
 * time (same run, same fork), their ratio, the target and whether it is met. Run from the project root (ParseBench
 * reads the golden scripts from the checkout):
 *
 * <pre>
 *   mvn -B -q -Pbench package -DskipTests &amp;&amp; java -cp target/benchmarks.jar dev.freshet.bench.Ratios
 * </pre>
 *
 * <p>The benchmark classes set their own defaults (annotations, so {@code java -jar target/benchmarks.jar FibBench}
 * measures the same way): one fork, 5 warm-up iterations of 2 s, 5 measured iterations of 2 s; ParseBench warms up
 * for 15 iterations, as parsing kept getting faster for about 30 s on a busy 2-core machine. The interpreter is a lot
 * of code for the JIT: with 3 s of warm-up the Deluge side was still getting faster while being measured. About 7
 * minutes in all. Any JMH option overrides them ({@code -f 2 -wi 10 -i 10 -r 5s}, or
 * {@code -f 1 -wi 2 -i 3 -w 1s -r 1s} for a quick look); a benchmark regex picks areas ({@code Ratios 'Fib|Loop'}).
 * Each time in the table is the <em>median</em> of the measured iterations (one disturbed iteration on a shared
 * machine does not move it), with the range of the iterations; JMH's own summary above it shows means and errors.
 * Cold start is measured by bench/coldstart.sh.
 */
public final class Ratios {
  private Ratios() {}

  /** One row: the class, what it runs, and the target: a ratio deluge / java of at most {@code limit}. */
  private record Area(String name, String bench, String script, double limit) {}

  private static final List<Area> AREAS = List.of(
      new Area("fib", "FibBench", "fib.dg (fib(25), 242,785 calls)", 30),
      new Area("loop", "LoopBench", "loop.dg (sum of i*i, 1,000,000)", 30),
      new Area("nested", "NestedLoopBench", "nested.dg (issue 18's nested loops, 1,000,000 steps)", 30),
      new Area("list", "ListBench", "list.dg (100,000 texts)", 5),
      new Area("map", "MapBench", "map.dg (50,000 keys)", 3),
      new Area("string", "StringBench", "string.dg (100,000 × 3 calls)", 3),
      new Area("json", "JsonItemsBench", "items.dg (20 KB, 200 items)", 2));
  private static final double PARSE_TARGET = 200_000;
  private static final double THREADS_TARGET = 1.7;
  private static final String ALL =
      "dev\\.freshet\\.bench\\.((Fib|Loop|NestedLoop|List|Map|String|JsonItems|Parse)Bench\\.|ThreadsBench\\.(one|two))";

  public static void main(String[] args) throws Exception {
    CommandLineOptions cmd = new CommandLineOptions(args);
    ChainedOptionsBuilder b = new OptionsBuilder().parent(cmd);
    if (cmd.getIncludes().isEmpty()) {
      b.include(ALL); // otherwise the user's regex picks the benchmarks; the table shows the areas it covered
    }
    if (System.getProperty("freshet.root") != null && !cmd.getJvmArgsAppend().hasValue()) {
      b.jvmArgsAppend("-Dfreshet.root=" + System.getProperty("freshet.root"));
    }
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    long start = System.nanoTime();
    Collection<RunResult> results = new Runner(b.build()).run();
    double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

    Map<String, Score> score = new HashMap<>();
    for (RunResult r : results) {
      String label = r.getParams().getBenchmark();
      score.put(label.substring(label.lastIndexOf('.', label.lastIndexOf('.') - 1) + 1), Score.of(r));
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "Freshet / plain Java, same run: %s, JDK %s (%s), %d cores, load average %.1f"
        + " before, %.1f after; %.1f min%n", LocalDate.now(), System.getProperty("java.version"),
        System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter,
        (System.nanoTime() - start) / 60e9);
    System.out.println();
    System.out.println("| area | script | Freshet (`deluge`) | Java (`java`) | ratio | target | |"
        + " of which bindings |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (Area a : AREAS) {
      Score deluge = score.get(a.bench + ".deluge");
      Score java = score.get(a.bench + ".java");
      if (deluge == null || java == null) {
        continue;
      }
      double ratio = micros(deluge) / micros(java);
      Score bindings = score.get(a.bench + ".bindings");
      System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | **%.2f×** | ≤ %.0f× | %s | %s |%n", a.name, a.script,
          time(deluge), time(java), ratio, a.limit, ratio <= a.limit ? "PASS" : "FAIL",
          bindings == null ? "–" : String.format(Locale.ROOT, "%s (%.0f %%)", format(micros(bindings)),
              100 * micros(bindings) / micros(deluge)));
    }
    Score parse = score.get("ParseBench.parseAll");
    String parsed = null;
    if (parse != null) {
      ParseBench p = new ParseBench();
      p.setup();
      parsed = p.describe();
      double linesPerSecond = p.lines() / (micros(parse) / 1e6);
      System.out.printf(Locale.ROOT, "| parse | golden scripts and samples, parse + check (%,d lines) | %s per pass |"
          + " – | **%,.0f lines/s** | ≥ %,.0f lines/s | %s | – |%n", p.lines(), time(parse), linesPerSecond,
          PARSE_TARGET, linesPerSecond >= PARSE_TARGET ? "PASS" : "FAIL");
    }
    Score one = score.get("ThreadsBench.oneThread");
    Score two = score.get("ThreadsBench.twoThreads");
    if (one != null && two != null) {
      double ratio = two.median / one.median;
      Score sixteen = score.get("ThreadsBench.sixteenThreads");
      System.out.printf(Locale.ROOT, "| threads | fib(18), one Script on one Engine | 1 thread: %.2f runs/ms |"
          + " 2 threads: %.2f runs/ms%s | **%.2f×** | ≥ %.1f× | %s | – |%n", one.median, two.median,
          sixteen == null ? "" : String.format(Locale.ROOT, "; 16: %.2f", sixteen.median), ratio,
          THREADS_TARGET, ratio >= THREADS_TARGET ? "PASS" : "FAIL (needs 2 idle cores)");
    }
    System.out.println();
    System.out.println("Times per script run: the median of the measured iterations (range in brackets); ratio ="
        + " Freshet / Java, of the medians. 'of which bindings' is Script.run of `return 0;` with the same `numbers`"
        + " binding: every run converts the host's List<Long>.");
    if (parsed != null) {
      System.out.println("Parse: " + parsed + ".");
    }
    System.out.println("Cold start (≤ 3× a plain Java main): bench/coldstart.sh");
  }

  /** A benchmark's median and range over its measured iterations, in the unit JMH reported them in. */
  private record Score(double median, double min, double max, String unit) {
    static Score of(RunResult r) {
      List<Double> values = new ArrayList<>();
      for (BenchmarkResult b : r.getBenchmarkResults()) {
        for (IterationResult i : b.getIterationResults()) {
          values.add(i.getPrimaryResult().getScore());
        }
      }
      Collections.sort(values);
      int n = values.size();
      double median = n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
      return new Score(median, values.get(0), values.get(n - 1), r.getPrimaryResult().getScoreUnit());
    }
  }

  /** A JMH average-time figure (in {@code unit}, e.g. us/op) in microseconds. */
  private static double micros(double value, String unit) {
    TimeUnit u = switch (unit.substring(0, unit.indexOf('/'))) {
      case "ns" -> TimeUnit.NANOSECONDS;
      case "us" -> TimeUnit.MICROSECONDS;
      case "ms" -> TimeUnit.MILLISECONDS;
      case "s" -> TimeUnit.SECONDS;
      default -> throw new IllegalStateException("unexpected unit " + unit);
    };
    return value * u.toNanos(1) / 1000.0;
  }

  private static double micros(Score s) {
    return micros(s.median, s.unit);
  }

  private static String time(Score s) {
    return format(micros(s)) + " (" + format(micros(s.min, s.unit)) + " – " + format(micros(s.max, s.unit)) + ")";
  }

  private static String format(double us) {
    if (us >= 1000) {
      return String.format(Locale.ROOT, "%.2f ms", us / 1000);
    }
    return String.format(Locale.ROOT, "%.1f µs", us);
  }
}
