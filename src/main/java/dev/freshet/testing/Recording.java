package dev.freshet.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.connections.ConnectionRegistry;
import dev.freshet.http.HttpTransport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The cassette side of one test: which file, which mode, the clock and seed the test runs with (read back from the
 * cassette when it replays), the transport, the connection registry (a replaying one when nothing goes live), and
 * what happens at the end: unplayed interactions, the write with its leak scan.
 */
final class Recording {
  final RecordMode mode;
  final Path file;
  final String shown;
  final Instant now;
  final ZoneId zone;
  final long seed;
  final CassetteTransport transport;
  final Supplier<ConnectionRegistry> connections;
  private final Cassette existing;
  private final String testId;
  private final Supplier<ConnectionRegistry> real;
  private final boolean allowUnused;
  private final boolean shared;
  final Redactor redactor;
  /** The values of the test's {@code // @arg} parameters, in parameter order. */
  final Map<String, String> args;
  private final java.time.Duration maxAge;
  private final TestConfig.Stale staleMode;
  private final boolean discardOnFailure;
  /** Whether {@link #finish} wrote the cassette. */
  private boolean written;

  Recording(Project project, TestFile file, TestFile.Test test, TestRunner.Options options, TestContext context,
      Stubs stubs)
      throws Cassette.CassetteException {
    this.shared = test.option("cassette") != null;
    this.redactor = new Redactor(options.config().redact());
    this.file = cassettePath(project, file, test);
    this.shown = project.show(this.file);
    this.testId = file.path() + "::" + test.name();
    RecordMode m = options.mode();
    if (!options.modeFixed() && test.option("record") != null) {
      m = RecordMode.parse(test.option("record"));
    }
    this.mode = m;
    this.existing = mode == RecordMode.REWRITE || mode == RecordMode.LIVE ? null : Cassette.read(this.file, shown);
    boolean fromCassette = existing != null;
    this.zone = options.zone() != null ? options.zone() : fromCassette ? existing.zone : ZoneId.systemDefault();
    this.now = fromCassette ? existing.now : Instant.now().truncatedTo(ChronoUnit.SECONDS);
    this.seed = fromCassette ? existing.seed : new Random().nextInt(1_000_000);
    this.real = options.connections();
    this.allowUnused = test.option("allow-unused") != null;
    HttpTransport live = options.live();
    this.discardOnFailure = options.flags().discardOnFailure();
    this.transport = new CassetteTransport(mode, existing, live, context, redactor,
        Matching.of(options.config().match(), test.option("match")), test.option("allow-repeats") != null, new Misses(context), stubs,
        options.flags(), options.config().maskEmails() ? new EmailMask(existing) : null);
    String age = test.option("max-age");
    this.maxAge = age != null ? TestConfig.age(age) : options.config().maxAge();
    this.staleMode = options.config().stale();
    for (String var : options.config().secrets()) {
      knowEnv(var, options);
    }
    this.args = Args.of(test, (name, var) -> {
      String value = knowEnv(var, options);
      if (value != null) {
        return value;
      }
      if (transport.recording() || mode == RecordMode.LIVE || mode == RecordMode.CHECK) {
        throw new IllegalArgumentException("@arg " + name + " env:" + var + ": the environment variable " + var
            + " is not set, and this test " + (mode == RecordMode.LIVE || mode == RecordMode.CHECK ? "calls the"
            + " live API" : "records") + " (mode " + mode + ")");
      }
      return placeholder(var); // replay: what the cassette holds in its place
    });
    boolean replayOnly = mode == RecordMode.REPLAY || (mode == RecordMode.ONCE && fromCassette);
    ConnectionRegistry.Replayed recorded = fromCassette ? existing.connections
        : new ConnectionRegistry.Replayed(Map.of(), Map.of(), Map.of(), Map.of());
    this.connections = replayOnly || real == null ? () -> ConnectionRegistry.replaying(recorded) : real;
  }

  /** Where the test's cassette is: its own, or the shared one its {@code // @cassette} names. */
  static Path cassettePath(Project project, TestFile file, TestFile.Test test) {
    String sharedName = test.option("cassette");
    return sharedName != null ? project.cassettes().resolve(sharedName + ".json")
        : file.isGolden() ? project.cassettes().resolve(file.stem().toLowerCase(Locale.ROOT) + ".json")
        : project.cassettes().resolve(file.stem()).resolve(test.name().toLowerCase(Locale.ROOT) + ".json");
  }

  /** Tells the redactor the value of environment variable {@code var} (when set): a secret. */
  private String knowEnv(String var, TestRunner.Options options) {
    String value = options.env().apply(var);
    if (value != null && !value.isEmpty()) {
      redactor.know(value, "env:" + var.toLowerCase(Locale.ROOT)); // one value per variable: always #1
      return value;
    }
    return null;
  }

