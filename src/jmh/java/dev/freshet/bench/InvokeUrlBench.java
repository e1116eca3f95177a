package dev.freshet.bench;

import com.sun.net.httpserver.HttpServer;
import dev.freshet.api.Engine;
import dev.freshet.api.Script;
import dev.freshet.http.HttpReply;
import dev.freshet.runtime.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One invokeurl round trip (GET with a parameters map and a header, a 1 KB JSON response parsed into a MAP) against a
 * local JDK HttpServer, and the same request made directly with {@link HttpClient} in the same run. Both sides use a
 * client configured as Freshet's default transport is, and parse the body with the same JSON reader into the same
 * values, so the ratio {@code invokeurl / httpClient} is Freshet's own overhead: interpreting the script, building
 * the request from the block's keys, the way its transport sends and waits, the redirect and limit checks, and
 * mapping the response (docs/performance.md explains the figures). {@code httpClientRaw}
 * stops at the bytes, to show what the JSON parsing costs. Loopback timings swing with the machine's load, so two
 * in-memory measurements isolate the CPU work: {@code invokeurlInMemory} runs the same script with a transport that
 * answers from memory (everything Freshet does except the JDK client), {@code parseOnly} decodes and parses the body.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InvokeUrlBench {
  /** A CRM-style page of leads: 1,024 bytes. */
  static final String PAYLOAD = """
      {"data":[{"id":"4150868000000224005","Last_Name":"Lovelace","First_Name":"Ada","Email":"ada@example.com",\
      "Company":"Analytical Engines Ltd","Lead_Status":"Contacted","Annual_Revenue":1250000.5,"No_of_Employees":42},\
      {"id":"4150868000000224006","Last_Name":"Babbage","First_Name":"Charles","Email":"charles@example.com",\
      "Company":"Difference Works","Lead_Status":"Qualified","Annual_Revenue":98000,"No_of_Employees":7},\
      {"id":"4150868000000224007","Last_Name":"Somerville","First_Name":"Mary","Email":"mary@example.com",\
      "Company":"Mechanism Press","Lead_Status":"Not Contacted","Annual_Revenue":15500.75,"No_of_Employees":3},\
      {"id":"4150868000000224008","Last_Name":"Hopper","First_Name":"Grace","Email":"grace@example.com",\
      "Company":"Compiler Systems","Lead_Status":"Contacted","Annual_Revenue":730000,"No_of_Employees":120}],\
      "info":{"per_page":4,"count":4,"page":1,"more_records":true,"sort_by":"Created_Time","sort_order":"desc",\
      "next_page_token":"c8a2f1e0b7d94c36a5e0f2b1c4d7e9a0b3c6d8f1e4a7b0c2d5e8f1a4b7c0","mode":"test"}}""";

  static final String SCRIPT = """
      response = invokeurl
      [
          url: base + "/crm/v2/Leads"
          type: GET
          parameters: {"page": 1, "per_page": 4}
          headers: {"Accept": "application/json"}
      ];
      return response;
      """;

  private HttpServer server;
  private ExecutorService serverThreads;
  private String base;
  private Script script;
  private Map<String, Object> bindings;
  private HttpClient client;
  private Script inMemory;
  private byte[] body;

  @Setup
  public void setup() throws IOException, InterruptedException {
    body = PAYLOAD.getBytes(StandardCharsets.UTF_8);
    if (body.length != 1024) {
      throw new IllegalStateException("the payload should be 1 KB, is " + body.length + " bytes");
    }
    // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK: every
    // exchange then waits ~40 ms on both sides, which hides everything else. Read when the server classes load.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/crm/v2/Leads", exchange -> {
      try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
        in.readAllBytes();
        boolean expected = "page=1&per_page=4".equals(exchange.getRequestURI().getRawQuery())
            && "application/json".equals(exchange.getRequestHeaders().getFirst("Accept"));
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        exchange.sendResponseHeaders(expected ? 200 : 400, expected ? body.length : -1);
        if (expected) {
          out.write(body);
        }
      }
    });
    serverThreads = Executors.newFixedThreadPool(2);
    server.setExecutor(serverThreads);
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    bindings = Map.of("base", base);
    script = BenchSupport.ENGINE.compile("invokeurl.dg", SCRIPT, "base");
    // As JdkHttpTransport builds its client: same connect timeout, no automatic redirects, HTTP/2 preferred.
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_2).build();
    HttpReply reply = new HttpReply(200, Map.of("Content-Type", List.of("application/json;charset=UTF-8")), body);
    inMemory = Engine.builder().output(line -> {}).transport(call -> reply).build()
        .compile("invokeurl.dg", SCRIPT, "base");
    BenchSupport.same("invokeurl", invokeurl(), httpClient());
    BenchSupport.same("in memory", invokeurlInMemory(), parseOnly());
    BenchSupport.same("payload", Json.parse(PAYLOAD), httpClient());
  }

  @TearDown
  public void tearDown() {
    server.stop(0);
    serverThreads.shutdownNow();
  }

  @Benchmark
  public Object invokeurl() {
    return script.run(bindings).value();
  }

  /** What a Java developer writes for the same call, with the same 40 s request timeout and the same JSON reader. */
  @Benchmark
  public Object httpClient() throws IOException, InterruptedException {
    return Json.parse(new String(send(), StandardCharsets.UTF_8));
  }

  @Benchmark
  public byte[] httpClientRaw() throws IOException, InterruptedException {
    return send();
  }

  @Benchmark
  public Object invokeurlInMemory() {
    return inMemory.run(bindings).value();
  }

  @Benchmark
  public Object parseOnly() {
    return Json.parse(new String(body, StandardCharsets.UTF_8));
  }

  private byte[] send() throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/crm/v2/Leads?page=" + 1 + "&per_page=" + 4))
        .timeout(Duration.ofSeconds(40)).header("Accept", "application/json").GET().build();
    HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("the server answered " + response.statusCode());
    }
    return response.body();
  }
}
