package dev.freshet.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code freshet connections …} and {@code freshet run} end to end against a fake provider: what a user types, sees,
 * and what reaches the provider; and that no secret appears in any output or in the store's files.
 */
class ConnectionsCliTest {
  static final String CLIENT_SECRET = "cli-client-secret-4e1b";
  static final String CODE = "cli-auth-code-77ab";
  static final String ACCESS_1 = "cli-access-one-90c2";
  static final String ACCESS_2 = "cli-access-two-13f8";
  static final String REFRESH_1 = "cli-refresh-one-5d0e";
  static final String REFRESH_2 = "cli-refresh-two-a3c9";
  static final String API_KEY = "cli-api-key-b7e4";
  static final String PASSWORD = "cli-password-c0d1";
  static final String BEARER = "cli-bearer-e52f";
  static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
      12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
  static final List<String> SECRETS = List.of(CLIENT_SECRET, CODE, ACCESS_1, ACCESS_2, REFRESH_1, REFRESH_2, API_KEY,
      PASSWORD, BEARER, MASTER_KEY);

  @TempDir
  Path dir;
  WireMockServer wm;
  Map<String, String> env;
  /** Everything any command printed, for the secret scan. */
  final StringBuilder everything = new StringBuilder();

  record Run(int exit, String out, String err) {}

  @BeforeEach
  void start() {
    wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
    env = new HashMap<>(Map.of("FRESHET_HOME", dir.resolve("home").toString(), "FRESHET_MASTER_KEY", MASTER_KEY,
        "CRM_SECRET", CLIENT_SECRET, "WEATHER_KEY", API_KEY, "LEGACY_PASSWORD", PASSWORD, "OPENAI_KEY", BEARER));
  }

  @AfterEach
  void stop() throws IOException {
    wm.stop();
    scanForSecrets();
  }

  String base() {
    return "http://127.0.0.1:" + wm.port();
  }

  Run freshet(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.execute(args, terminal(out, err));
    Run r = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    record(r);
    return r;
  }

  private synchronized void record(Run r) {
    everything.append(r.out).append('\n').append(r.err).append('\n');
  }

  Terminal terminal(ByteArrayOutputStream out, ByteArrayOutputStream err) {
    return new Terminal(dir, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env);
  }

  Path script(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  void addCrm() {
    Run add = freshet("connections", "add", "crm", "--custom", "--auth", "oauth2", "--grant", "authorization_code",
        "--authorize-url", base() + "/authorize", "--token-url", base() + "/token", "--revoke-url",
        base() + "/revoke", "--client-id", "crm-client", "--client-secret-env", "CRM_SECRET", "--scopes",
        "leads.read,leads.write", "--api-host", "127.0.0.1:" + wm.port());
    assertEquals(0, add.exit, add.err);
    assertEquals("Added \"crm\" (crm, oauth2, authorization_code): defined.\nNext: freshet connections authorize crm\n",
        add.out);
  }

  /** The fake provider: its sign-in page redirects back with a code; its token endpoint checks PKCE itself. */
  void provider() {
    wm.stubFor(get(urlPathEqualTo("/authorize")).withQueryParam("client_id", equalTo("crm-client"))
        .withQueryParam("scope", equalTo("leads.read leads.write"))
        .withQueryParam("code_challenge_method", equalTo("S256"))
        .willReturn(aResponse().withStatus(302).withTransformers("response-template").withHeader("Location",
            "{{request.query.redirect_uri}}?code=" + CODE + "&state={{urlEncode request.query.state}}")));
    wm.stubFor(post(urlEqualTo("/token")).andMatching(this::codeWithTheRightVerifier)
        .willReturn(okJson("{\"access_token\":\"" + ACCESS_1 + "\",\"refresh_token\":\"" + REFRESH_1
            + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}")));
  }

  /** PKCE as a provider checks it: SHA-256 of the verifier sent now must be the challenge sent at sign-in. */
  private MatchResult codeWithTheRightVerifier(Request token) {
    Map<String, String> form = form(token.getBodyAsString());
    if (!"authorization_code".equals(form.get("grant_type")) || !CODE.equals(form.get("code"))
        || !CLIENT_SECRET.equals(form.get("client_secret"))) {
      return MatchResult.noMatch();
    }
    String challenge = wm.findAll(getRequestedFor(urlPathEqualTo("/authorize"))).get(0)
        .queryParameter("code_challenge").firstValue();
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(form.get("code_verifier")
          .getBytes(StandardCharsets.US_ASCII));
      return MatchResult.of(Base64.getUrlEncoder().withoutPadding().encodeToString(hash).equals(challenge));
    } catch (Exception e) {
      return MatchResult.noMatch();
    }
  }

  /** Runs {@code authorize} while the test plays the browser: open the printed URL, follow its redirect. */
  Run authorizeInBrowser(String name) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.execute(
        new String[] {"connections", "authorize", name, "--no-browser", "--timeout", "30"}, terminal(out, err)));
    String url = null;
    Pattern printed = Pattern.compile("\\n  (http\\S+)\\n");
    for (int i = 0; i < 300 && url == null; i++) {
      Matcher m = printed.matcher(out.toString(StandardCharsets.UTF_8));
      if (m.find()) {
        url = m.group(1);
      } else {
        Thread.sleep(50);
      }
    }
    assertTrue(url != null, "no URL printed: " + out + err);
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(url)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("you can close this tab"), page.body());
    Run r = new Run(exit.get(30, TimeUnit.SECONDS), out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
    record(r);
    return r;
  }

