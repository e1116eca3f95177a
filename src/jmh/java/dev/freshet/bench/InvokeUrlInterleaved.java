package dev.freshet.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * InvokeUrlBench's methods measured in alternating blocks, for a busy machine: JMH runs one method after the other,
 * so a change in load between them shows up as a difference between them; here every block of one method is followed
 * by a block of each other, and the medians are compared. Run with
 * {@code java -cp target/benchmarks.jar dev.freshet.bench.InvokeUrlInterleaved [BLOCKS [CALLS_PER_BLOCK]]}.
 */
final class InvokeUrlInterleaved {
  private InvokeUrlInterleaved() {}

  public static void main(String[] args) throws Exception {
    int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 500;
    InvokeUrlBench bench = new InvokeUrlBench();
    bench.setup();
    List<String> names = List.of("httpClient", "invokeurl", "httpClientRaw", "invokeurlInMemory", "parseOnly");
    List<Callable<Object>> methods = List.of(bench::httpClient, bench::invokeurl, bench::httpClientRaw,
        bench::invokeurlInMemory, bench::parseOnly);
    List<List<Double>> times = new ArrayList<>();
    methods.forEach(m -> times.add(new ArrayList<>()));
    int warmup = Math.max(3, blocks / 5);
    Object sink = null;
    for (int b = 0; b < warmup + blocks; b++) {
      for (int m = 0; m < methods.size(); m++) {
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
          sink = methods.get(m).call();
        }
        if (b >= warmup) {
          times.get(m).add((System.nanoTime() - start) / 1000.0 / calls);
        }
      }
    }
    // Then single calls in alternation, the order switching every round, so that both sides of each pair meet the
    // same moment of the machine: the median of the per-pair ratios is steadier than the ratio of block medians.
    int pairs = blocks * calls;
    double[] ratios = new double[pairs];
    for (int p = 0; p < pairs; p++) {
      boolean clientFirst = (p & 1) == 0;
      long a = System.nanoTime();
      sink = clientFirst ? bench.httpClient() : bench.invokeurl();
      long b = System.nanoTime();
      sink = clientFirst ? bench.invokeurl() : bench.httpClient();
      long c = System.nanoTime();
      ratios[p] = clientFirst ? (double) (c - b) / (b - a) : (double) (b - a) / (c - b);
    }
    java.util.Arrays.sort(ratios);
    bench.tearDown();
    double[] median = new double[names.size()];
    System.out.printf(Locale.ROOT, "%d blocks of %d calls (after %d warm-up blocks); us per call%n", blocks, calls,
        warmup);
    for (int m = 0; m < names.size(); m++) {
      List<Double> t = times.get(m);
      Collections.sort(t);
      median[m] = t.get(t.size() / 2);
      System.out.printf(Locale.ROOT, "%-18s median %8.1f   quartiles %8.1f - %8.1f%n", names.get(m), median[m],
          t.get(t.size() / 4), t.get(3 * t.size() / 4));
    }
    System.out.printf(Locale.ROOT, "invokeurl / httpClient = %.2f; Freshet's work without the network "
        + "(invokeurlInMemory - parseOnly) = %.1f us%n", median[1] / median[0], median[3] - median[4]);
    System.out.printf(Locale.ROOT, "%d alternating pairs of single calls: invokeurl / httpClient, median of the pair"
        + " ratios = %.3f (quartiles %.3f - %.3f)%n", pairs, ratios[pairs / 2], ratios[pairs / 4], ratios[3 * pairs / 4]);
    if (sink == null) {
      System.out.println();
    }
  }
}
