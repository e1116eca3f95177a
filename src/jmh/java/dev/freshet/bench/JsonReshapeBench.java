package dev.freshet.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.api.Script;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** json.dg: a 20 KB CRM-style response read with toMap / getJSON and reshaped into a new map; Jackson does the same. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JsonReshapeBench {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Script script;
  private Map<String, Object> bindings;
  private String payload;

  @Setup
  public void setup() throws JsonProcessingException {
    payload = BenchSupport.resource("payload.json");
    bindings = Map.of("payload", payload);
    script = BenchSupport.compile("json.dg", "payload");
    // The same JSON tree, numbers compared by value (1520.50 and 1520.5 are the same amount).
    JsonNode fromScript = MAPPER.readTree((String) deluge());
    JsonNode fromJava = MAPPER.readTree(java());
    Comparator<JsonNode> byValue = (a, b) -> a.isNumber() && b.isNumber()
        ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;
    if (!fromScript.equals(byValue, fromJava)) {
      BenchSupport.same("json.dg", fromScript, fromJava); // throws, showing both
    }
  }

  @Benchmark
  public Object deluge() {
    return script.run(bindings).value();
  }

  @Benchmark
  public String java() throws JsonProcessingException {
    JsonNode response = MAPPER.readTree(payload);
    ArrayNode summary = MAPPER.createArrayNode();
    BigDecimal total = BigDecimal.ZERO;
    for (JsonNode record : response.get("data")) {
      ObjectNode row = summary.addObject();
      row.set("id", record.get("id"));
      row.put("name", record.get("First_Name").asText() + " " + record.get("Last_Name").asText());
      row.put("email", record.get("Email").asText().toLowerCase(Locale.ROOT));
      row.set("owner", record.get("Owner").get("name"));
      row.set("stage", record.get("Stage"));
      row.set("amount", record.get("Amount"));
      total = total.add(record.get("Amount").decimalValue());
    }
    ObjectNode result = MAPPER.createObjectNode();
    result.put("count", summary.size());
    result.put("total", total);
    result.set("records", summary);
    return MAPPER.writeValueAsString(result);
  }
}
