package dev.freshet.bench;

import dev.freshet.api.Script;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
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

/** dates.dg: 1,000 days from 2024-01-01 through addDay / getDayOfWeek / toString; java.time does the same. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DateLoopBench {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd EEE", Locale.ENGLISH);

  private Script script;

  @Setup
  public void setup() {
    script = BenchSupport.compile("dates.dg");
    BenchSupport.same("dates.dg", deluge(), java());
  }

  @Benchmark
  public Object deluge() {
    return script.run(Map.of()).value();
  }

  @Benchmark
  public String java() {
    LocalDate start = LocalDate.of(2024, 1, 1);
    List<String> days = new ArrayList<>();
    int sundays = 0;
    for (int i = 0; i < 1000; i++) {
      LocalDate day = start.plusDays(i);
      if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        sundays++;
      }
      days.add(FORMAT.format(day));
    }
    return sundays + "|" + String.join(",", days);
  }
}
