package dev.freshet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One compiled script, one engine, sixteen threads at once: every run sees only its own bindings. */
class ConcurrencyTest {
  private static final int THREADS = 16;
  private static final int RUNS_PER_THREAD = 40;

  private static final String SCRIPT = """
      int score(Map lead) {
        s = 0;
        for each tag in lead.get("tags") {
          s = s + tag.length();
        }
        return s + lead.get("employees") / 10 + bonus(lead.get("employees"));
      }
      total = 0;
      names = List();
      for each l in leads {
        total = total + score(l);
        names.add(l.get("tags").get(0));
      }
      info name + ":" + total;
      return {"name": name.toUpperCase(), "total": total, "first": names.get(0), "count": names.size()};
      """;

  @Test
  void oneScriptRunsFromSixteenThreadsWithDifferentBindings() throws Exception {
    AtomicLong hostCalls = new AtomicLong();
    Engine engine = Engine.builder().function("bonus", List.of("employees"), "Bonus points for size", args -> {
      hostCalls.incrementAndGet();
      return (Long) args.get(0) > 100 ? 5 : 0;
    }).build();
    Script script = engine.compile("score.dg", SCRIPT);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Integer>> checked = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        checked.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < RUNS_PER_THREAD; i++) {
            check(script, thread, i);
          }
          return RUNS_PER_THREAD;
        }));
      }
      go.countDown();
      int runs = 0;
      for (Future<Integer> f : checked) {
        runs += f.get(60, TimeUnit.SECONDS); // rethrows the first failed check
      }
      assertEquals(THREADS * RUNS_PER_THREAD, runs);
    } finally {
      pool.shutdownNow();
    }
    long leadsPerRound = 0;
    for (int i = 0; i < RUNS_PER_THREAD; i++) {
      leadsPerRound += i % 5 + 1;
    }
    assertEquals(THREADS * leadsPerRound, hostCalls.get());
  }

  /** Runs with bindings unique to (thread, i) and compares with the same computation done in Java. */
  private static void check(Script script, int thread, int i) {
    String name = "lead-" + thread + "-" + i;
    List<Map<String, Object>> leads = new ArrayList<>();
    long total = 0;
    for (int k = 0; k < i % 5 + 1; k++) {
      String tag = "t".repeat(thread + 1) + k;
      long employees = 10L * (thread + i + k);
      leads.add(Map.of("tags", List.of(tag, "bb"), "employees", employees));
      total += tag.length() + 2 + employees / 10 + (employees > 100 ? 5 : 0);
    }
    List<String> info = new ArrayList<>();
    Result r = script.run(Map.of("name", name, "leads", leads), info::add);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("name", name.toUpperCase());
    expected.put("total", total);
    expected.put("first", "t".repeat(thread + 1) + 0);
    expected.put("count", (long) leads.size());
    assertEquals(expected, r.asJava(), name);
    assertEquals(List.of(name + ":" + total), info, name);
  }
}