  @Test
  void theWholeLifeOfAnOAuthConnection() throws Exception {
    addCrm();
    assertTrue(freshet("connections", "list").out.matches("(?s)NAME +SERVICE +AUTH +STATUS +EXPIRES\\ncrm +custom"
        + " +oauth2 +defined +-\\n"));
    Path leads = script("leads.dg", """
        r = invokeurl [ url: base + "/api/leads" type: GET connection: "crm" ];
        info r.get("data").size();""");

    Run early = freshet("run", leads.toString(), "--arg", "base=" + base());
    assertEquals(75, early.exit, early.err);
    assertTrue(early.err.contains("connection \"crm\" is not authorized yet; run: freshet connections authorize crm"),
        early.err);

    provider();
    Run auth = authorizeInBrowser("crm");
    assertEquals(0, auth.exit, auth.err);
    assertTrue(auth.out.startsWith("Open this URL in a browser to authorize \"crm\":"), auth.out);
    assertTrue(auth.out.contains("Connected \"crm\" (crm): the token expires "), auth.out);
    wm.verify(1, postRequestedFor(urlEqualTo("/token")));

    Run show = freshet("connections", "show", "crm");
    assertEquals(0, show.exit, show.err);
    assertTrue(show.out.contains("status:      connected\n"), show.out);
    assertTrue(show.out.contains("secrets:     access token, client secret, refresh token (encrypted)\n"), show.out);
    assertTrue(show.out.contains("\turl: \"http://127.0.0.1:" + wm.port() + "/\"\n\ttype: GET\n\tconnection:"
        + " \"crm\"\n];"), show.out);

    wm.stubFor(get(urlEqualTo("/api/leads")).withHeader("Authorization", equalTo("Bearer " + ACCESS_1))
        .willReturn(okJson("{\"data\":[{\"id\":1},{\"id\":2}]}")));
    Run run = freshet("run", "--log-http", leads.toString(), "--arg", "base=" + base());
    assertEquals(0, run.exit, run.err);
    assertEquals("2\n", run.out);
    assertTrue(run.err.contains("> GET http://127.0.0.1:" + wm.port() + "/api/leads"), run.err);

    wm.stubFor(post(urlEqualTo("/token")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
        .containing("grant_type=refresh_token")).willReturn(okJson("{\"access_token\":\"" + ACCESS_2
            + "\",\"refresh_token\":\"" + REFRESH_2 + "\",\"expires_in\":3600}")));
    Run refresh = freshet("connections", "refresh", "crm");
    assertEquals(0, refresh.exit, refresh.err);
    assertTrue(refresh.out.startsWith("Refreshed \"crm\": the token expires "), refresh.out);

    wm.stubFor(post(urlEqualTo("/token")).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock
        .containing("grant_type=refresh_token")).willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}")));
    Run dead = freshet("connections", "refresh", "crm");
    assertEquals(75, dead.exit, dead.err);
    assertEquals("freshet: connection \"crm\" needs to be authorized again (the provider refused the refresh"
        + " (invalid_grant)); run: freshet connections authorize crm\n", dead.err);
    assertTrue(freshet("connections", "list").out.contains(" needs_reauth "));

