package dev.freshet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.freshet.connections.ConnectionRecord;
import dev.freshet.connections.ConnectionRegistry;
import dev.freshet.connections.ConnectionStatus;
import dev.freshet.connections.FileConnectionStore;
import dev.freshet.connections.ServiceCatalog;
import dev.freshet.http.HttpCall;
import dev.freshet.http.HttpReply;
import dev.freshet.http.HttpTransport;
import dev.freshet.http.JdkHttpTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * samples/testing's cassettes are what a real recording writes: its tests run with {@code --record=rewrite} through
 * a real Zoho OAuth connection, and every request to www.zohoapis.com goes to a WireMock stand-in
 * (samples/testing/stand-in) instead, which checks the token was attached. The result must equal the committed
 * cassettes, apart from when they were recorded. With {@code -Dfreshet.recordSamples=true} it writes them into
 * samples/testing instead (see samples/testing/README.md).
 */
class SampleCassettesTest {
  static final Path SAMPLE = Path.of("samples/testing");
  static final String TOKEN = "1000.sample-access-token-2f6c"; // what the stand-in's mappings expect
  static final String REFRESH = "1000.sample-refresh-token-9d31";
  static final String SECRET = "sample-client-secret-44b7";

  @TempDir
  Path dir;

  @Test
  void theCommittedCassettesAreWhatARecordingAgainstTheStandInWrites() throws Exception {
    boolean regenerate = Boolean.getBoolean("freshet.recordSamples");
    Path project = regenerate ? SAMPLE : copy(SAMPLE, dir.resolve("sample"));
    Map<String, String> committed = cassettes(SAMPLE);
    WireMockServer zoho = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
        .usingFilesUnderDirectory(SAMPLE.resolve("stand-in").toString()));
    zoho.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<TestResult> results;
    try {
      ConnectionRegistry registry = registry(dir.resolve("home"));
      HttpTransport standIn = standIn(new JdkHttpTransport(Duration.ofSeconds(10)), "http://127.0.0.1:" + zoho.port());
      TestRunner runner = new TestRunner(Project.at(project, List.of()), new TestRunner.Options(
          ZoneId.of("Asia/Kolkata"), standIn, null, () -> registry, RecordMode.REWRITE, true, null, n -> null, null));
      TestSuite suite = TestSuite.select(Project.at(project, List.of()), runner, List.of(), null, List.of());
      assertEquals("", runner.check(suite.files()));
      results = suite.run(runner, 1, new PrettyReporter(new PrintStream(out, true, StandardCharsets.UTF_8)));
    } finally {
      zoho.stop();
    }
    String report = out.toString(StandardCharsets.UTF_8);
    assertEquals(4, results.stream().filter(r -> r.status() == TestResult.Status.PASSED).count(), report);
    Map<String, String> recorded = cassettes(project);
    for (String text : recorded.values()) {
      for (String secret : List.of(TOKEN, REFRESH, SECRET)) {
        assertFalse(text.contains(secret) || report.contains(secret), text);
      }
    }
    if (!regenerate) {
      assertEquals(committed, recorded, "re-record them with the command in samples/testing/README.md");
    }
  }

  /**
   * Sends what the script sends to https://www.zohoapis.com to the stand-in instead, as it is, and answers without
   * the headers by which WireMock names its stub (they change on every run; Zoho sends no such thing).
   */
  static HttpTransport standIn(HttpTransport live, String base) {
    return call -> {
      URI u = call.uri();
      if (!"www.zohoapis.com".equals(u.getHost())) {
        throw new IOException("the stand-in answers only www.zohoapis.com, not " + u.getHost());
      }
      URI moved = URI.create(base + u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
      HttpReply reply = live.send(new HttpCall(call.method(), moved, call.headers(), call.body(), call.timeout(),
          call.maxBodyBytes(), call.connection(), call.bare(), call.from()));
      Map<String, List<String>> headers = new java.util.LinkedHashMap<>(reply.headers());
      headers.keySet().removeIf(h -> h != null && h.toLowerCase(java.util.Locale.ROOT).startsWith("matched-stub"));
      return new HttpReply(reply.status(), headers, reply.body());
    };
  }

  /** A store holding the connection zoho_crm (Zoho, US data centre), authorized with the stand-in's token. */
  static ConnectionRegistry registry(Path home) {
    ProjectDir p = new ProjectDir(home.resolveSibling("cli"));
    p.env.put("FRESHET_HOME", home.toString());
    p.env.put("FRESHET_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    p.env.put("ZOHO_CLIENT_SECRET", SECRET);
    ProjectDir.Run add = p.run("connections", "add", "zoho_crm", "--service", "zoho", "--dc", "us", "--client-id",
        "1000.SAMPLECLIENT0123456789", "--client-secret-env", "ZOHO_CLIENT_SECRET", "--scopes", "ZohoCRM.modules.ALL");
    assertEquals(0, add.exit(), add.all());
    FileConnectionStore store = FileConnectionStore.builder(home).env(p.env::get).build();
    ConnectionRecord r = store.load(null, "zoho_crm").orElseThrow();
    Instant now = Instant.now();
    store.save(r.next(ConnectionStatus.CONNECTED, r.secrets().withTokens(TOKEN, REFRESH), now.plusSeconds(3600), now,
        r.info(), null, now));
    return ConnectionRegistry.builder().services(ServiceCatalog.builtIn()).store(store).build();
  }

  /** Every cassette by path, without the lines that say when and with what it was recorded. */
  static Map<String, String> cassettes(Path project) throws IOException {
    Map<String, String> out = new TreeMap<>();
    Path root = project.resolve("tests/cassettes");
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(f).toString(), Files.readString(f)
            .replaceAll("(?m)^.*\"(recorded_at|recorded_with|now|seed)\" : .*$", ""));
      }
    }
    return out;
  }

  private static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target);
      }
    }
    return to;
  }
}
