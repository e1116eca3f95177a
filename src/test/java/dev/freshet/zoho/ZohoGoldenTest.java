package dev.freshet.zoho;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden {@code zoho.*} scripts against a WireMock Zoho: every {@code src/test/resources/zoho/NAME.dg} runs through
 * the CLI as {@code freshet run --tz UTC [NAME.args] NAME.dg}, with stubs in {@code zoho/mappings/*.json} (bodies in
 * {@code zoho/__files/}) playing CRM v2.1, Books v3, Inventory v1, Creator v2, Desk v1 and Cliq v2. Stubs match the
 * method, path, query, body and the {@code Zoho-oauthtoken} header strictly, so a request sent wrongly gets no stub.
 *
 * <p>The scripts name no connection: FRESHET_HOME holds one custom OAuth client-credentials connection, {@code zoho},
 * made with the CLI and set as the default of every product (and {@code zohorw}, the same with
 * {@code --rewrite-zoho-hosts}); its token endpoint (a stub here) answers with an
 * {@code api_domain} that points at the same server, so the tasks find Zoho's APIs there. The port changes from run to
 * run and is written {@code PORT} in the expected output.
 */
class ZohoGoldenTest {
  static final Path ROOT = Path.of("src/test/resources/zoho");
  static final String TOKEN = "1000.zt-golden-access-7c1e";
  static final String SECRET = "zoho-golden-client-secret-44";
  static WireMockServer server;
  static Map<String, String> env;
  static Path home;

  @BeforeAll
  static void start() throws IOException {
    server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
        .usingFilesUnderDirectory(ROOT.toString()));
    server.start();
    String base = "http://127.0.0.1:" + server.port();
    server.stubFor(post(urlEqualTo("/oauth/v2/token")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json;charset=UTF-8")
        .withBody("{\"access_token\":\"" + TOKEN + "\",\"scope\":\"ZohoCRM.modules.ALL\",\"api_domain\":\"" + base
            + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
    home = dev.freshet.golden.TempFolders.create("freshet-zoho-golden");
    env = new HashMap<>(System.getenv());
    env.put("FRESHET_HOME", home.toString());
    env.put("FRESHET_MASTER_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]));
    env.put("ZOHO_SECRET", SECRET);
    connections("add", "zoho", "--custom", "--auth", "oauth2", "--grant", "client_credentials", "--token-url",
        base + "/oauth/v2/token", "--client-id", "1000.GOLDEN", "--client-secret-env", "ZOHO_SECRET",
        "--header-prefix", "Zoho-oauthtoken");
    connections("add", "zohorw", "--custom", "--auth", "oauth2", "--grant", "client_credentials", "--token-url",
        base + "/oauth/v2/token", "--client-id", "1000.GOLDEN", "--client-secret-env", "ZOHO_SECRET",
        "--header-prefix", "Zoho-oauthtoken", "--rewrite-zoho-hosts");
    for (String product : List.of("crm", "books", "inventory", "creator", "desk", "cliq")) {
      connections("default", product, "zoho");
    }
  }

  static void connections(String... args) {
    WireMockGoldens.connections(ROOT, env, args);
  }

  @AfterAll
  static void stop() throws IOException {
    server.stop();
  }

  @TestFactory
  Stream<DynamicTest> scripts() throws IOException {
    return new WireMockGoldens(ROOT, server, env, false).scripts();
  }

  /** The same scripts formatted by {@code freshet fmt}: they run as the originals do (docs/editors.md). */
  @TestFactory
  Stream<DynamicTest> formattedScripts() throws IOException {
    return new WireMockGoldens(ROOT, server, env, false).formattedScripts();
  }

  @Test
  void noTokenOrSecretIsWrittenAnywhereInTheClear() throws IOException {
    try (Stream<Path> files = Files.walk(home)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains(TOKEN) || text.contains(SECRET), "a secret in " + f);
      }
    }
  }
}
