package dev.freshet.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.freshet.connections.pg.PgServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI on a PostgreSQL store: FRESHET_STORE and --store for connections and run, export and import between the
 * folder store and the database, and no secret (nor the database password) in anything printed.
 */
class ConnectionsStoreCliTest {
  static final String API_KEY = "store-api-key-71c2";
  static final String PASSWORD = "store-password-0e9d";

  @TempDir
  Path dir;
  WireMockServer wm;
  PgServer pg;
  String url;
  Map<String, String> env;
  final StringBuilder everything = new StringBuilder();

  record Run(int exit, String out, String err) {}

  @BeforeEach
  void start() {
    pg = PgServer.get();
    url = pg.url(pg.createDatabase());
    wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    env = new HashMap<>(Map.of("FRESHET_HOME", dir.resolve("home").toString(), "FRESHET_MASTER_KEY",
        ConnectionsCliTest.MASTER_KEY, "WEATHER_KEY", API_KEY, "LEGACY_PASSWORD", PASSWORD));
    wm.stubFor(get(urlPathEqualTo("/w")).withQueryParam("appid", equalTo(API_KEY))
        .willReturn(aResponse().withBody("sunny")));
    wm.stubFor(get(urlEqualTo("/l")).withBasicAuth("ada", PASSWORD).willReturn(aResponse().withBody("legacy ok")));
  }

  @AfterEach
  void stop() {
    wm.stop();
    String all = everything.toString();
    for (String secret : List.of(API_KEY, PASSWORD, ConnectionsCliTest.MASTER_KEY, pg.password())) {
      assertFalse(all.contains(secret), "printed a secret (" + secret.substring(0, 3) + "…)");
    }
  }

  @Test
  void freshetStoreKeepsConnectionsInTheDatabaseForConnectionsAndRun() {
    env.put("FRESHET_STORE", url);
    addBoth();
    assertEquals("sunny\nlegacy ok\n", runBoth().out);
    Run list = freshet("connections", "list");
    assertEquals(0, list.exit, list.err);
    assertTrue(list.out.contains("weather") && list.out.contains("legacy"), list.out);
    assertFalse(Files.exists(dir.resolve("home/connections")), "nothing went to the folder store");

    env.remove("FRESHET_STORE");
    assertTrue(freshet("connections", "list").out.startsWith("No connections yet"), "the folder store is empty");
    Run viaOption = freshet("run", "--store", url, "-e", "info invokeurl [ url: \"" + base()
        + "/w\" connection: \"weather\" ];");
    assertEquals(0, viaOption.exit, viaOption.err);
    assertEquals("sunny\n", viaOption.out);
    assertTrue(freshet("connections", "list", "--store", url).out.contains("weather"));
  }

  @Test
  void exportToTheDatabaseAndImportBackToAFolder() {
    addBoth(); // into the folder store
    assertEquals(0, freshet("connections", "default", "crm", "weather").exit);
    Run export = freshet("connections", "export", "--to", url);
    assertEquals(0, export.exit, export.err);
    String shown = url.replace(":" + pg.password() + "@", "@");
    assertEquals("Copied 2 connections (legacy, weather) and 1 default from FileConnectionStore[" + real("home") + "] to PostgresConnectionStore[" + shown + "].\n", export.out);
    assertEquals("sunny\nlegacy ok\n", runBoth("--store", url).out);

    Run again = freshet("connections", "export", "--to", url);
    assertEquals("Copied 0 connections and 0 defaults from FileConnectionStore[" + real("home") + "] to PostgresConnectionStore[" + shown + "].\n"
        + "Skipped legacy, weather: already there (--replace overwrites).\n", again.out);

    env.put("FRESHET_HOME", dir.resolve("other").toString());
    Run imported = freshet("connections", "import", "--from", url);
    assertEquals(0, imported.exit, imported.err);
    assertTrue(imported.out.startsWith("Copied 2 connections (legacy, weather) and 1 default from"), imported.out);
    assertEquals("sunny\nlegacy ok\n", runBoth().out);
    Run defaults = freshet("connections", "default");
    assertTrue(defaults.out.contains("weather"), defaults.out);
  }

  @Test
  void aStoreThatIsNotAPostgresqlUrlOrCannotBeReachedIsAClearError() {
    env.put("FRESHET_STORE", "/var/lib/freshet");
    Run bad = freshet("connections", "list");
    assertEquals(Main.USAGE, bad.exit);
    assertEquals("freshet: FRESHET_STORE is a postgresql://USER@HOST:PORT/DB URL; the folder store is chosen with"
        + " FRESHET_HOME\n", bad.err);
    env.put("FRESHET_STORE", url.replace(":" + pg.password() + "@", ":wrong-password@"));
    Run wrong = freshet("connections", "list");
    assertEquals(Main.RUNTIME_ERROR, wrong.exit);
    assertTrue(wrong.err.startsWith("freshet: connection store (PostgreSQL): cannot open postgresql://freshet@"),
        wrong.err);
    assertTrue(wrong.err.contains("password authentication failed"), wrong.err);
    assertFalse(wrong.err.contains("wrong-password"), wrong.err);
  }

  private void addBoth() {
    Run a = freshet("connections", "add", "weather", "--custom", "--auth", "api_key", "--key-name", "appid",
        "--key-in", "query", "--key-env", "WEATHER_KEY", "--api-host", "127.0.0.1");
    assertEquals(0, a.exit, a.err);
    Run b = freshet("connections", "add", "legacy", "--custom", "--auth", "basic", "--username", "ada",
        "--password-env", "LEGACY_PASSWORD", "--api-host", "127.0.0.1");
    assertEquals(0, b.exit, b.err);
  }

  private Run runBoth(String... options) {
    List<String> args = new java.util.ArrayList<>(List.of("run"));
    args.addAll(List.of(options));
    args.addAll(List.of("-e", "info invokeurl [ url: \"" + base() + "/w\" connection: \"weather\" ];"
        + "info invokeurl [ url: \"" + base() + "/l\" connection: \"legacy\" ];"));
    Run r = freshet(args.toArray(String[]::new));
    assertEquals(0, r.exit, r.err);
    return r;
  }

  private String real(String folder) {
    try {
      return dir.resolve(folder).toRealPath().toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  String base() {
    return "http://127.0.0.1:" + wm.port();
  }

  Run freshet(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.execute(args, new Terminal(dir, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env));
    Run r = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    everything.append(r.out).append('\n').append(r.err).append('\n');
    return r;
  }
}
