package dev.freshet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.freshet.cli.Main;
import dev.freshet.cli.Terminal;
import dev.freshet.golden.WireMockGoldens;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden invokeurl scripts against a real local server: every {@code src/test/resources/http/NAME.dg} runs through
 * the CLI as {@code freshet run --tz UTC [NAME.args] --arg base=http://127.0.0.1:PORT NAME.dg}, against one WireMock
 * server whose stubs are {@code http/mappings/*.json} (bodies in {@code http/__files/}). {@code NAME.out} is the exact
 * standard output, {@code NAME.err} the exact standard error (empty when absent), {@code NAME.exit} the exit code (0
 * when absent).
 *
 * <p>The stubs match requests strictly (method, path, query, headers, body), so a request sent wrongly gets no stub,
 * and the test then fails naming the request. The server's port changes from run to run: in the output it is written
 * {@code PORT} ({@code http://127.0.0.1:PORT/…}), and the time in {@code --log-http} lines is written {@code N ms}.
 */
class HttpGoldenTest {
  static final Path ROOT = Path.of("src/test/resources/http");
  static WireMockServer server;
  /** The scripts' FRESHET_HOME, with the connections the connection_* scripts use, made by the CLI itself. */
  static Map<String, String> env;

  @BeforeAll
  static void start() throws IOException {
    server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
        .usingFilesUnderDirectory(ROOT.toString()));
    server.start();
    Path home = dev.freshet.golden.TempFolders.create("freshet-http-golden");
    env = new HashMap<>(System.getenv());
    env.put("FRESHET_HOME", home.toString());
    env.put("FRESHET_MASTER_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]));
    env.put("DEMO_TOKEN", "golden-demo-token");
    env.put("WEATHER_KEY", "golden-weather-key");
    env.put("ZOHO_SECRET", "golden-zoho-secret");
    connections("add", "demo", "--custom", "--auth", "bearer", "--token-env", "DEMO_TOKEN", "--api-host", "127.0.0.1");
    connections("add", "weather", "--custom", "--auth", "api_key", "--key-name", "appid", "--key-in", "query",
        "--key-env", "WEATHER_KEY", "--api-host", "127.0.0.1");
    connections("add", "zohocrm", "--service", "zoho", "--client-id", "1000.GOLDEN", "--client-secret-env",
        "ZOHO_SECRET", "--scopes", "ZohoCRM.modules.ALL");
  }

  private static void connections(String... args) {
    WireMockGoldens.connections(ROOT, env, args);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @TestFactory
  Stream<DynamicTest> scripts() throws IOException {
    return new WireMockGoldens(ROOT, server, env, true).scripts();
  }

  /** The same scripts formatted by {@code freshet fmt}: they run as the originals do (docs/editors.md). */
  @TestFactory
  Stream<DynamicTest> formattedScripts() throws IOException {
    return new WireMockGoldens(ROOT, server, env, true).formattedScripts();
  }
}