  /** What the value of {@code var} is written as: {@code <redacted:env:stripe_key#1>}. */
  static String placeholder(String var) {
    return "<redacted:env:" + var.toLowerCase(Locale.ROOT) + "#1>";
  }

  /** The cassette's age when it is older than the test's max age and was replayed, else null. */
  TestResult.Stale stale() {
    if (maxAge == null || existing == null || staleMode == TestConfig.Stale.IGNORE || !transport.recorded.isEmpty()
        || !transport.replaying()) {
      return null;
    }
    return Instant.now().isAfter(existing.now.plus(maxAge)) ? new TestResult.Stale(existing.now, maxAge) : null;
  }

  /**
   * After the test: what makes it fail (unplayed interactions, drift, a refused write) and notes to show. Writes
   * the cassette when the mode records and something new was recorded.
   */
  Ending finish(boolean passed, String recordedWith) {
    List<String> notes = new ArrayList<>();
    String problem = null;
    TestResult.At at = null;
    if (transport.replaying() && mode != RecordMode.NEW && !allowUnused && !transport.unplayed().isEmpty()) {
      at = transport.firstUnplayedAt();
      List<String> unplayed = transport.unplayed();
      problem = unplayed.size() + " recorded call" + (unplayed.size() == 1 ? " was" : "s were") + " never made: "
          + String.join("; ", unplayed) + "\n  cassette " + shown + "\n  fix: freshet test " + testId
          + " --record=rewrite  (or mark the test // @allow-unused)";
    }
    TestResult.Stale stale = stale();
    if (stale != null && staleMode == TestConfig.Stale.ERROR && problem == null) {
      problem = "cassette " + shown + " is stale: recorded " + stale.recordedAt() + ", older than its max age "
          + TestConfig.show(stale.maxAge()) + " (--stale=error)\n  fix: freshet test " + testId + " --record=rewrite";
    }
    if (mode == RecordMode.CHECK) {
      notes.addAll(transport.drift);
      if (transport.breakingDrift) {
        problem = "the live API has drifted from cassette " + shown + ":\n  " + String.join("\n  ", transport.drift);
      }
    }
    if (transport.recording() && !transport.recorded.isEmpty()) {
      if (shared) {
        return new Ending("a shared cassette (@cassette) is only read; record it from its own test", notes, null);
      }
      if (!passed && discardOnFailure) {
        notes.add("cassette " + shown + " not written: the test failed (--discard-on-failure); the old one, if any,"
            + " is kept");
        return new Ending(problem, notes, at);
      }
      List<ObjectNode> all = new ArrayList<>();
      if (mode == RecordMode.NEW && existing != null) {
        all.addAll(existing.interactions);
      }
      all.addAll(transport.recorded);
      Map<String, byte[]> sidecars = Sidecars.none();
      List<ObjectNode> small = Sidecars.extract(all, file.getFileName().toString(), sidecars);
      Cassette c = new Cassette(testId, now, zone, seed, connectionInfo(all), small);
      String text = c.text(recordedWith);
      String leak = LeakScan.scan(text, transport.redactorSecrets());
      for (Map.Entry<String, byte[]> f : sidecars.entrySet()) {
        if (leak == null) {
          ObjectNode body = Json.object().put("base64", java.util.Base64.getEncoder().encodeToString(f.getValue()));
          String hit = LeakScan.scan(Json.compact(body), transport.redactorSecrets());
          leak = hit == null ? null : hit.replaceFirst(" found at .*", " found in the body file " + f.getKey());
        }
      }
      if (leak != null) {
        return new Ending(leak + " (cassette " + shown + " not written; the old one, if any, is kept)", notes, null);
      }
      try {
        Path dir = file.toAbsolutePath().getParent();
        Sidecars.write(dir, sidecars);
        CassetteFile.write(file, text);
        written = true;
        Sidecars.prune(dir, file.getFileName().toString(), sidecars);
      } catch (IOException e) {
        return new Ending("cannot write cassette " + shown + ": " + e.getMessage(), notes, null);
      }
      notes.add("recorded " + transport.recorded.size() + " call" + (transport.recorded.size() == 1 ? "" : "s")
          + " to " + shown + writes(transport.recorded) + (passed ? "" : " (written although the test failed)"));
    }
    return new Ending(problem, notes, at);
  }

