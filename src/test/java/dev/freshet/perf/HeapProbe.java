package dev.freshet.perf;

import dev.freshet.api.Engine;
import dev.freshet.api.Result;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Run by {@link ScalingTest} in a JVM of its own with a small default heap: a script builds a 1,000,000-element list
 * and a 1,000,000-key map (keys {@code "k" + n}, values n), holds both, and returns their sizes. Prints
 * {@code list=… map=…} and the heap it had; exits 1 on any failure (an OutOfMemoryError included).
 */
public final class HeapProbe {
  private HeapProbe() {}

  static final String SCRIPT = """
      l = List();
      m = Map();
      for each a in thousand
      {
      	for each b in thousand
      	{
      		n = a * 1000 + b;
      		l.add(n);
      		m.put("k" + n, n);
      	}
      }
      return {"list": l.size(), "map": m.size(), "last": l.get(999999), "k999999": m.get("k999999")};
      """;

  public static void main(String[] args) {
    try {
      List<Long> thousand = new ArrayList<>();
      for (long i = 0; i < 1000; i++) {
        thousand.add(i);
      }
      Engine engine = Engine.builder().output(line -> {}).maxStatements(Long.MAX_VALUE)
          .timeout(Duration.ofMinutes(8)).build();
      long start = System.nanoTime();
      Result r = engine.compile("heap.dg", SCRIPT, "thousand").run(Map.of("thousand", thousand));
      @SuppressWarnings("unchecked")
      Map<String, Object> sizes = (Map<String, Object>) r.asJava();
      MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
      System.out.printf(Locale.ROOT, "list=%s map=%s last=%s k999999=%s; max heap %d MiB, committed %d MiB;"
          + " %,d statements in %.1f s%n", sizes.get("list"), sizes.get("map"), sizes.get("last"),
          sizes.get("k999999"), Runtime.getRuntime().maxMemory() >> 20, heap.getCommitted() >> 20,
          r.statementsExecuted(), (System.nanoTime() - start) / 1e9);
      System.exit(sizes.get("list").equals(1_000_000L) && sizes.get("last").equals(999_999L) ? 0 : 1);
    } catch (Throwable e) {
      System.out.println("failed: " + e);
      System.exit(1);
    }
  }
}
