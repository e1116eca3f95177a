package dev.freshet.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * list.dg: build 100,000 texts {@code "item" + i} into a list, then sum their lengths with {@code for each}; Java
 * does the same with an ArrayList. Target ≤ 5×.
 */
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ListBench extends NumbersBench {
  @Setup
  public void setup() {
    prepare("list.dg", BenchSupport.numbers(100_000));
    BenchSupport.same("list.dg", deluge(), java());
    BenchSupport.same("list total", java(), 888_890L);
  }

  @Benchmark
  public long java() {
    List<String> items = new ArrayList<>();
    for (Long i : numbers) {
      items.add("item" + i);
    }
    long total = 0;
    for (String item : items) {
      total = total + item.length();
    }
    return total;
  }
}
