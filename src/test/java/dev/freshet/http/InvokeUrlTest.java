package dev.freshet.http;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.freshet.api.Engine;
import dev.freshet.api.RunException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** invokeurl against a real local server: what the script sees, and what the server received. */
class InvokeUrlTest {
  static WireMockServer server;
  static WireMockServer other;

  @BeforeAll
  static void start() {
    server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    other = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
    other.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
    other.stop();
  }

  @BeforeEach
  void reset() {
    server.resetAll();
    other.resetAll();
  }

  static String base() {
    return "http://127.0.0.1:" + server.port();
  }

  /** Runs a script with {@code base} bound to the server's URL; returns its info lines. */
  static List<String> run(String script) {
    return run(Engine.builder(), script);
  }

  static List<String> run(Engine.Builder builder, String script) {
    List<String> out = new ArrayList<>();
    builder.output(out::add).build().compile("t.dg", script, "base").run(Map.of("base", base()));
    return out;
  }

  static LoggedRequest only() {
    List<LoggedRequest> all = server.findAll(anyRequestedFor(anyUrl()));
    assertEquals(1, all.size(), "requests received");
    return all.get(0);
  }

  @Test
  void getWithMapParametersAppendsAQueryAfterTheExistingOne() {
    server.stubFor(get(urlPathEqualTo("/items")).willReturn(okJson("{\"count\": 2, \"price\": 9.50}")));
    List<String> out = run("r = invokeurl [ url: base + \"/items?sort=asc\" type: GET parameters: {\"q\": \"a b\","
        + " \"n\": 5} headers: {\"Accept\": \"application/json\", \"X-Num\": 7} ];\n"
        + "info r.get(\"count\") + 1;\ninfo r.get(\"price\");\n");
    assertEquals(List.of("3", "9.5"), out);
    LoggedRequest r = only();
    assertEquals("GET", r.getMethod().getName());
    assertEquals("/items?sort=asc&q=a+b&n=5", r.getUrl());
    assertEquals("application/json", r.getHeader("Accept"));
    assertEquals("7", r.getHeader("X-Num"));
  }

