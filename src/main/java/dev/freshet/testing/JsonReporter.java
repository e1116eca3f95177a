package dev.freshet.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;

/** One JSON object per line and event (start, test, end), for tools. */
public final class JsonReporter implements Reporter {
  private final PrintStream out;

  public JsonReporter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void start(String mode) {
    ObjectNode e = Json.object().put("event", "start").put("mode", mode);
    out.println(Json.compact(e));
  }

  @Override
  public void file(String path, List<TestResult> results) {
    for (TestResult r : results) {
      ObjectNode e = Json.object().put("event", "test").put("file", r.file()).put("name", r.name())
          .put("line", r.line()).put("status", r.status().name().toLowerCase(java.util.Locale.ROOT))
          .put("ms", r.millis()).put("message", r.message()).put("cassette", r.cassette());
      r.info().forEach(e.putArray("info")::add);
      r.notes().forEach(e.putArray("notes")::add);
      TestResult.Http h = r.http();
      if (h.any()) {
        e.putObject("http").put("replayed", h.replayed()).put("recorded", h.recorded()).put("live", h.live())
            .put("stubbed", h.stubbed()).put("unused", h.unused()).put("mode", h.mode());
      }
      if (r.stale() != null) {
        e.putObject("stale").put("recorded_at", r.stale().recordedAt().toString())
            .put("max_age", TestConfig.show(r.stale().maxAge()));
      }
      out.println(Json.compact(e));
    }
  }

  @Override
  public void end(List<TestResult> all) {
    long passed = all.stream().filter(r -> r.status() == TestResult.Status.PASSED).count();
    long skipped = all.stream().filter(r -> r.status() == TestResult.Status.SKIPPED).count();
    out.println(Json.compact(Json.object().put("event", "end").put("passed", passed)
        .put("failed", all.size() - passed - skipped).put("skipped", skipped)));
  }
}
