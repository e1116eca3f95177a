package dev.freshet.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The ratio deluge / java of a benchmark class, measured in the thread's CPU time with the two sides interleaved,
 * batch after batch (as {@link AbCompare} compares two builds). When other work loads the machine, JMH's wall-clock
 * times move several-fold between iterations and the two methods of a class are measured a minute apart; CPU time is
 * what the other processes do not add to, and each pair of batches is measured under the same load. Prints, per
 * class, the median of the per-pair ratios with its quartiles and each side's median time per run.
 *
 * <pre>
 *   java [-Dfreshet.compile=off] -cp target/benchmarks.jar dev.freshet.bench.CpuRatios [fib loop nested list ...]
 *   java -cp target/benchmarks.jar dev.freshet.bench.CpuRatios floor     (FloorFib: a bound, not Freshet)
 * </pre>
 */
public final class CpuRatios {
  private CpuRatios() {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int PAIRS = 30;

  public static void main(String[] args) {
    List<String> areas = args.length > 0 ? List.of(args) : List.of("fib", "loop", "nested", "list", "map", "string");
    System.out.printf(Locale.ROOT, "deluge / java in thread CPU time, %d interleaved pairs of batches; freshet.compile"
        + "=%s; load average %.1f%n", PAIRS, System.getProperty("freshet.compile", "(default)"),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    for (String area : areas) {
      Supplier<Object>[] sides = sides(area);
      measure(area, sides[0], sides[1]);
    }
  }

  @SuppressWarnings("unchecked")
  private static Supplier<Object>[] sides(String area) {
    switch (area) {
      case "fib" -> {
        FibBench b = new FibBench();
        b.setup();
        return new Supplier[] {b::deluge, b::java};
      }
      case "floor" -> { // not Freshet: the smallest tree-walker of fib.dg, a bound for the tree-walker's ratio
        FibBench b = new FibBench();
        b.setup();
        BenchSupport.same("FloorFib.fib(25)", FloorFib.fib(FibBench.N), 75_025L);
        return new Supplier[] {() -> FloorFib.fib(FibBench.N), b::java};
      }
      case "nested" -> {
        NestedLoopBench b = new NestedLoopBench();
        b.setup();
        return new Supplier[] {b::deluge, b::java};
      }
      default -> {
        NumbersBench b = switch (area) {
          case "loop" -> new LoopBench();
          case "list" -> new ListBench();
          case "map" -> new MapBench();
          case "string" -> new StringBench();
          default -> throw new IllegalArgumentException("unknown area " + area
              + " (fib, loop, nested, list, map, string, floor)");
        };
        setup(b);
        return new Supplier[] {b::deluge, () -> java(b)};
      }
    }
  }

  private static void setup(NumbersBench b) {
    try {
      b.getClass().getMethod("setup").invoke(b);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object java(NumbersBench b) {
    try {
      return b.getClass().getMethod("java").invoke(b);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void measure(String area, Supplier<Object> deluge, Supplier<Object> java) {
    long warm = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < warm) {
      deluge.get();
      java.get();
    }
    int repsD = Math.max(3, (int) (50 / batchMillis(deluge, 3)));
    int repsJ = Math.max(3, (int) (50 / batchMillis(java, 3)));
    double[] ratio = new double[PAIRS];
    double[] timeD = new double[PAIRS];
    double[] timeJ = new double[PAIRS];
    for (int i = 0; i < PAIRS; i++) {
      if (i % 2 == 0) { // which goes first alternates
        timeD[i] = batchMillis(deluge, repsD);
        timeJ[i] = batchMillis(java, repsJ);
      } else {
        timeJ[i] = batchMillis(java, repsJ);
        timeD[i] = batchMillis(deluge, repsD);
      }
      ratio[i] = timeD[i] / timeJ[i];
    }
    Arrays.sort(ratio);
    Arrays.sort(timeD);
    Arrays.sort(timeJ);
    System.out.printf(Locale.ROOT, "| %s | %.3f ms | %.3f ms | **%.2f×** (quartiles %.2f – %.2f) |%n", area,
        timeD[PAIRS / 2], timeJ[PAIRS / 2], ratio[PAIRS / 2], ratio[PAIRS / 4], ratio[3 * PAIRS / 4]);
  }

  private static double batchMillis(Supplier<Object> run, int reps) {
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < reps; i++) {
      run.get();
    }
    return (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / reps;
  }
}
