package dev.freshet.bench;

import dev.freshet.api.Script;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What loop, list, map and string share: a script reading a prepared list {@code numbers}, run through the public API
 * (which converts the list on every run), and {@code bindings}, a script that only returns 0 with the same binding:
 * the part of {@code deluge} spent converting the list. Each subclass prepares its list and script in its
 * {@code @Setup} with {@link #prepare} and writes its Java baseline as {@code java()}.
 */
@State(Scope.Benchmark)
public abstract class NumbersBench {
  private Script script;
  private Script bindOnly;
  private Map<String, Object> bindings;
  /** The prepared list, which the Java baseline reads as it is. */
  List<Long> numbers;

  void prepare(String scriptName, List<Long> prepared) {
    numbers = prepared;
    bindings = Map.of("numbers", numbers);
    script = BenchSupport.compileRaised(scriptName, "numbers");
    bindOnly = BenchSupport.RAISED.compile("bindings.dg", "return 0;", "numbers");
  }

  @Benchmark
  public Object deluge() {
    return script.run(bindings).value();
  }

  /** Script.run of {@code return 0;} with the same binding: what converting the list costs on every run. */
  @Benchmark
  public Object bindings() {
    return bindOnly.run(bindings).value();
  }
}
