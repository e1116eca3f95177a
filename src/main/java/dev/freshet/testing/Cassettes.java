package dev.freshet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The project's committed cassettes, for {@code freshet cassettes list} and {@code freshet cassettes scan}. */
public final class Cassettes {
  private final Project project;
  private final TestConfig config;
  /** Cassette path → the test that uses it (with its options), for every test in the project. */
  private final Map<Path, TestFile.Test> used = new HashMap<>();

  public Cassettes(Project project, TestConfig config) {
    this.project = project;
    this.config = config;
    List<Path> files = new ArrayList<>(project.testFiles(project.tests()));
    files.addAll(project.goldenFiles(project.tests()));
    for (Path f : files) {
      TestFile file = TestFile.load(project, f);
      for (TestFile.Test t : file.tests()) {
        used.put(Recording.cassettePath(project, file, t).toAbsolutePath().normalize(), t);
      }
    }
  }

  /** One cassette: its path as shown, when it was recorded (null when unreadable), calls, and what is wrong. */
  public record Entry(String path, Instant recordedAt, int calls, String test, boolean stale, boolean unused) {
    @Override
    public String toString() {
      return path + "  " + (recordedAt == null ? "(unreadable)" : recordedAt + "  " + calls + " call"
          + (calls == 1 ? "" : "s")) + (stale ? "  stale" : "") + (unused ? "  unused (no test uses it)" : "");
    }
  }

  /** Every cassette under tests/cassettes, sorted by path. */
  public List<Entry> list() {
    List<Entry> out = new ArrayList<>();
    for (Path f : Project.walk(project.cassettes(), ".json")) {
      JsonNode root = Json.parse(Project.read(f));
      TestFile.Test test = used.get(f.toAbsolutePath().normalize());
      Instant at = null;
      int calls = 0;
      if (root != null && root.has("freshet_cassette")) {
        try {
          at = OffsetDateTime.parse(root.path("clock").path("now").asText()).toInstant();
        } catch (java.time.DateTimeException e) {
          at = null;
        }
        calls = root.path("interactions").size();
      }
      Duration maxAge = test != null && test.option("max-age") != null ? TestConfig.age(test.option("max-age"))
          : config.maxAge();
      boolean stale = at != null && maxAge != null && Instant.now().isAfter(at.plus(maxAge));
      out.add(new Entry(project.show(f), at, calls, root == null ? null : root.path("test").asText(null), stale,
          test == null));
    }
    return out;
  }

  /** What a scan found: one line per finding (file, path, what; never the value), and how many are leaks. */
  public record Scan(List<String> findings, int leaks) {}

  /** The scan over every cassette; {@code env} gives the values of the secrets' variables. */
  public Scan scan(Function<String, String> env) {
    Map<String, String> secrets = new LinkedHashMap<>();
    List<String> vars = new ArrayList<>(config.secrets());
    for (TestFile.Test t : used.values()) {
      for (String a : t.all("arg")) {
        int i = a.indexOf("env:");
        if (i >= 0) {
          vars.add(a.substring(i + 4).trim());
        }
      }
    }
    for (String var : vars) {
      String value = env.apply(var);
      if (value != null && value.length() >= 4) {
        secrets.put(value, "env:" + var.toLowerCase(Locale.ROOT));
      }
    }
    List<String> out = new ArrayList<>();
    int leaks = 0;
    for (Path f : Project.walk(project.cassettes(), ".json")) {
      for (CassetteScan.Finding finding : CassetteScan.scan(project.show(f), withBodyFiles(f), secrets,
          config.redact())) {
        leaks += finding.leak() ? 1 : 0;
        out.add(finding.toString());
      }
    }
    return new Scan(List.copyOf(out), leaks);
  }

  /** The cassette's text with its body files put back in place (as they were; unchanged when one is missing). */
  private String withBodyFiles(Path f) {
    String text = Project.read(f);
    JsonNode root = Json.parse(text);
    if (root == null || !text.contains("\"file\"")) {
      return text;
    }
    List<com.fasterxml.jackson.databind.node.ObjectNode> interactions = new ArrayList<>();
    root.path("interactions").forEach(i -> interactions.add((com.fasterxml.jackson.databind.node.ObjectNode) i));
    try {
      Sidecars.resolve(interactions, f.toAbsolutePath().getParent(), project.show(f));
    } catch (Cassette.CassetteException e) {
      return text; // the test that replays it says what is wrong; the scan looks at what is there
    }
    return Json.pretty(root);
  }

  /** How many cassettes there are. */
  public int size() {
    return Project.walk(project.cassettes(), ".json").size();
  }
}
