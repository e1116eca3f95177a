package dev.freshet.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.freshet.api.Engine;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scripts whose dates depend on the engine's zone or clock (DECISIONS §26). Golden scripts always run with
 * {@code --tz UTC} and the real clock, so these run through the embedding API with a chosen zone and a fixed clock.
 */
class DateZoneTest {
  /** 2024-03-08 23:30:15 UTC: already 9 March in Kolkata, still 8 March in Los Angeles. */
  private static final Instant NOW = Instant.parse("2024-03-08T23:30:15Z");

  private static List<String> run(String zone, String script) {
    List<String> out = new ArrayList<>();
    Engine engine = Engine.builder().zone(ZoneId.of(zone)).clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .output(out::add).build();
    engine.compile("zone.dg", script).run(Map.of());
    return out;
  }

  @Test
  void zohoToLongExamplesAssumeUtcMinus8() {
    assertEquals(List.of("0", "1000", "31-Dec-1969", "31-Dec-1969 16:00:01"), run("America/Los_Angeles", """
        info toLong('31-Dec-1969 16:00:00');
        info '31-Dec-1969 16:00:01'.toLong();
        info toDate(1000);
        info toTime(1000);
        """));
  }

  @Test
  void datesAreWallClockTimesInTheEngineZone() {
    assertEquals(List.of("1580681892000", "0", "01-Jan-1970 05:30:00", "09:30", "15-Mar-2019 15:30:00",
        "toString: \"Mars/Olympus\" is not a time zone"), run("Asia/Kolkata", """
        info '03-Feb-2020 03:48:12'.unixEpoch();
        info toLong('01-Jan-1970 05:30:00');
        info toTime(0);
        info '15-Mar-2019 15:00:00'.toString("HH:mm", "UTC");
        info toTime("2019/03/15 10:00", "yyyy/MM/dd HH:mm", "UTC");
        try { info '15-Mar-2019'.toString("HH:mm", "Mars/Olympus"); } catch (e) { info e.message; }
        """));
  }

  @Test
  void theClockIsReadInTheEngineZone() {
    assertEquals(List.of("09-Mar-2024 05:00:15", "09-Mar-2024", "true", "09-Mar-2024"), run("Asia/Kolkata", """
        info now;
        info today;
        info zoho.currentdate == today && zoho.currenttime == now;
        info today.toString();
        """));
    assertEquals(List.of("08-Mar-2024 15:30:15", "08-Mar-2024", "1709940615000"), run("America/Los_Angeles", """
        info zoho.currenttime;
        info zoho.currentdate;
        info now.toLong();
        """));
  }

  @Test
  void daylightSavingTimeIsApplied() {
    // 10 March 2024: Los Angeles moves from PST (UTC-8) to PDT (UTC-7) at 02:00
    assertEquals(List.of("1710064800000", "1710061200000", "PDT"), run("UTC", """
        info '10-Mar-2024 03:00:00'.unixEpoch("America/Los_Angeles");
        info '10-Mar-2024 01:00:00'.unixEpoch("America/Los_Angeles");
        info '10-Mar-2024 12:00:00'.toString("z", "America/Los_Angeles");
        """));
  }
}
