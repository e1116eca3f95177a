package dev.freshet.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.freshet.connections.LiveFixtures.NEW_ACCESS;
import static dev.freshet.connections.LiveFixtures.NEW_REFRESH;
import static dev.freshet.connections.LiveFixtures.OLD_REFRESH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.freshet.connections.pg.PgServer;
import dev.freshet.connections.pg.PostgresConnectionStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hosts sharing one PostgreSQL store ({@link PgScriptsProbe} JVMs, each with its own FRESHET_HOME and the same
 * FRESHET_STORE), 8 threads each running a script on one expired connection, against a WireMock provider that rotates
 * refresh tokens and treats the reuse of an old one as theft: one refresh for the cluster, no reuse; a host killed
 * mid-refresh leaves the lock free and the record whole, and the other refreshes once.
 */
class PgConnectionProcessTest {
  private static final String NAME = "crm";
  private static final int THREADS = 8;
  private static final long WAIT_SECONDS = 120;
  private static final String REUSE = "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token reused\"}";

  @TempDir
  Path dir;
  WireMockServer wm;
  PgServer pg;
  String db;
  DataSource ds;
  PostgresConnectionStore store;
  Service service;
  final List<Host> hosts = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    pg = PgServer.get();
    db = pg.createDatabase();
    ds = pg.dataSource(db);
    wm = OAuthFixtures.startServer();
    store = PostgresConnectionStore.builder(ds).env(env()::get).build();
    service = LiveFixtures.service(wm, 3600L);
    wm.stubFor(get(urlEqualTo("/api/items")).atPriority(1).withHeader("Authorization", equalTo("Bearer " + NEW_ACCESS))
        .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"count\":3}")));
    wm.stubFor(get(anyUrl()).atPriority(9).willReturn(aResponse().withStatus(401)));
  }

  @AfterEach
  void stop() throws Exception {
    try {
      for (Host h : hosts) {
        h.kill();
      }
      for (Host h : hosts) {
        String all = h.output();
        for (String secret : LiveFixtures.SECRETS) {
          assertFalse(all.contains(secret), "a host printed a secret (" + secret.substring(0, 3) + "…)");
        }
      }
    } finally {
      wm.stop();
    }
  }

  @Test
  void twoHostsWithEightThreadsEachRefreshOnceAndNeverReuseARotatedToken() throws Exception {
    expiredRecord();
    // the provider rotates: the old refresh token works once; used again, it is reuse, answered invalid_grant
    wm.stubFor(post(urlEqualTo("/token")).inScenario("grant").whenScenarioStateIs(STARTED)
        .withRequestBody(containing("refresh_token=" + OLD_REFRESH)).willSetStateTo("rotated")
        .willReturn(tokens().withFixedDelay(2500))); // slow: every thread of both hosts asks while it is under way
    wm.stubFor(post(urlEqualTo("/token")).inScenario("grant").whenScenarioStateIs("rotated")
        .withRequestBody(containing("refresh_token=" + OLD_REFRESH))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(REUSE)));
    Host a = host("a");
    Host b = host("b");
    a.awaitLine("ready");
    b.awaitLine("ready");
    a.go();
    b.go();
    a.exitsWith(0);
    b.exitsWith(0);

    for (Host h : List.of(a, b)) {
      assertEquals(expectedRuns(), h.runs(), "host " + h.id + " ran every script with the new token");
    }
    assertEquals(1, tokenRequests(), "one refresh for the whole cluster");
    ConnectionRecord r = store.load(null, NAME).orElseThrow();
    assertEquals(ConnectionStatus.CONNECTED, r.status(), "no reuse error marked it");
    assertEquals(NEW_ACCESS, r.secrets().accessToken());
    assertEquals(NEW_REFRESH, r.secrets().refreshToken(), "the rotated refresh token was kept");
    assertEquals(2, r.version());
  }

  @Test
  void aHostKilledMidRefreshLeavesTheLockFreeAndTheOtherRefreshesOnce() throws Exception {
    ConnectionRecord before = expiredRecord();
    // host a's request hangs at the provider; it never receives an answer (it is killed), so nothing rotated for it
    wm.stubFor(post(urlEqualTo("/token")).inScenario("grant").whenScenarioStateIs(STARTED)
        .willSetStateTo("second").willReturn(tokens().withFixedDelay(60_000)));
    wm.stubFor(post(urlEqualTo("/token")).inScenario("grant").whenScenarioStateIs("second")
        .willSetStateTo("rotated").willReturn(tokens()));
    wm.stubFor(post(urlEqualTo("/token")).inScenario("grant").whenScenarioStateIs("rotated")
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(REUSE)));
    Host a = host("a");
    a.awaitLine("ready");
    a.go();
    awaitTokenRequests(1); // a holds the connection's lock, waiting for the provider
    Host b = host("b");
    b.awaitLine("ready");
    b.go();
    awaitAdvisoryLockWaiter(); // b waits on a's lock in the database
    assertEquals(1, tokenRequests(), "b did not refresh while a held the lock");
    a.kill(); // the session dies with the process: the server rolls back and frees the lock

    b.exitsWith(0);
    assertEquals(expectedRuns(), b.runs(), "b ran every script with the new token");
    assertEquals(2, tokenRequests(), "the killed host's request and b's one refresh");
    ConnectionRecord r = store.load(null, NAME).orElseThrow();
    assertEquals(ConnectionStatus.CONNECTED, r.status());
    assertEquals(NEW_ACCESS, r.secrets().accessToken());
    assertEquals(NEW_REFRESH, r.secrets().refreshToken());
    assertEquals(before.version() + 1, r.version(), "the killed host wrote nothing; b wrote once");
    assertEquals("free", store.withLock(null, NAME, () -> "free"), "no lock left held");
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  private Map<String, String> env() {
    return Map.of("FRESHET_MASTER_KEY", Base64.getEncoder().encodeToString(FileStoreFixtures.KEY));
  }

  private ConnectionRecord expiredRecord() {
    return LiveFixtures.connected(store, service, NAME, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1),
        Grant.AUTHORIZATION_CODE);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder tokens() {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody(LiveFixtures.token(NEW_ACCESS, NEW_REFRESH, 3600L));
  }

  private static List<String> expectedRuns() {
    List<String> out = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      out.add("ok " + t + " 3");
    }
    return out;
  }

  private int tokenRequests() {
    return wm.findAll(postRequestedFor(urlEqualTo("/token"))).size();
  }

  private void awaitTokenRequests(int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (tokenRequests() < n) {
      if (System.nanoTime() > deadline) {
        fail("no token request came: " + hosts.stream().map(Host::output).toList());
      }
      Thread.sleep(5);
    }
  }

  private void awaitAdvisoryLockWaiter() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (true) {
      try (java.sql.Connection c = ds.getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
              + " AND wait_event_type = 'Lock' AND wait_event = 'advisory'")) {
        rs.next();
        if (rs.getInt(1) > 0) {
          return;
        }
      }
      if (System.nanoTime() > deadline) {
        fail("host b never waited on the lock: " + hosts.stream().map(Host::output).toList());
      }
      Thread.sleep(10);
    }
  }

  private Host host(String id) throws IOException {
    Host h = new Host(id);
    hosts.add(h);
    return h;
  }

  /** One PgScriptsProbe JVM with its own FRESHET_HOME; output to files, scanned for secrets afterwards. */
  private final class Host {
    final String id;
    final Process process;
    final Path out;
    final Path err;

    Host(String id) throws IOException {
      this.id = id;
      out = dir.resolve(id + ".out");
      err = dir.resolve(id + ".err");
      ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), PgScriptsProbe.class.getName(), String.valueOf(wm.port()),
          NAME, String.valueOf(THREADS)).redirectOutput(out.toFile()).redirectError(err.toFile());
      pb.environment().putAll(env());
      pb.environment().put("FRESHET_STORE", pg.url(db));
      pb.environment().put("FRESHET_HOME", Files.createDirectories(dir.resolve("home-" + id)).toString());
      process = pb.start();
    }

    List<String> lines() {
      try {
        return Files.exists(out) ? Files.readAllLines(out, StandardCharsets.UTF_8) : List.of();
      } catch (IOException e) {
        return List.of();
      }
    }

    List<String> runs() {
      return lines().stream().filter(l -> l.startsWith("ok ") || l.startsWith("error ")).sorted().toList();
    }

    String output() {
      try {
        return (Files.exists(out) ? Files.readString(out) : "") + (Files.exists(err) ? Files.readString(err) : "");
      } catch (IOException e) {
        return "(output unreadable: " + e + ")";
      }
    }

    void awaitLine(String line) throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (!lines().contains(line)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          fail("host " + id + " never printed \"" + line + "\": " + output());
        }
        Thread.sleep(10);
      }
    }

    void go() throws IOException {
      OutputStream in = process.getOutputStream();
      in.write("go\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
    }

    void exitsWith(int code) throws Exception {
      if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
        fail("host " + id + " did not exit within " + WAIT_SECONDS + " s: " + output());
      }
      assertEquals(code, process.exitValue(), () -> "exit code; output: " + output());
    }

    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertTrue(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "a killed host did not end");
    }
  }
}
