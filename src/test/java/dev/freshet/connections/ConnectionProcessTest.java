package dev.freshet.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.freshet.connections.LiveFixtures.NEW_ACCESS;
import static dev.freshet.connections.LiveFixtures.NEW_REFRESH;
import static dev.freshet.connections.LiveFixtures.OLD_ACCESS;
import static dev.freshet.connections.LiveFixtures.OLD_REFRESH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeping tokens live across real processes ({@link RefreshProbe} children on the real clock, one store, a WireMock
 * provider): one token request for two JVMs, a child killed mid-refresh or mid-save, and a child exiting while its
 * background refresh is in flight. Everything the children print is scanned for secrets afterwards.
 */
class ConnectionProcessTest {
  private static final String NAME = "crm";
  /** Every wait is bounded: a bug must fail the build, not hang it. */
  private static final long WAIT_SECONDS = 60;
  /** A slow provider: long enough that calls made at about the same time on a busy machine overlap its answer. */
  private static final int PROVIDER_DELAY_MS = 2500;
  private static final Random RANDOM = new Random();

  @TempDir
  Path dir;
  WireMockServer wm;
  Path home;
  FileConnectionStore store;
  Service service;
  URI api;
  final List<Child> children = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    wm = OAuthFixtures.startServer();
    home = dir.resolve("home");
    store = LiveFixtures.store(home);
    service = LiveFixtures.service(wm, 3600L);
    api = URI.create("http://127.0.0.1:" + wm.port() + "/api/items");
  }

  @AfterEach
  void stop() throws Exception {
    try {
      for (Child c : children) {
        c.kill(); // a failed test may leave a looping child behind
      }
      assertNoSecretPrinted();
    } finally {
      wm.stop();
    }
  }

  // ---- 1. two JVMs, one store, one token request -------------------------------------------------------------------

  @RepeatedTest(3)
  void twoProcessesSharingOneStoreMakeExactlyOneTokenRequest() throws Exception {
    expiredRecord();
    tokenAnswers(PROVIDER_DELAY_MS); // slow enough that both refreshes are under way at once
    Child a = child("race");
    Child b = child("race");
    a.awaitLine("ready");
    b.awaitLine("ready"); // both JVMs are up: release them together, so the race is real
    a.go();
    b.go();
    a.exitsWith(0);
    b.exitsWith(0);

    String expected = RefreshProbe.fingerprint("Bearer " + NEW_ACCESS);
    assertEquals(expected, a.fingerprint(), "child a has the new token");
    assertEquals(expected, b.fingerprint(), "child b has the new token");
    assertEquals(1, tokenRequests(), "the two processes made one token request between them");
    ConnectionRecord r = stored();
    assertEquals(NEW_ACCESS, r.secrets().accessToken());
    assertEquals(NEW_REFRESH, r.secrets().refreshToken());
    assertEquals(2, r.version());
    // both asked before the provider answered the one refresh (the loser then waited on the file lock): the two
    // really overlapped, so the single request is the lock's doing and not a late start. Told by the order of events
    // on the one system clock, not by how long a call took, which a busy machine stretches.
    long answered = answeredAt();
    assertTrue(a.startedAt() < answered && b.startedAt() < answered, "both calls should have started before the"
        + " provider answered at " + answered + ": a at " + a.startedAt() + ", b at " + b.startedAt());
    System.out.printf("[two JVMs] credentials() took a=%d ms, b=%d ms; token requests=%d%n", a.elapsedMs(),
        b.elapsedMs(), tokenRequests());
  }

  // ---- 2. a process killed mid-refresh ---------------------------------------------------------------------------

  @Test
  void aProcessKilledWhileTheProviderIsSlowLeavesTheOldRecordIntact() throws Exception {
    ConnectionRecord before = expiredRecord();
    tokenAnswers(5000);
    Child c = child("once");
    long seenAfter = c.awaitTokenRequest();
    assertTrue(c.process.isAlive(), "the child is still waiting for the provider when it is killed");
    c.kill();

    ConnectionRecord r = LiveFixtures.store(home).load(null, NAME).orElseThrow(); // decrypts with the same key
    assertEquals(ConnectionStatus.CONNECTED, r.status());
    assertEquals(OLD_ACCESS, r.secrets().accessToken());
    assertEquals(OLD_REFRESH, r.secrets().refreshToken(), "the old refresh token is still there");
    assertEquals(before.version(), r.version(), "nothing was written");
    assertEquals(List.of(r), store.list(null), "no temp file read as a record");
    assertEquals(List.of(), temps(), "no temp file left");

    // the dead child's file lock went with it: a refresh here works at once
    wm.resetMappings();
    tokenAnswers(0);
    ConnectionRegistry registry = ConnectionRegistry.builder().store(store).build();
    long t = System.nanoTime();
    assertEquals("Bearer " + NEW_ACCESS, registry.credentials(NAME, api).headers().get("Authorization"));
    long refreshMs = (System.nanoTime() - t) / 1_000_000;
    ConnectionRecord after = stored();
    assertEquals(NEW_ACCESS, after.secrets().accessToken());
    assertEquals(NEW_REFRESH, after.secrets().refreshToken());
    assertEquals(before.version() + 1, after.version());
    assertEquals(2, tokenRequests(), "the killed child's request and the parent's");
    System.out.printf("[killed mid-refresh] token request seen %d ms after start; parent refresh took %d ms%n",
        seenAfter, refreshMs);
  }

  @RepeatedTest(8)
  void aProcessKilledJustAfterTheProviderAnsweredLeavesTheOldOrTheNewRecordNeverAMix(RepetitionInfo round)
      throws Exception {
    expiredRecord();
    tokenAnswers(0);
    Child c = child("loop");
    c.awaitTokenRequest();
    // the save lands some 50-150 ms after the request (a cold JVM): the rounds spread the kill over 0-200 ms, so
    // it falls before, during and after the response is parsed, encrypted, written to a temp file and renamed
    int delay = (round.getCurrentRepetition() - 1) * 25 + RANDOM.nextInt(25);
    Thread.sleep(delay);
    c.kill();
    boolean handedOut = c.lines().stream()
        .anyMatch(l -> l.startsWith("sha256:" + RefreshProbe.fingerprint("Bearer " + NEW_ACCESS)));
    List<Path> leftover = temps();

    ConnectionRecord r = LiveFixtures.store(home).load(null, NAME).orElseThrow();
    assertEquals(ConnectionStatus.CONNECTED, r.status());
    boolean isNew = NEW_ACCESS.equals(r.secrets().accessToken());
    if (isNew) {
      assertEquals(NEW_REFRESH, r.secrets().refreshToken(), "a new access token comes with the new refresh token");
      assertEquals(2, r.version());
    } else {
      assertEquals(OLD_ACCESS, r.secrets().accessToken());
      assertEquals(OLD_REFRESH, r.secrets().refreshToken(), "the old access token comes with the old refresh token");
      assertEquals(1, r.version());
      // persisted before handed out: a child that used the new token must have stored it
      assertTrue(!handedOut, "the child used the new token, but the store does not hold it");
    }
    assertEquals(List.of(r), store.list(null), "no temp file read as a record");
    assertEquals(1, tokenRequests(), "the new token lives an hour: the loop never asked again");

    // the store stays writable after the crash, and the next write sweeps a dead writer's temp file
    ConnectionRegistry registry = ConnectionRegistry.builder().store(store).build();
    registry.refresh(NAME);
    ConnectionRecord after = stored();
    assertEquals(r.version() + 1, after.version());
    assertEquals(NEW_REFRESH, after.secrets().refreshToken());
    assertEquals(List.of(), temps(), "temp files swept by the next write");
    System.out.printf("[killed after answer] kill %d ms after the request: stored %s v%d, child had used new: %b, "
        + "temp files left by the kill: %d%n", delay, isNew ? "new" : "old", r.version(), handedOut, leftover.size());
  }

  // ---- 3. exit with a refresh in flight --------------------------------------------------------------------------

  @Test
  void aProcessExitingWithARefreshInFlightWaitsForItAndPersistsIt() throws Exception {
    Instant now = Instant.now();
    // lived 1 h, expires in 30 s: inside the 60 s margin, still valid, so credentials() returns at once
    LiveFixtures.connected(store, service, NAME, now.minusSeconds(3570), Duration.ofHours(1),
        Grant.AUTHORIZATION_CODE);
    tokenAnswers(PROVIDER_DELAY_MS);
    Child c = child("exit");
    c.exitsWith(0);
    long exitedAt = System.currentTimeMillis();

    assertEquals(RefreshProbe.fingerprint("Bearer " + OLD_ACCESS), c.fingerprint(),
        "the still-valid token is handed out while the refresh runs");
    long exiting = c.lines().stream().filter(l -> l.startsWith("exiting "))
        .mapToLong(l -> Long.parseLong(l.substring("exiting ".length()))).findFirst()
        .orElseThrow(() -> new AssertionError("the child never reached System.exit: " + c.output()));
    long exitTook = exitedAt - exiting;
    assertEquals(1, tokenRequests(), "the background refresh reached the provider");
    ConnectionRecord r = stored();
    assertEquals(NEW_ACCESS, r.secrets().accessToken(), "the refresh in flight was persisted before the JVM ended");
    assertEquals(NEW_REFRESH, r.secrets().refreshToken());
    assertEquals(2, r.version());
    // the record is new, and System.exit was called before the provider answered: so exit waited for the refresh
    // (had the JVM ended at once, the refresh would have died with it and the old record would be stored)
    long answered = answeredAt();
    assertTrue(exiting < answered, "System.exit was called at " + exiting + ", after the provider answered at "
        + answered + ": this run cannot show that exit waits");
    System.out.printf("[exit in flight] credentials() took %d ms; System.exit -> process gone took %d ms%n",
        c.elapsedMs(), exitTook);
  }

  // ---- helpers ---------------------------------------------------------------------------------------------------

  /** A record whose token expired an hour ago, on the real clock the children use. */
  private ConnectionRecord expiredRecord() {
    return LiveFixtures.connected(store, service, NAME, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1),
        Grant.AUTHORIZATION_CODE);
  }

  private void tokenAnswers(int delayMs) {
    wm.stubFor(post(urlEqualTo("/token")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(LiveFixtures.token(NEW_ACCESS, NEW_REFRESH, 3600L))
        .withFixedDelay(delayMs)));
  }

  /** When the provider sent its answer to the one token request: received, plus its delay (epoch ms). */
  private long answeredAt() {
    List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requests =
        wm.findAll(postRequestedFor(urlEqualTo("/token")));
    assertEquals(1, requests.size());
    return requests.get(0).getLoggedDate().getTime() + PROVIDER_DELAY_MS;
  }

  private int tokenRequests() {
    return wm.findAll(postRequestedFor(urlEqualTo("/token"))).size();
  }

  private ConnectionRecord stored() {
    return store.load(null, NAME).orElseThrow();
  }

  /** Writers' temp files ({@code .crm.json.RANDOM.tmp}) next to the record. */
  private List<Path> temps() throws IOException {
    Path folder = home.resolve("connections");
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".")).toList();
    }
  }

  private Child child(String mode) throws IOException {
    Child c = new Child(mode);
    children.add(c);
    return c;
  }

  /** Every byte any child printed holds none of the fixture's secrets. */
  private void assertNoSecretPrinted() {
    for (Child c : children) {
      String all = c.output();
      for (String secret : LiveFixtures.SECRETS) {
        assertTrue(!all.contains(secret), "a child printed a secret (" + secret.substring(0, 3) + "…)");
      }
    }
  }

  /** One RefreshProbe JVM; its stdout and stderr go to files, kept for the secrets scan. */
  private final class Child {
    final Process process;
    final Path out;
    final Path err;
    final long started = System.nanoTime();

    Child(String mode) throws IOException {
      String id = mode + "-" + children.size();
      out = dir.resolve(id + ".out");
      err = dir.resolve(id + ".err");
      List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), RefreshProbe.class.getName(),
          mode, home.toString(), String.valueOf(wm.port()), NAME);
      process = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    List<String> lines() throws IOException {
      return Files.exists(out) ? Files.readAllLines(out, StandardCharsets.UTF_8) : List.of();
    }

    /** Everything the child printed, stdout then stderr. */
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
          fail("the child never printed \"" + line + "\": " + output());
        }
        Thread.sleep(10);
      }
    }

    /** Waits until the provider has the child's token request; returns how long after the start that was, in ms. */
    long awaitTokenRequest() throws Exception {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
      while (tokenRequests() == 0) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          fail("the child made no token request: " + output());
        }
        Thread.sleep(1);
      }
      return (System.nanoTime() - started) / 1_000_000;
    }

    void go() throws IOException {
      OutputStream in = process.getOutputStream();
      in.write("go\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
    }

    void exitsWith(int code) throws Exception {
      if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
        fail("the child did not exit within " + WAIT_SECONDS + " s: " + output());
      }
      assertEquals(code, process.exitValue(), () -> "exit code; output: " + output());
    }

    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertTrue(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS), "a killed child did not end");
    }

    /** The fingerprint from the child's {@code sha256:HEX ELAPSEDms STARTED} line. */
    String fingerprint() throws IOException {
      return fingerprintLine().split(" ")[0].substring("sha256:".length());
    }

    /** When the child called {@code credentials()}, in epoch milliseconds. */
    long startedAt() throws IOException {
      return Long.parseLong(fingerprintLine().split(" ")[2]);
    }

    long elapsedMs() throws IOException {
      String ms = fingerprintLine().split(" ")[1];
      return Long.parseLong(ms.substring(0, ms.length() - 2));
    }

    private String fingerprintLine() throws IOException {
      return lines().stream().filter(l -> l.startsWith("sha256:")).findFirst()
          .orElseThrow(() -> new AssertionError("the child printed no fingerprint: " + output()));
    }
  }
}