  @Test
  void postMapParametersAreFormEncoded() {
    server.stubFor(post("/form").willReturn(ok("done")));
    assertEquals(List.of("done"), run("info invokeurl [ url: base + \"/form\" type: POST parameters: {\"name\":"
        + " \"Ada L\", \"qty\": 2} ];"));
    LoggedRequest r = only();
    assertEquals("name=Ada+L&qty=2", r.getBodyAsString());
    assertTrue(r.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
  }

  @Test
  void textParametersAreTheRawBodyAndContentTypeKeyWins() {
    server.stubFor(put("/raw").willReturn(okJson("[1, 2.5, \"x\"]")));
    List<String> out = run("m = {\"a\": 1};\nr = invokeurl [ url: base + \"/raw\" type: PUT parameters: m.toString()"
        + " headers: {\"Content-Type\": \"text/plain\"} content-type: \"application/json\" ];\ninfo r.size();\ninfo r;\n");
    assertEquals(List.of("3", "1,2.5,x"), out);
    LoggedRequest r = only();
    assertEquals("{\"a\":1}", r.getBodyAsString());
    assertEquals("application/json", r.getHeader("Content-Type"));
  }

  @Test
  void bodyMapIsSentAsJson() {
    server.stubFor(patch(urlEqualTo("/json")).willReturn(ok("{\"ok\":true}").withHeader("Content-Type",
        "application/json")));
    assertEquals(List.of("true"), run("r = invokeurl [ url: base + \"/json\" type: PATCH body: {\"ids\": {1, 2}} ];"
        + "\ninfo r.get(\"ok\");"));
    LoggedRequest r = only();
    assertEquals("{\"ids\":[1,2]}", r.getBodyAsString());
    assertEquals("application/json", r.getHeader("Content-Type"));
  }

  @Test
  void deleteAndTypeFromAnExpression() {
    server.stubFor(delete(urlPathEqualTo("/things/9")).willReturn(noContent()));
    assertEquals(List.of("204"), run("m = \"del\" + \"ete\";\nr = invokeurl [ url: base + \"/things/9\" type: m"
        + " parameters: {\"force\": true} detailed: true ];\ninfo r.get(\"responseCode\");"));
    assertEquals("/things/9?force=true", only().getUrl());
  }

  @Test
  void errorsStatusesAreReturnedNotThrown() {
    server.stubFor(get("/missing").willReturn(aResponse().withStatus(404).withHeader("Content-Type",
        "application/json").withHeader("X-Trace", "t1").withBody("{\"code\": \"NOT_FOUND\"}")));
    List<String> out = run("r = invokeurl [ url: base + \"/missing\" ];\ninfo r.get(\"code\");\n"
        + "d = invokeurl [ url: base + \"/missing\" detailed: true ];\ninfo d.get(\"responseCode\");\n"
        + "info d.get(\"responseHeader\").get(\"x-trace\");\ninfo d.get(\"responseText\").get(\"code\");\n");
    assertEquals(List.of("NOT_FOUND", "404", "t1", "NOT_FOUND"), out);
  }

  @Test
  void textBodiesStayTextAndDecodingFollowsTheCharset() {
    server.stubFor(get("/latin").willReturn(aResponse().withHeader("Content-Type", "text/plain; charset=ISO-8859-1")
        .withBody(new byte[] {'c', 'a', 'f', (byte) 0xE9})));
    server.stubFor(get("/bytes").willReturn(aResponse().withHeader("Content-Type", "text/plain")
        .withBody(new byte[] {'c', 'a', 'f', (byte) 0xE9})));
    List<String> out = run("info invokeurl [ url: base + \"/latin\" ];\n"
        + "info invokeurl [ url: base + \"/bytes\" response-decoding: \"ISO-8859-1\" ];\n"
        + "info invokeurl [ url: base + \"/latin\" response-format: \"TEXT\" ].length();\n");
    assertEquals(List.of("café", "café", "4"), out);
  }

  @Test
  void binaryAndAttachmentsBecomeFiles() {
    server.stubFor(get("/report.pdf").willReturn(aResponse().withHeader("Content-Type", "application/pdf")
        .withBody(new byte[] {1, 2, 3})));
    server.stubFor(get("/export").willReturn(aResponse().withHeader("Content-Type", "text/csv")
        .withHeader("Content-Disposition", "attachment; filename=\"leads.csv\"").withBody("a,b\n")));
    List<String> out = run("f = invokeurl [ url: base + \"/report.pdf\" ];\ninfo f;\n"
        + "g = invokeurl [ url: base + \"/export\" ];\ninfo g;\n"
        + "h = invokeurl [ url: base + \"/export\" response-format: \"TEXT\" ];\ninfo h.trim();\n");
    assertEquals(List.of("report.pdf", "leads.csv", "a,b"), out);
  }

  @Test
  void timeoutsNameTheUrlAndTheLimit() {
    server.stubFor(get("/slow").willReturn(ok("late").withFixedDelay(3000)));
    Engine.Builder b = Engine.builder().http(new HttpOptions(Duration.ofSeconds(2), Duration.ofSeconds(1),
        1024, 5, null));
    RunException e = assertThrows(RunException.class, () -> run(b, "r = invokeurl [ url: base + \"/slow\" ];"));
    assertEquals("invokeurl to " + base() + "/slow failed: timed out: no complete response within 1 s",
        e.diagnostic().message());
    assertEquals(1, e.diagnostic().line());
  }

  @Test
  void aBodyThatStallsAfterTheHeadersTimesOutToo() {
    // the body takes 8 s to arrive: a run that ends sooner stopped at the deadline, however busy the machine is
    server.stubFor(get("/dribble").willReturn(ok("x".repeat(400)).withChunkedDribbleDelay(8, 8000)));
    Engine.Builder b = Engine.builder().http(new HttpOptions(Duration.ofSeconds(2), Duration.ofSeconds(1),
        1 << 20, 5, null));
    long start = System.nanoTime();
    RunException e = assertThrows(RunException.class, () -> run(b, "r = invokeurl [ url: base + \"/dribble\" ];"));
    assertEquals("invokeurl to " + base() + "/dribble failed: timed out: no complete response within 1 s",
        e.diagnostic().message());
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(8).toNanos(), "stopped at the deadline, not the end");
  }

