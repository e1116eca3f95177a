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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  /** As BenchSupport.RAISED: the issue-7 scripts run millions of statements and fib recurses 25 deep. */
  private static final Engine RAISED = Engine.builder().zone(ZoneOffset.UTC)
      .clock(Clock.fixed(Instant.parse("2024-03-08T14:30:15Z"), ZoneOffset.UTC)).output(line -> {})
      .maxStatements(Long.MAX_VALUE).maxDepth(1_000).timeout(Duration.ofMinutes(5)).build();

  private static Result run(String script, Map<String, Object> bindings) throws IOException {
    return run(ENGINE, script, bindings);
  }

  private static Result run(Engine engine, String script, Map<String, Object> bindings) throws IOException {
    String text = Files.readString(DIR.resolve(script), StandardCharsets.UTF_8);
    return engine.compile(script, text, bindings.keySet().toArray(String[]::new)).run(bindings);
  }

  /** The prepared list {@code numbers} as the benchmarks build it: i % modulo for i = 0 .. count - 1. */
  private static List<Long> numbers(int count, long modulo) {
    List<Long> out = new ArrayList<>(count);
    for (long i = 0; i < count; i++) {
      out.add(i % modulo);
    }
    return out;
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

  @Test
  void fib() throws IOException {
    Result r = run(RAISED, "fib.dg", Map.of("n", 25L));
    assertEquals(75_025L, r.value());
    assertEquals(javaFib(25), r.value());
    assertEquals(1L, run(RAISED, "fib.dg", Map.of("n", 1L)).value());
    assertEquals(55L, run(RAISED, "fib.dg", Map.of("n", 10L)).value());
  }

  private static long javaFib(long n) {
    return n < 2 ? n : javaFib(n - 1) + javaFib(n - 2);
  }

  /** Issue 18's nested loop (TierBench), in the tree-walker and with the compiled tier. */
  @Test
  void nested() throws IOException {
    assertEquals(333_332_833_333_500_000L, run(RAISED, "nested.dg", Map.of()).value());
    dev.freshet.api.Engine eager = dev.freshet.api.Engine.builder().maxStatements(Long.MAX_VALUE).compileAfter(0)
        .build();
    assertEquals(333_332_833_333_500_000L, run(eager, "nested.dg", Map.of()).value());
  }

  /** FirstRunBench's long loop, in the tree-walker and with its loops switching to compiled code in their middle. */
  @Test
  void longLoop() throws IOException {
    long sum = 0;
    for (long hi = 0; hi < 3000; hi++) {
      for (long lo = 0; lo < 3000; lo++) {
        sum += (hi * 1000 + lo) % 7;
      }
    }
    assertEquals(sum, run(RAISED, "longloop.dg", Map.of()).value());
    dev.freshet.api.Engine hot = dev.freshet.api.Engine.builder().maxStatements(Long.MAX_VALUE).compileAfter(1)
        .build();
    int before = dev.freshet.compile.FunctionCompiler.compiledCount();
    assertEquals(sum, run(hot, "longloop.dg", Map.of()).value());
    assertTrue(dev.freshet.compile.FunctionCompiler.compiledCount() > before, "no loop was compiled");
    long longer = 0; // longerloop.dg: only with its loops compiled early (90,000,000 steps take seconds otherwise)
    for (long hi = 0; hi < 3000; hi++) {
      for (long lo = 0; lo < 3000; lo++) {
        for (long k = 0; k < 10; k++) {
          longer += (hi * 1000 + lo + k) % 7;
        }
      }
    }
    assertEquals(longer, run(hot, "longerloop.dg", Map.of()).value());
  }

  @Test
  void loop() throws IOException {
    List<Long> numbers = numbers(1_000_000, Long.MAX_VALUE);
    long sum = 0;
    for (long i : numbers) {
      sum += i * i;
    }
    assertEquals(333_332_833_333_500_000L, sum);
    assertEquals(sum, run(RAISED, "loop.dg", Map.of("numbers", numbers)).value());
  }

  /** Issue 18's nested loop in the tree-walker: Java's answer, and the statements it counts. */
  @Test
  void nestedLoop() throws IOException {
    long s = 0;
    for (long hi = 0; hi < 1000; hi++) {
      for (long lo = 0; lo < 1000; lo++) {
        long i = hi * 1000 + lo;
        s = s + i * i;
      }
    }
    assertEquals(333_332_833_333_500_000L, s);
    Result r = run(RAISED, "nested.dg", Map.of());
    assertEquals(s, r.value());
    // a loop of n passes over a body of k statements counts n * (1 + k): its header once per pass. Two assignments,
    // the digit loops 10 * (1 + 10 * (1 + 10 * (1 + 1))), s = 0, the sum 1,000 * (1 + 1,000 * (1 + 2)), the return
    assertEquals(2 + 2_110 + 1 + 3_001_000 + 1, r.statementsExecuted());
  }

  @Test
  void list() throws IOException {
    List<Long> numbers = numbers(100_000, Long.MAX_VALUE);
    long total = 0;
    for (long i : numbers) {
      total += ("item" + i).length();
    }
    assertEquals(888_890L, total);
    assertEquals(total, run(RAISED, "list.dg", Map.of("numbers", numbers)).value());
  }

  @Test
  void map() throws IOException {
    List<Long> numbers = numbers(50_000, Long.MAX_VALUE);
    Map<String, Long> m = new LinkedHashMap<>();
    for (long i : numbers) {
      m.put("k" + i, i);
    }
    long sum = m.values().stream().mapToLong(Long::longValue).sum();
    assertEquals(1_249_975_000L, sum);
    assertEquals(sum, run(RAISED, "map.dg", Map.of("numbers", numbers)).value());
  }

  @Test
  void string() throws IOException {
    List<Long> numbers = numbers(100_000, 20);
    String s = "the quick brown fox jumps over a lazy do";
    assertEquals(40, s.length());
    long total = 0;
    for (long k : numbers) {
      total += s.substring((int) k, (int) k + 20).toUpperCase(Locale.ROOT).indexOf("O");
    }
    assertEquals(515_000L, total);
    assertEquals(total, run(RAISED, "string.dg", Map.of("numbers", numbers)).value());
  }

  @Test
  void jsonItems() throws IOException {
    String document = Files.readString(DIR.resolve("items.json"), StandardCharsets.UTF_8);
    assertTrue(document.length() > 18_000 && document.length() < 22_000, "about 20 KB: " + document.length());
    ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    JsonNode items = mapper.readTree(document).get("items");
    assertEquals(200, items.size());
    BigDecimal total = BigDecimal.ZERO;
    for (JsonNode item : items) {
      total = total.add(item.get("price").decimalValue()
          .multiply(BigDecimal.valueOf(item.get("stock").get("qty").longValue())));
    }
    assertEquals(new BigDecimal("2018257.30"), total);
    Object out = run(RAISED, "items.dg", Map.of("document", document)).value();
    assertEquals(total, out, "a DECIMAL with the same value and scale");
  }

  private static List<String> iterable(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