    wm.stubFor(post(urlEqualTo("/revoke")).willReturn(aResponse().withStatus(200)));
    assertEquals(0, freshet("connections", "revoke", "crm").exit);
    wm.verify(1, postRequestedFor(urlEqualTo("/revoke")));
    assertTrue(freshet("connections", "list").out.contains(" revoked "));
    Run remove = freshet("connections", "remove", "crm");
    assertEquals(0, remove.exit, remove.err);
    assertEquals("Removed \"crm\".\n", remove.out);
    Run gone = freshet("connections", "show", "crm");
    assertEquals(64, gone.exit);
  }

  @Test
  void deviceFlowPrintsTheCodeAndPolls() {
    Run add = freshet("connections", "add", "tv", "--custom", "--auth", "oauth2", "--grant", "device_code",
        "--device-url", base() + "/device", "--token-url", base() + "/token", "--client-id", "tv-client",
        "--client-secret-env", "CRM_SECRET", "--scopes", "profile", "--api-host", "127.0.0.1:" + wm.port());
    assertEquals(0, add.exit, add.err);
    wm.stubFor(post(urlEqualTo("/device")).willReturn(okJson("{\"device_code\":\"dev-code-1\",\"user_code\":"
        + "\"WDJB-MJHT\",\"verification_uri\":\"https://example.com/device\",\"expires_in\":600,\"interval\":1}")));
    wm.stubFor(post(urlEqualTo("/token")).inScenario("device").whenScenarioStateIs("Started")
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":\"authorization_pending\"}")).willSetStateTo("approved"));
    wm.stubFor(post(urlEqualTo("/token")).inScenario("device").whenScenarioStateIs("approved")
        .willReturn(okJson("{\"access_token\":\"" + ACCESS_1 + "\",\"expires_in\":3600}")));
    Run auth = freshet("connections", "authorize", "tv");
    assertEquals(0, auth.exit, auth.err);
    assertTrue(auth.out.startsWith("To authorize \"tv\", open https://example.com/device on any device and enter the"
        + " code:\n\n  WDJB-MJHT\n"), auth.out);
    assertTrue(auth.out.contains("Connected \"tv\""), auth.out);
    assertEquals(2, wm.findAll(postRequestedFor(urlEqualTo("/token"))).size());
  }

  @Test
  void clientCredentialsNeedNoUserStep() throws Exception {
    Run add = freshet("connections", "add", "m2m", "--custom", "--auth", "oauth2", "--grant", "client_credentials",
        "--token-url", base() + "/token", "--client-id", "m2m-client", "--client-secret-env", "CRM_SECRET",
        "--client-auth", "basic");
    assertEquals(0, add.exit, add.err);
    assertTrue(add.out.contains(": connected."), add.out);
    wm.stubFor(post(urlEqualTo("/token")).withBasicAuth("m2m-client", CLIENT_SECRET)
        .willReturn(okJson("{\"access_token\":\"" + ACCESS_1 + "\",\"expires_in\":3600}")));
    wm.stubFor(get(urlEqualTo("/status")).withHeader("Authorization", equalTo("Bearer " + ACCESS_1))
        .willReturn(aResponse().withBody("up")));
    Run run = freshet("run", "-e", "info invokeurl [ url: \"" + base() + "/status\" connection: \"m2m\" ];");
    assertEquals(0, run.exit, run.err);
    assertEquals("up\n", run.out);
  }

  @Test
  void apiKeyBasicAndBearerConnectionsTakeSecretsFromTheEnvironment() {
    assertEquals(0, freshet("connections", "add", "weather", "--custom", "--auth", "api_key", "--key-name", "appid",
        "--key-in", "query", "--key-env", "WEATHER_KEY", "--api-host", "127.0.0.1").exit);
    assertEquals(0, freshet("connections", "add", "legacy", "--custom", "--auth", "basic", "--username", "ada",
        "--password-env", "LEGACY_PASSWORD", "--api-host", "127.0.0.1").exit);
    assertEquals(0, freshet("connections", "add", "ai", "--service", "openai", "--token-env", "OPENAI_KEY").exit);
    wm.stubFor(get(urlPathEqualTo("/w")).withQueryParam("appid", equalTo(API_KEY))
        .willReturn(aResponse().withBody("sunny")));
    wm.stubFor(get(urlEqualTo("/l")).withBasicAuth("ada", PASSWORD).willReturn(aResponse().withBody("legacy ok")));
    Run run = freshet("run", "--log-http", "-e", "info invokeurl [ url: \"" + base() + "/w\" connection: \"weather\" ];"
        + "info invokeurl [ url: \"" + base() + "/l\" connection: \"legacy\" ];");
    assertEquals(0, run.exit, run.err);
    assertEquals("sunny\nlegacy ok\n", run.out);
    Run list = freshet("connections", "list");
    assertTrue(list.out.contains("ai       openai   bearer   connected  -"), list.out);
    Run offHost = freshet("run", "-e", "r = invokeurl [ url: \"" + base() + "/v1/models\" connection: \"ai\" ];");
    assertEquals(70, offHost.exit);
    assertTrue(offHost.err.contains("connection \"ai\" may only be sent to api.openai.com; refused to send it to"
        + " 127.0.0.1:" + wm.port()), offHost.err);
  }

  @Test
  void mistakesAreUsageErrorsThatSayWhatToDo() {
    Run noEnv = freshet("connections", "add", "ai", "--service", "openai");
    assertEquals(64, noEnv.exit);
    assertTrue(noEnv.err.contains("give --token-env VAR: the name of an environment variable holding the secret"
        + " (secrets are never taken on the command line)"), noEnv.err);
    Run unset = freshet("connections", "add", "ai", "--service", "openai", "--token-env", "NOT_SET_ANYWHERE");
    assertEquals("freshet: the environment variable NOT_SET_ANYWHERE (--token-env) is not set\n", unset.err);
    Run badName = freshet("connections", "add", "My-CRM", "--service", "zoho", "--client-id", "x");
    assertEquals(64, badName.exit);
    assertTrue(badName.err.contains("a connection name starts with a lower-case letter"), badName.err);
    Run unknownService = freshet("connections", "add", "x", "--service", "zohoo", "--client-id", "x");
    assertEquals("freshet: unknown service \"zohoo\"; see: freshet connections services\n", unknownService.err);
    Run twice = freshet("connections", "add", "ai", "--service", "openai", "--token-env", "OPENAI_KEY");
    assertEquals(0, twice.exit);
    Run again = freshet("connections", "add", "ai", "--service", "openai", "--token-env", "OPENAI_KEY");
    assertEquals(64, again.exit);
    assertTrue(again.err.contains("already exists"), again.err);
    Run unknown = freshet("connections", "refresh", "nope");
    assertEquals(64, unknown.exit);
    assertEquals("freshet: no connection named \"nope\" (the connections are: ai)\n", unknown.err);
    Run services = freshet("connections", "services");
    assertTrue(services.out.contains("\nmailchimp "), services.out);
    assertTrue(services.out.contains("\nzoho "), services.out);
  }

  @Test
  void aLostVaultKeyIsReportedAndTheConnectionCanStillBeReplacedOrRemoved() {
    assertEquals(0, freshet("connections", "add", "ai", "--service", "openai", "--token-env", "OPENAI_KEY").exit);
    assertEquals(0, freshet("connections", "add", "ai2", "--service", "openai", "--token-env", "OPENAI_KEY").exit);
    env.put("FRESHET_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    Run list = freshet("connections", "list");
    assertEquals(70, list.exit);
    assertTrue(list.err.startsWith("freshet: cannot decrypt connection \"ai\": the vault key is not the one it was"
        + " written with"), list.err);
    Run run = freshet("run", "-e", "r = invokeurl [ url: \"https://api.openai.com/v1/models\" connection: \"ai\" ];");
    assertEquals(70, run.exit);
    assertTrue(run.err.contains("cannot decrypt connection \"ai\""), run.err);
    Run replace = freshet("connections", "add", "ai", "--service", "openai", "--token-env", "OPENAI_KEY", "--replace");
    assertEquals(0, replace.exit, replace.err);
    Run remove = freshet("connections", "remove", "ai2");
    assertEquals(0, remove.exit, remove.err);
    Run after = freshet("connections", "list");
    assertEquals(0, after.exit, after.err);
    assertTrue(after.out.contains("\nai "), after.out);
  }

  @Test
  void theReplListsAndCompletesConnections() {
    assertEquals(0, freshet("connections", "add", "ai", "--service", "openai", "--token-env", "OPENAI_KEY").exit);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Terminal t = new Terminal(dir, new ByteArrayInputStream(":connections\n".getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env);
    assertEquals(0, Main.execute(new String[] {"repl"}, t));
    assertEquals("ai  (openai, bearer, connected)\n", out.toString(StandardCharsets.UTF_8));
    assertEquals(List.of("ai"), ReplConnections.of(() -> ConnectionsCommand.registry(t)).names());
  }

  /** No secret in anything printed, nor in the store's files (the vault is encrypted; the key is elsewhere). */
  private void scanForSecrets() throws IOException {
    List<String> hits = new ArrayList<>();
    for (String s : SECRETS) {
      if (everything.indexOf(s) >= 0) {
        hits.add("output holds " + s);
      }
    }
    Path home = dir.resolve("home");
    if (Files.exists(home)) {
      try (Stream<Path> files = Files.walk(home)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
          for (String s : SECRETS) {
            if (bytes.contains(s)) {
              hits.add(f + " holds " + s);
            }
          }
        }
      }
    }
    assertEquals(List.of(), hits);
  }

  static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