  @Test
  void oversizeBodiesStopAtTheCap() {
    server.stubFor(get("/big").willReturn(ok("x".repeat(5000))));
    server.stubFor(get("/small").willReturn(ok("x".repeat(100))));
    Engine.Builder b = Engine.builder().http(new HttpOptions(Duration.ofSeconds(2), Duration.ofSeconds(5),
        1000, 5, null));
    RunException e = assertThrows(RunException.class, () -> run(b, "r = invokeurl [ url: base + \"/big\" ];"));
    assertTrue(e.diagnostic().message().endsWith("failed: the response is larger than the 1000 byte limit"),
        e.diagnostic().message());
    assertEquals(List.of("100"), run(b, "info invokeurl [ url: base + \"/small\" ].length();"));
  }

  @Test
  void redirectsAcrossHostsDropCredentials() {
    String target = "http://localhost:" + other.port() + "/landing";
    server.stubFor(get("/go").willReturn(aResponse().withStatus(302).withHeader("Location", target)));
    other.stubFor(get("/landing").willReturn(ok("arrived")));
    server.stubFor(get("/same").willReturn(aResponse().withStatus(301).withHeader("Location", "/here")));
    server.stubFor(get("/here").willReturn(ok("here")));
    List<String> out = run("h = {\"Authorization\": \"Bearer s3cret\", \"Cookie\": \"sid=1\", \"X-Keep\": \"k\"};\n"
        + "info invokeurl [ url: base + \"/go\" headers: h ];\ninfo invokeurl [ url: base + \"/same\" headers: h ];\n");
    assertEquals(List.of("arrived", "here"), out);
    LoggedRequest landed = other.findAll(getRequestedFor(urlEqualTo("/landing"))).get(0);
    assertFalse(landed.containsHeader("Authorization"));
    assertFalse(landed.containsHeader("Cookie"));
    assertEquals("k", landed.getHeader("X-Keep"));
    LoggedRequest here = server.findAll(getRequestedFor(urlEqualTo("/here"))).get(0);
    assertEquals("Bearer s3cret", here.getHeader("Authorization"));
  }