  /** " (2 writes to www.zohoapis.com)" when the recording changed something on a server. */
  private static String writes(List<ObjectNode> recorded) {
    TreeSet<String> hosts = new TreeSet<>();
    int n = 0;
    for (ObjectNode i : recorded) {
      String method = i.path("request").path("method").asText();
      if (!method.equals("GET")) {
        n++;
        String url = i.path("request").path("url").asText();
        int s = url.indexOf("://");
        int e = s < 0 ? -1 : url.indexOf('/', s + 3);
        hosts.add(s < 0 ? url : e < 0 ? url.substring(s + 3) : url.substring(s + 3, e));
      }
    }
    return n == 0 ? "" : " (" + n + " write" + (n == 1 ? "" : "s") + " to " + String.join(", ", hosts) + ")";
  }

  /** What each connection used answered, asked of the real registry now (so that replay needs none). */
  private ConnectionRegistry.Replayed connectionInfo(List<ObjectNode> interactions) {
    Map<String, String> services = new LinkedHashMap<>();
    Map<String, String> domains = new LinkedHashMap<>();
    Map<String, Boolean> rewrites = new LinkedHashMap<>();
    Map<String, String> defaults = new LinkedHashMap<>();
    if (existing != null) {
      services.putAll(existing.connections.services());
      domains.putAll(existing.connections.apiDomains());
      rewrites.putAll(existing.connections.rewritesZohoHosts());
      defaults.putAll(existing.connections.defaults());
    }
    for (ObjectNode i : interactions) {
      String name = i.path("connection").isTextual() ? i.get("connection").asText() : null;
      if (name == null || rewrites.containsKey(name) || real == null) {
        continue;
      }
      try {
        ConnectionRegistry registry = real.get();
        registry.find(name).ifPresent(c -> services.put(name, c.service().id()));
        String domain = registry.apiDomain(name);
        if (domain != null) {
          domains.put(name, domain);
        }
        rewrites.put(name, registry.rewritesZohoHosts(name));
        registry.defaults().forEach((product, c) -> {
          if (c.equals(name)) {
            defaults.put(product, c);
          }
        });
      } catch (RuntimeException e) {
        rewrites.put(name, false); // the connection's answers are not needed to replay plain invokeurl calls
      }
    }
    return new ConnectionRegistry.Replayed(services, domains, rewrites, defaults);
  }

  /** What became of the test's HTTP calls. */
  TestResult.Http http() {
    int unused = transport.replaying() ? transport.unplayed().size() : 0;
    int recorded = written ? transport.recorded.size() : 0;
    // calls recorded but not written (a failed test with --discard-on-failure, a refused write) only went live
    int live = transport.liveCount + transport.recorded.size() - recorded;
    return new TestResult.Http(transport.replayedCount, recorded, live, transport.stubbedCount, unused,
        mode.toString());
  }

  /** Whether the test had a cassette to use or wrote one. */
  boolean used() {
    return existing != null || java.nio.file.Files.exists(file);
  }

  /** {@code at}: where the problem points when it is not the test itself (a recorded call never made), else null. */
  record Ending(String problem, List<String> notes, TestResult.At at) {}

  /** The errors of a request the cassette cannot answer (TESTING.md §2.8). */
  private final class Misses implements CassetteTransport.Miss {
    private final TestContext context;

    Misses(TestContext context) {
      this.context = context;
    }

    @Override
    public Outcome missing(ObjectNode request) {
      return end("no cassette to answer " + call(request) + " — mode " + mode + "\n  cassette " + shown
          + " is missing\n  fix: record it locally with: freshet test " + testId + " --record=once  and commit it");
    }

    @Override
    public Outcome unmatched(ObjectNode request, Matching.Key key, List<int[]> candidates) {
      StringBuilder b = new StringBuilder("no recorded response for this call — mode " + mode + "\n  "
          + call(request) + (key.connection() == null ? "" : "  [connection " + key.connection() + "]")
          + "\n  cassette " + shown + "\n    " + transport.playedCount() + " of " + transport.recordedSize()
          + " interactions played" + (candidates.isEmpty() ? "; none is close (same method, connection and URL)"
          : ""));
      for (int[] c : candidates) {
        b.append("\n    ").append(c[1] == 1 ? "already played" : "closest unplayed").append(": seq ")
            .append(c[0] + 1).append(transport.recordedFrom(c[0]));
        for (String line : transport.describe(c[0], key)) {
          b.append("\n      ").append(line);
        }
      }
      b.append("\n  fix: freshet test ").append(testId).append(" --record=rewrite\n")
          .append("       (or --record=new to keep the existing calls and add this one)");
      return end(b.toString());
    }

    @Override
    public Outcome refused(String message) {
      return end(message);
    }

    private Outcome end(String message) {
      Outcome o = new Outcome(Outcome.Kind.ERROR, message);
      context.end(o);
      return o;
    }

    private String call(ObjectNode request) {
      return request.path("method").asText() + " " + request.path("url").asText();
    }
  }
}
