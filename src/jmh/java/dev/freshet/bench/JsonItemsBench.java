package dev.freshet.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.api.Script;
import java.math.BigDecimal;
import java.util.Map;
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
 * items.dg: {@code toMap()} a 20 KB JSON document of 200 items and sum {@code price * stock.qty} as a DECIMAL; Java
 * reads the same text with Jackson's {@code readTree} (floats as BigDecimal, as money is read) and sums with
 * BigDecimal. Target ≤ 2×.
 */
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JsonItemsBench {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Script script;
  private String document;
  private Map<String, Object> bindings;

  @Setup
  public void setup() throws JsonProcessingException {
    document = BenchSupport.resource("items.json");
    bindings = Map.of("document", document);
    script = BenchSupport.compileRaised("items.dg", "document");
    BenchSupport.same("items.dg", deluge(), java());
  }

  @Benchmark
  public Object deluge() {
    return script.run(bindings).value();
  }

  @Benchmark
  public BigDecimal java() throws JsonProcessingException {
    JsonNode doc = MAPPER.readTree(document);
    BigDecimal total = BigDecimal.ZERO;
    for (JsonNode item : doc.get("items")) {
      total = total.add(item.get("price").decimalValue()
          .multiply(BigDecimal.valueOf(item.get("stock").get("qty").longValue())));
    }
    return total;
  }
}
