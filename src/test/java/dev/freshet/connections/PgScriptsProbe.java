package dev.freshet.connections;

import dev.freshet.api.Engine;
import dev.freshet.connections.pg.PostgresConnectionStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One host of {@link PgConnectionProcessTest}: a registry over the PostgreSQL store named by {@code FRESHET_STORE}
 * (key from {@code FRESHET_MASTER_KEY}), and THREADS threads that each run a script calling the API on
 * 127.0.0.1:PORT with the connection NAME.
 *
 * <pre>
 *   PgScriptsProbe PORT NAME THREADS     prints "ready", waits for a line on stdin, runs the scripts, prints
 *                                        "ok N OUTPUT" or "error N KIND MESSAGE" per thread, then "done"
 * </pre>
 * The scripts print what the API answered, never a token.
 */
public final class PgScriptsProbe {
  private PgScriptsProbe() {}

  public static void main(String[] args) throws Exception {
    String base = "http://127.0.0.1:" + Integer.parseInt(args[0]);
    String name = args[1];
    int threads = Integer.parseInt(args[2]);
    try (PostgresConnectionStore store = PostgresConnectionStore.open(System.getenv("FRESHET_STORE"),
        System::getenv)) {
      ConnectionRegistry registry = ConnectionRegistry.builder().store(store).build();
      store.list(null); // connected and migrated before "ready": the race is about the refresh alone
      System.out.println("ready");
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<String>> runs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int n = t;
        runs.add(pool.submit(() -> {
          List<String> out = new ArrayList<>();
          try {
            Engine.builder().connections(registry).output(out::add).build().compile("host.dg", """
                r = invokeurl [ url: base + "/api/items" type: GET connection: "%s" ];
                info r.get("count");""".formatted(name), "base").run(Map.of("base", base));
            return "ok " + n + " " + String.join(",", out);
          } catch (RuntimeException e) {
            return "error " + n + " " + e.getClass().getSimpleName() + " " + e.getMessage();
          }
        }));
      }
      for (Future<String> f : runs) {
        System.out.println(f.get(120, TimeUnit.SECONDS));
      }
      pool.shutdown();
      System.out.println("done");
      System.out.flush();
    }
  }
}
