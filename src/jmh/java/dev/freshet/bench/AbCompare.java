package dev.freshet.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Compares two builds of Freshet on one benchmark script, in one JVM: each jar gets a class loader of its own (so the
 * JIT profiles and compiles each build's classes apart), and the two run in turn, batch after batch, measured in the
 * thread's CPU time. The ratio B / A of each pair of batches is taken, and their median printed with its quartiles.
 * On the shared development machine, where a benchmark's time moves by a third from one minute to the next, this tells
 * a 5 % change from noise; two separate runs cannot. A build compared with itself gives 1.00 ± 0.02; between JVM
 * runs the JIT's choices still move a real difference by several per cent (string.dg, one change: 0.83 – 0.93), so
 * run it two or three times.
 *
 * <pre>
 *   mvn -B -q package -DskipTests -Dfreshet.buildDir=/tmp/a   (on the old commit; then on the new one into /tmp/b)
 *   java -cp target/benchmarks.jar dev.freshet.bench.AbCompare /tmp/a/freshet.jar /tmp/b/freshet.jar string.dg
 * </pre>
 *
 * Scripts: fib.dg, loop.dg, nested.dg, list.dg, map.dg, string.dg, items.dg (read from this project's bench resources), with the
 * bindings their benchmark classes give them.
 */
public final class AbCompare {
  private AbCompare() {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int PAIRS = 40;

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: AbCompare A.jar B.jar SCRIPT.dg   (fib, loop, nested, list, map, string or items)");
      System.exit(64);
    }
    String script = args[2];
    Map<String, Object> bindings = bindings(script);
    Supplier<Object> a = load(Path.of(args[0]), script, bindings);
    Supplier<Object> b = load(Path.of(args[1]), script, bindings);
    if (!String.valueOf(a.get()).equals(String.valueOf(b.get()))) {
      throw new IllegalStateException("the builds disagree: " + a.get() + " and " + b.get());
    }
    long warm = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < warm) {
      a.get();
      b.get();
    }
    int reps = Math.max(3, (int) (50 / batchMillis(a, 3))); // batches of at least 50 ms, once warm
    double[] ratio = new double[PAIRS];
    double[] timeA = new double[PAIRS];
    double[] timeB = new double[PAIRS];
    for (int i = 0; i < PAIRS; i++) {
      if (i % 2 == 0) { // which goes first alternates
        timeA[i] = batchMillis(a, reps);
        timeB[i] = batchMillis(b, reps);
      } else {
        timeB[i] = batchMillis(b, reps);
        timeA[i] = batchMillis(a, reps);
      }
      ratio[i] = timeB[i] / timeA[i];
    }
    Arrays.sort(ratio);
    Arrays.sort(timeA);
    Arrays.sort(timeB);
    System.out.printf(Locale.ROOT, "%s: B / A = %.3f (quartiles %.3f – %.3f over %d pairs); A %.3f ms, B %.3f ms"
        + " per run (medians)%n", script, ratio[PAIRS / 2], ratio[PAIRS / 4], ratio[3 * PAIRS / 4], PAIRS,
        timeA[PAIRS / 2], timeB[PAIRS / 2]);
  }

  private static double batchMillis(Supplier<Object> run, int reps) {
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < reps; i++) {
      run.get();
    }
    return (THREADS.getCurrentThreadCpuTime() - start) / 1e6 / reps;
  }

  private static Map<String, Object> bindings(String script) throws Exception {
    Map<String, Object> b = new HashMap<>();
    switch (script) {
      case "fib.dg" -> b.put("n", FibBench.N);
      case "items.dg" -> b.put("document", BenchSupport.resource("items.json"));
      case "loop.dg" -> b.put("numbers", numbers(1_000_000, Long.MAX_VALUE));
      case "list.dg", "string.dg" -> b.put("numbers", numbers(100_000, script.equals("string.dg") ? 20 : Long.MAX_VALUE));
      case "map.dg" -> b.put("numbers", numbers(50_000, Long.MAX_VALUE));
      case "nested.dg" -> { } // issue 18's nested loops read no binding
      default -> throw new IllegalArgumentException("no bindings known for " + script);
    }
    return b;
  }

  /** 0 .. n-1, each modulo {@code mod}, as the benchmark classes prepare them. */
  private static List<Long> numbers(int n, long mod) {
    List<Long> out = new ArrayList<>(n);
    for (long i = 0; i < n; i++) {
      out.add(i % mod);
    }
    return List.copyOf(out);
  }

  /** A run of the script on the build in {@code jar}, through its public API, by reflection. */
  private static Supplier<Object> load(Path jar, String script, Map<String, Object> bindings) throws Exception {
    ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    Class<?> engineClass = loader.loadClass("dev.freshet.api.Engine");
    Object builder = engineClass.getMethod("builder").invoke(null);
    Class<?> builderClass = builder.getClass();
    builderClass.getMethod("output", Consumer.class).invoke(builder, (Consumer<String>) line -> { });
    builderClass.getMethod("maxStatements", long.class).invoke(builder, Long.MAX_VALUE / 4);
    builderClass.getMethod("maxDepth", int.class).invoke(builder, 1_000);
    Object engine = builderClass.getMethod("build").invoke(builder);
    Object compiled = engineClass.getMethod("compile", String.class, String.class, String[].class).invoke(engine,
        script, BenchSupport.resource(script), (Object) bindings.keySet().toArray(String[]::new));
    Method run = compiled.getClass().getMethod("run", Map.class);
    Method value = run.getReturnType().getMethod("value");
    return () -> {
      try {
        return value.invoke(run.invoke(compiled, bindings));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    };
  }
}
