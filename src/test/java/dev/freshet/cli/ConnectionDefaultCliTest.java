package dev.freshet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.connections.ConnectionRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code connections default}, {@code --dc}, {@code --api-domain} and {@code --rewrite-zoho-hosts} as a user types them. */
class ConnectionDefaultCliTest {
  @TempDir
  Path home;
  Map<String, String> env;

  record Run(int exit, String out, String err) {}

  @BeforeEach
  void setUp() {
    env = new HashMap<>(System.getenv());
    env.put("FRESHET_HOME", home.toString());
    env.put("FRESHET_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    env.put("ZOHO_SECRET", "zoho-secret-default-test");
  }

  Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.execute(args, new Terminal(home, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void withNoConnectionEveryProductSaysHowToSetOne() {
    Run r = run("connections", "default");
    assertEquals(0, r.exit());
    assertTrue(r.out().startsWith("crm        none (set one with: freshet connections default crm NAME)\n"
        + "books      none (set one with: freshet connections default books NAME)\n"), r.out());
    assertTrue(r.out().contains("cliq       none"), r.out());
  }

  @Test
  void theOnlyZohoConnectionServesEveryProductUntilADefaultIsSet() throws Exception {
    assertEquals(0, run("connections", "add", "zohoeu", "--service", "zoho", "--dc", "eu", "--client-id",
        "1000.ABC", "--client-secret-env", "ZOHO_SECRET", "--rewrite-zoho-hosts").exit());
    assertTrue(run("connections", "default").out().startsWith("crm        zohoeu (the only zoho connection)\n"));

    Run set = run("connections", "default", "crm", "zohoeu");
    assertEquals(0, set.exit(), set.err());
    assertEquals("zoho.crm.* tasks use \"zohoeu\" when a script names no connection.\n", set.out());
    assertTrue(run("connections", "default").out().startsWith("crm        zohoeu\n"));
    Path file = home.resolve("defaults.json");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertTrue(Files.readString(file).contains("\"crm\" : \"zohoeu\""), Files.readString(file));

    Run unset = run("connections", "default", "crm", "--unset");
    assertEquals(0, unset.exit(), unset.err());
    assertEquals("zoho.crm.* tasks have no default connection now.\n", unset.out());
    assertTrue(run("connections", "default").out().startsWith("crm        zohoeu (the only zoho connection)\n"));
  }

  @Test
  void mistakesAreUsageErrorsThatNameTheFix() {
    run("connections", "add", "zohoeu", "--service", "zoho", "--client-id", "1000.ABC", "--client-secret-env",
        "ZOHO_SECRET");
    Run unknownConnection = run("connections", "default", "crm", "nope");
    assertEquals(64, unknownConnection.exit());
    assertTrue(unknownConnection.err().contains("no connection named \"nope\""), unknownConnection.err());
    Run unknownProduct = run("connections", "default", "erp", "zohoeu");
    assertEquals(64, unknownProduct.exit());
    assertEquals("freshet: unknown product \"erp\"; use one of crm, books, inventory, creator, desk, cliq\n",
        unknownProduct.err());
    Run noName = run("connections", "default", "crm");
    assertEquals(64, noName.exit());
    assertTrue(noName.err().contains("freshet connections default crm NAME"), noName.err());
    Run badDc = run("connections", "add", "z2", "--service", "zoho", "--dc", "mars", "--client-id", "1000.ABC",
        "--client-secret-env", "ZOHO_SECRET");
    assertEquals(64, badDc.exit());
    assertTrue(badDc.err().contains("unknown Zoho data centre \"mars\"; use one of us, eu, in, au, jp, ca, sa, uk,"
        + " cn"), badDc.err());
    Run badDomain = run("connections", "add", "z3", "--service", "zoho", "--api-domain", "https://x.example/crm",
        "--client-id", "1000.ABC", "--client-secret-env", "ZOHO_SECRET");
    assertEquals(64, badDomain.exit());
    assertTrue(badDomain.err().contains("without a path"), badDomain.err());
  }

  @Test
  void showTellsTheDataCentreTheApiDomainAndTheHostRewriting() {
    run("connections", "add", "zohoeu", "--service", "zoho", "--dc", "eu", "--client-id", "1000.ABC",
        "--client-secret-env", "ZOHO_SECRET", "--rewrite-zoho-hosts");
    run("connections", "add", "sandbox", "--service", "zoho", "--api-domain", "https://sandbox.zohoapis.com",
        "--client-id", "1000.ABC", "--client-secret-env", "ZOHO_SECRET");
    Run eu = run("connections", "show", "zohoeu");
    assertTrue(eu.out().contains("dc:          eu\n"), eu.out());
    assertTrue(eu.out().contains("zoho hosts:  rewritten to the API domain (--rewrite-zoho-hosts)\n"), eu.out());
    Run sandbox = run("connections", "show", "sandbox");
    assertTrue(sandbox.out().contains("api domain:  https://sandbox.zohoapis.com (given)\n"), sandbox.out());
    assertTrue(sandbox.out().contains("zoho hosts:  as written"), sandbox.out());
    assertTrue(sandbox.out().contains("url: \"https://sandbox.zohoapis.com/\""), sandbox.out());

    ConnectionRegistry registry = ConnectionsCommand.registry(new Terminal(home, new ByteArrayInputStream(
        new byte[0]), System.out, System.err, env));
    // a connection that holds no token yet gets one first: its token response may name the API domain
    assertEquals("connection \"zohoeu\" is not authorized yet; run: freshet connections authorize zohoeu",
        org.junit.jupiter.api.Assertions.assertThrows(dev.freshet.connections.ConnectionException.class,
            () -> registry.apiDomain("zohoeu")).getMessage());
    assertEquals("https://sandbox.zohoapis.com", registry.apiDomain("sandbox"));
    assertTrue(registry.rewritesZohoHosts("zohoeu"));
  }
}
