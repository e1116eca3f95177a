package dev.freshet.zoho;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.freshet.cli.Main;
import dev.freshet.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Zoho stand-in: a custom OAuth client-credentials connection whose token endpoint answers with an
 * {@code api_domain}, made the default of CRM, Books and Creator with {@code connections default}, runs CRM, Books
 * and Creator scripts that name no connection, each as its own {@code freshet run}. One token request serves every
 * run; Deluge's default trigger list is sent; no token or secret appears in any output or in any file.
 */
class ZohoStandInTest {
  @TempDir
  Path home;
  WireMockServer server;
  final StringBuilder everything = new StringBuilder();

  @AfterEach
  void stop() {
    server.stop();
  }

  private int cli(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.execute(args, new Terminal(ZohoGoldenTest.ROOT, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env));
    everything.append(out.toString(StandardCharsets.UTF_8)).append(err.toString(StandardCharsets.UTF_8));
    return exit;
  }

  @Test
  void oneTokenServesEveryRunAndNoSecretIsLeftAnywhere() throws Exception {
    server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
        .usingFilesUnderDirectory(ZohoGoldenTest.ROOT.toString()));
    server.start();
    String base = "http://127.0.0.1:" + server.port();
    server.stubFor(post(urlEqualTo("/stand-in/token")).willReturn(aResponse()
        .withHeader("Content-Type", "application/json")
        .withBody("{\"access_token\":\"" + ZohoGoldenTest.TOKEN + "\",\"api_domain\":\"" + base
            + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("FRESHET_HOME", home.toString());
    env.put("FRESHET_MASTER_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]));
    env.put("STANDIN_SECRET", ZohoGoldenTest.SECRET);

    assertEquals(0, cli(env, "connections", "add", "standin", "--custom", "--auth", "oauth2", "--grant",
        "client_credentials", "--token-url", base + "/stand-in/token", "--client-id", "1000.STANDIN",
        "--client-secret-env", "STANDIN_SECRET", "--header-prefix", "Zoho-oauthtoken"));
    for (String product : List.of("crm", "books", "creator", "inventory")) {
      assertEquals(0, cli(env, "connections", "default", product, "standin"));
    }
    for (String[] script : new String[][] {
        {"crm_lead_to_deal.dg", "--arg", "leadId=4876876000000624001", "--arg", "dealId=4876876000000650011"},
        {"books_inventory.dg"}, {"creator.dg"}, {"crm_lists.dg"}}) {
      List<String> args = new java.util.ArrayList<>(List.of("run", "--tz", "UTC"));
      args.addAll(List.of(script).subList(1, script.length));
      args.add(script[0]);
      env.put("FRESHET_CACHE", "off");
      assertEquals(0, cli(env, args.toArray(String[]::new)), script[0] + ": " + everything);
    }

    assertEquals(1, server.findAll(postRequestedFor(urlEqualTo("/stand-in/token"))).size());
    assertEquals(List.of(), server.findAllUnmatchedRequests());
    assertEquals(1, server.findAll(putRequestedFor(urlEqualTo("/crm/v2.1/Deals/4876876000000650011"))
        .withRequestBody(equalToJson("{\"trigger\":[\"approval\",\"blueprint\",\"orchestration\"]}", true, true)))
        .size());
    for (String secret : List.of(ZohoGoldenTest.TOKEN, ZohoGoldenTest.SECRET)) {
      assertFalse(everything.toString().contains(secret), "a secret in the output");
      try (Stream<Path> files = Files.walk(home)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertFalse(Files.readString(f, StandardCharsets.ISO_8859_1).contains(secret), "a secret in " + f);
        }
      }
    }
  }
}
