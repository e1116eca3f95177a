package dev.freshet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.api.Engine;
import dev.freshet.api.Result;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs each JMH benchmark's Deluge script (src/jmh/resources/dev/freshet/bench) once through the public API, as the
 * benchmarks do, and checks its result, so that the scripts keep working while the benchmarks are not built.
 */
class BenchScriptsTest {
  private static final Path DIR = Path.of("src/jmh/resources/dev/freshet/bench");
  private static final Engine ENGINE = Engine.builder().zone(ZoneOffset.UTC)
      .clock(Clock.fixed(Instant.parse("2024-03-08T14:30:15Z"), ZoneOffset.UTC)).output(line -> {}).build();

  private static Result run(String script, Map<String, Object> bindings) throws IOException {
    String text = Files.readString(DIR.resolve(script), StandardCharsets.UTF_8);
    return ENGINE.compile(script, text, bindings.keySet().toArray(String[]::new)).run(bindings);
  }

  @Test
  void stringBuilding() throws IOException {
    String out = (String) run("strings.dg", Map.of()).value();
    List<String> items = List.of(out.split(","));
    assertEquals(10_000, items.size());
    assertEquals("0:TH* Q**CK BR", items.get(0));
    assertEquals("1:H* Q**CK BR*", items.get(1));
    String sentence = "the quick brown fox jumps over the lazy dog and keeps running ";
    for (int i = 0; i < items.size(); i++) {
      String piece = sentence.substring(i % 40, i % 40 + 12).toUpperCase(Locale.ROOT).replaceAll("[AEIOU]", "*");
      assertEquals(i + ":" + piece, items.get(i));
    }
  }

  @Test
  void dateLoop() throws IOException {
    String out = (String) run("dates.dg", Map.of()).value();
    String[] parts = out.split("\\|");
    List<String> days = List.of(parts[1].split(","));
    assertEquals(1000, days.size());
    assertEquals("2024-01-01 Mon", days.get(0));
    assertEquals("2024-02-29 Thu", days.get(59));
    assertEquals("2026-09-26 Sat", days.get(999));
    DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd EEE", Locale.ENGLISH);
    for (int i = 0; i < days.size(); i++) {
      assertEquals(format.format(LocalDate.of(2024, 1, 1).plusDays(i)), days.get(i));
    }
    assertEquals("142", parts[0], "Sundays among the 1,000 days: 7 Jan 2024, 14 Jan, …, 20 Sep 2026");
  }

  @Test
  void jsonReshaping() throws IOException {
    String payload = Files.readString(DIR.resolve("payload.json"), StandardCharsets.UTF_8);
    assertTrue(payload.length() > 18_000 && payload.length() < 22_000, "about 20 KB: " + payload.length());
    String out = (String) run("json.dg", Map.of("payload", payload)).value();
    ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    JsonNode result = mapper.readTree(out);
    JsonNode input = mapper.readTree(payload).get("data");
    assertEquals(35, result.get("count").asInt());
    assertEquals(35, result.get("records").size());
    BigDecimal total = BigDecimal.ZERO;
    for (int i = 0; i < input.size(); i++) {
      JsonNode in = input.get(i);
      JsonNode row = result.get("records").get(i);
      assertEquals(List.of("id", "name", "email", "owner", "stage", "amount"), List.copyOf(iterable(row)));
      assertEquals(in.get("id").asLong(), row.get("id").asLong());
      assertEquals(in.get("First_Name").asText() + " " + in.get("Last_Name").asText(), row.get("name").asText());
      assertEquals(in.get("Email").asText().toLowerCase(Locale.ROOT), row.get("email").asText());
      assertEquals(in.get("Owner").get("name"), row.get("owner"));
      assertEquals(0, in.get("Amount").decimalValue().compareTo(row.get("amount").decimalValue()));
      total = total.add(in.get("Amount").decimalValue());
    }
    assertEquals(0, total.compareTo(result.get("total").decimalValue()), "total " + result.get("total"));
    assertEquals(0, new BigDecimal("350088.53").compareTo(total));
  }

  private static List<String> iterable(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
