package dev.freshet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Java values in, Deluge values inside (seen through what the script prints), Java values out. */
class ConversionTest {
  private final List<String> out = new ArrayList<>();
  private final Engine engine = Engine.builder().zone(ZoneId.of("Asia/Kolkata")).output(out::add).build();

  /** What {@code info} prints for the binding, and the Deluge type the script holds (by the runtime's class). */
  private String seen(Object value) {
    out.clear();
    Object held = engine.compile("t.dg", "info v;\nreturn v;").run(java.util.Collections.singletonMap("v", value))
        .value();
    return out.get(0) + " | " + (held == null ? "NULL" : dev.freshet.runtime.Values.typeOf(held));
  }

  private Object roundTrip(Object value) {
    return engine.compile("t.dg", "return v;").run(java.util.Collections.singletonMap("v", value)).asJava();
  }

  @Test
  void javaValuesBecomeDelugeValues() {
    assertEquals("Ada | TEXT", seen("Ada"));
    assertEquals("42 | NUMBER", seen(42));
    assertEquals("42 | NUMBER", seen(42L));
    assertEquals("7 | NUMBER", seen((short) 7));
    assertEquals("7 | NUMBER", seen((byte) 7));
    assertEquals("7 | NUMBER", seen(BigInteger.valueOf(7)));
    assertEquals("2.5 | DECIMAL", seen(new BigDecimal("2.50")));
    assertEquals("0.1 | DECIMAL", seen(0.1d));
    assertEquals("0.1 | DECIMAL", seen(0.1f));
    assertEquals("true | BOOLEAN", seen(true));
    assertEquals("08-Mar-2024 | DATE-TIME", seen(LocalDate.of(2024, 3, 8)));
    assertEquals("08-Mar-2024 09:30:00 | DATE-TIME", seen(LocalDateTime.of(2024, 3, 8, 9, 30)));
    assertEquals("1,2,3 | LIST", seen(List.of(1, 2, 3)));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("a", 1);
    m.put("b", List.of(true, "x"));
    assertEquals("{\"a\":1,\"b\":[true,\"x\"]} | MAP", seen(m));
    assertEquals("1,2 | LIST", seen(new Integer[] {1, 2}));
    assertEquals(" | NULL", seen(null));
  }

  @Test
  void instantsAndZonedTimesAreShownInTheEngineZone() {
    Instant noonUtc = Instant.parse("2024-03-08T12:00:00Z");
    assertEquals("08-Mar-2024 17:30:00", seen(noonUtc).split(" [|] ")[0]);
    assertEquals("08-Mar-2024 17:30:00", seen(ZonedDateTime.parse("2024-03-08T07:00:00-05:00")).split(" [|] ")[0]);
  }

  @Test
  void delugeValuesComeBackAsJava() {
    assertEquals("Ada", roundTrip("Ada"));
    assertEquals(42L, roundTrip(42));
    assertEquals(new BigDecimal("2.5"), roundTrip(2.5));
    assertEquals(true, roundTrip(true));
    assertEquals(LocalDate.of(2024, 3, 8), roundTrip(LocalDate.of(2024, 3, 8)));
    assertEquals(LocalDateTime.of(2024, 3, 8, 9, 30), roundTrip(LocalDateTime.of(2024, 3, 8, 9, 30)));
    assertEquals(List.of(1L, List.of("a")), roundTrip(List.of(1, List.of("a"))));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("z", 1L);
    m.put("a", Map.of("n", new BigDecimal("1.5")));
    assertEquals(m, roundTrip(m));
    assertEquals(List.of("z", "a"), new ArrayList<>(((Map<?, ?>) roundTrip(m)).keySet()), "order kept");
  }

  @Test
  void scriptValuesComeBackAsJava() {
    Result r = engine.compile("t.dg", "m = Map();\nm.put(\"n\", 10 / 4);\n"
        + "m.put(\"d\", 10 / 4.0);\nm.put(\"empty\", {});\nm.put(\"l\", {1, \"a\"});\nreturn m;").run(Map.of());
    assertEquals(Map.of("n", 2L, "d", new BigDecimal("2.5"), "empty", Map.of(), "l", List.of(1L, "a")), r.asJava());
    assertEquals("{\"n\":2,\"d\":2.5,\"empty\":{},\"l\":[1,\"a\"]}", r.asText());
    assertEquals(LocalDate.of(2024, 3, 8), engine.compile("t.dg", "return \"2024-03-08\".toDate();").run(Map.of())
        .asJava());
    assertEquals("1,a", engine.compile("t.dg", "return {1, \"a\"};").run(Map.of()).asText());
  }

  @Test
  void theScriptNeverChangesTheHostsCollections() {
    List<Object> hostList = new ArrayList<>(List.of(1));
    engine.compile("t.dg", "l.add(2);\ninfo l;").run(Map.of("l", hostList));
    assertEquals(List.of("1,2"), out);
    assertEquals(List.of(1), hostList);
  }

  @Test
  void aResultValueCanBePassedToAnotherRun() {
    Object list = engine.compile("t.dg", "return {\"a\": {1, 2}};").run(Map.of()).value();
    Script add = engine.compile("t.dg", "m.get(\"a\").add(3);\nreturn m;");
    assertEquals("{\"a\":[1,2,3]}", add.run(Map.of("m", list)).asText());
    assertEquals("{\"a\":[1,2,3]}", add.run(Map.of("m", list)).asText(), "the first run worked on a copy");
  }

  @Test
  void valuesWithoutADelugeFormAreRejectedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> seen(Map.of("items", List.of(Thread.currentThread()))));
    assertTrue(e.getMessage().startsWith("binding 'v'[items][0]: a java.lang.Thread has no Deluge form; use String"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> seen(Double.NaN));
    List<Object> self = new ArrayList<>();
    self.add(self);
    assertEquals("binding 'v'[0]: the collection contains itself",
        assertThrows(IllegalArgumentException.class, () -> seen(self)).getMessage());
  }

  @Test
  void bigIntegersBeyondSixtyFourBitsAreDecimals() {
    assertEquals("18446744073709551616 | DECIMAL", seen(BigInteger.TWO.pow(64)));
  }
}
