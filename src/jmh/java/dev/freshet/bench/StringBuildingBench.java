package dev.freshet.bench;

import dev.freshet.api.Script;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** strings.dg: 10,000 items through subString / toUpperCase / replaceAll, joined into one text; Java does the same. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StringBuildingBench {
  static final String SENTENCE = "the quick brown fox jumps over the lazy dog and keeps running ";
  private static final Pattern VOWELS = Pattern.compile("[AEIOU]");

  private Script script;

  @Setup
  public void setup() {
    script = BenchSupport.compile("strings.dg");
    BenchSupport.same("strings.dg", deluge(), java());
  }

  @Benchmark
  public Object deluge() {
    return script.run(Map.of()).value();
  }

  @Benchmark
  public String java() {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      int start = i % 40;
      String piece = VOWELS.matcher(SENTENCE.substring(start, start + 12).toUpperCase(Locale.ROOT)).replaceAll("*");
      items.add(i + ":" + piece);
    }
    return String.join(",", items);
  }
}