  @Test
  void tooManyRedirectsIsAnError() {
    server.stubFor(get("/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));
    RunException e = assertThrows(RunException.class, () -> run("r = invokeurl [ url: base + \"/loop\" ];"));
    assertTrue(e.diagnostic().message().endsWith("failed: too many redirects (more than 5)"));
    assertEquals(6, server.findAll(getRequestedFor(urlEqualTo("/loop"))).size());
  }

  @Test
  void unreachablePortAndBadUrlsAreClearErrors() {
    RunException e = assertThrows(RunException.class, () -> run("r = invokeurl [ url: \"http://127.0.0.1:1/x\" ];"));
    assertEquals("invokeurl to http://127.0.0.1:1/x failed: could not connect to 127.0.0.1:1 (connection refused)",
        e.diagnostic().message());
    e = assertThrows(RunException.class, () -> run("r = invokeurl [ url: \"ftp://example.com/x\" ];"));
    assertEquals("invokeurl: url must be an absolute http:// or https:// URL, got \"ftp://example.com/x\"",
        e.diagnostic().message());
    e = assertThrows(RunException.class, () -> run("r = invokeurl [ url: base type: FETCH ];"));
    assertEquals("invokeurl: type must be GET, POST, PUT, PATCH or DELETE, got \"FETCH\"", e.diagnostic().message());
  }

  @Test
  void secretsInTheUrlAreMaskedInErrorsAndLogs() {
    List<String> log = new ArrayList<>();
    Engine.Builder b = Engine.builder().http(HttpOptions.DEFAULT.withLog(log::add));
    RunException e = assertThrows(RunException.class, () -> run(b,
        "r = invokeurl [ url: \"http://user:pw@127.0.0.1:1/x?access_token=abc123&page=2\" ];"));
    assertFalse(e.diagnostic().message().contains("abc123"));
    assertFalse(e.diagnostic().message().contains("pw"));
    assertTrue(e.diagnostic().message().contains("access_token=***&page=2"));
    assertTrue(log.stream().noneMatch(l -> l.contains("abc123")), log.toString());
  }

  @Test
  void connectionsNeedARegistry() {
    RunException e = assertThrows(RunException.class, () -> run("r = invokeurl [ url: base connection: \"crm\" ];"));
    assertEquals("invokeurl: connection \"crm\" cannot be used: no connection registry is configured",
        e.diagnostic().message());
    assertEquals(0, server.findAll(anyRequestedFor(anyUrl())).size());
  }

  @Test
  void parametersAndBodyTogetherAreRejectedForPost() {
    RunException e = assertThrows(RunException.class,
        () -> run("r = invokeurl [ url: base type: POST parameters: {\"a\": 1} body: \"x\" ];"));
    assertEquals("invokeurl: give either parameters or body for POST, not both", e.diagnostic().message());
  }

  @Test
  void filesAreSentMultipartWithTheParametersAsFields() {
    server.stubFor(post("/upload").willReturn(okJson("{\"stored\": 2}")));
    server.stubFor(get("/logo.png").willReturn(aResponse().withHeader("Content-Type", "image/png")
        .withBody(new byte[] {(byte) 0x89, 'P', 'N', 'G'})));
    List<String> out = run("f = \"id,name\\n1,Ada\\n\".toFile(\"leads.csv\");\nf.setParamName(\"sheet\");\n"
        + "logo = invokeurl [ url: base + \"/logo.png\" ];\ninfo logo.getFileSize() + \" \" + logo.getFileType();\n"
        + "r = invokeurl [ url: base + \"/upload\" type: POST parameters: {\"folder\": \"in\"} files: {f, logo} ];\n"
        + "info r.get(\"stored\");\n");
    assertEquals(List.of("4 png", "2"), out);
    LoggedRequest r = only(postRequestedFor(urlEqualTo("/upload")));
    assertTrue(r.getHeader("Content-Type").startsWith("multipart/form-data; boundary="));
    assertEquals("in", r.getPart("folder").getBody().asString());
    assertEquals("id,name\n1,Ada\n", r.getPart("sheet").getBody().asString());
    assertTrue(r.getPart("sheet").getHeader("Content-Disposition").firstValue().contains("filename=\"leads.csv\""));
    assertEquals(4, r.getPart("file").getBody().asBytes().length);
    assertEquals("image/png", r.getPart("file").getHeader("Content-Type").firstValue());
  }

  static LoggedRequest only(com.github.tomakehurst.wiremock.matching.RequestPatternBuilder pattern) {
    List<LoggedRequest> all = server.findAll(pattern);
    assertEquals(1, all.size(), "matching requests received");
    return all.get(0);
  }

  @Test
  void legacyGetUrlAndPostUrl() {
    server.stubFor(get("/legacy").willReturn(okJson("{\"a\": 1}")));
    server.stubFor(post("/legacy").willReturn(aResponse().withStatus(201).withBody("made")));
    List<String> out = run("t = getUrl(base + \"/legacy\");\ninfo t;\n"
        + "r = postUrl(base + \"/legacy\", {\"k\": \"v w\"}, {\"X-A\": \"1\"}, false);\n"
        + "info r.get(\"responseCode\") + \" \" + r.get(\"responseText\");\n");
    assertEquals(List.of("{\"a\": 1}", "201 made"), out);
    LoggedRequest posted = server.findAll(postRequestedFor(urlEqualTo("/legacy"))).get(0);
    assertEquals("k=v+w", posted.getBodyAsString());
    assertEquals("1", posted.getHeader("X-A"));
  }
}
