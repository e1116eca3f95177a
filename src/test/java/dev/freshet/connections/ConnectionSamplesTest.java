package dev.freshet.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.api.Engine;
import dev.freshet.http.HttpCall;
import dev.freshet.http.HttpOptions;
import dev.freshet.http.HttpReply;
import dev.freshet.http.HttpTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs each sample in samples/connections end to end through the public API: a file store holding connected
 * connections on the real built-in services, the registry, the engine, and a fake transport that plays the
 * provider's API (checking what it receives and answering with the canned bodies in
 * src/test/resources/connections-samples). Each run's output must equal the sample's {@code .out} file exactly.
 */
class ConnectionSamplesTest {
  private static final Path SAMPLES = Path.of("samples/connections");
  private static final String RESOURCES = "/connections-samples/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String CLIENT_SECRET = "client-secret-x";
  private static final List<String> NAMES = List.of("mailchimp", "gdrive", "zohocrm");
  private static final String MAILCHIMP_AUTH = "Bearer access-token-mailchimp";
  private static final String GOOGLE_AUTH = "Bearer access-token-gdrive";
  private static final String ZOHO_AUTH = "Zoho-oauthtoken access-token-zohocrm";

  private static final String MAILCHIMP_JSON = "application/json; charset=utf-8";
  private static final String MAILCHIMP_PROBLEM = "application/problem+json; charset=utf-8";
  private static final String GOOGLE_JSON = "application/json; charset=UTF-8";
  private static final String ZOHO_JSON = "application/json;charset=utf-8";

  private static final String CAMPAIGN_FIELDS = "id,type,status,emails_sent,send_time,settings.subject_line,"
      + "settings.title,recipients.list_id,recipients.list_name,report_summary";
  private static final String MEMBERS = "/3.0/lists/a1b2c3d4e5/members/";
  private static final String DRIVE_FIELDS = "nextPageToken,files(id,name,mimeType,modifiedTime,size)";
  private static final String DRIVE_PAGE_TOKEN = "~!!~AI9FV7TmB5vq3fE2LwXk0JrQ1sYd8Hc4nZp6uGa";
  private static final String LEADS = "/crm/v2/Leads";

  @TempDir
  Path home;
  ConnectionRegistry registry;
  final List<String> httpLog = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void connect() {
    byte[] key = new byte[32];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (31 * i + 11);
    }
    ServiceCatalog catalog = ServiceCatalog.builtIn();
    FileConnectionStore store = FileConnectionStore.builder(home).services(catalog::find).key(key).build();
    save(store, catalog, "mailchimp", "mailchimp", List.of(),
        Map.of("api_endpoint", "https://us6.api.mailchimp.com", "dc", "us6"));
    save(store, catalog, "gdrive", "google", List.of("https://www.googleapis.com/auth/drive.metadata.readonly"),
        Map.of());
    save(store, catalog, "zohocrm", "zoho", List.of("ZohoCRM.modules.leads.ALL"),
        Map.of("api_domain", "https://www.zohoapis.com"));
    registry = ConnectionRegistry.builder().store(store).services(catalog).build();
  }

  private static void save(FileConnectionStore store, ServiceCatalog catalog, String name, String serviceId,
      List<String> scopes, Map<String, String> info) {
    Service service = catalog.find(serviceId).orElseThrow();
    assertTrue(store.save(new ConnectionRecord(new Connection(name, null, service, null, "client-id", scopes, null),
        ConnectionStatus.CONNECTED, new Secrets(CLIENT_SECRET, "access-token-" + name, "refresh-token-" + name, null,
            Map.of()), Instant.now().plusSeconds(3600), Instant.now(), Instant.now(), info, null, 1)));
  }

  // ---------------------------------------------------------------------------------------------------- Mailchimp

  @Test
  void mailchimpCampaignReadsOneCampaign() {
    FakeApi api = new FakeApi("us6.api.mailchimp.com", MAILCHIMP_AUTH, call ->
        call.is("GET", "/3.0/campaigns/b03bfc273a") ? reply(200, MAILCHIMP_JSON, "mailchimp_campaign.json") : null);

    List<String> out = run("mailchimp_campaign", api);

    assertOutput("mailchimp_campaign.out", out);
    assertEquals(List.of("GET /3.0/campaigns/b03bfc273a"), api.requestLines());
    Call get = api.calls.get(0);
    assertEquals(Map.of("fields", CAMPAIGN_FIELDS), get.query());
    assertEquals(0, get.body().length);
    assertCleanRun(api, MAILCHIMP_AUTH, out);
  }

  @Test
  void mailchimpCampaignReportsAProblemDetailsError() {
    FakeApi api = new FakeApi("us6.api.mailchimp.com", MAILCHIMP_AUTH, call ->
        call.is("GET", "/3.0/campaigns/b03bfc273a") ? reply(404, MAILCHIMP_PROBLEM, "mailchimp_campaign_404.json")
            : null);

    List<String> out = run("mailchimp_campaign", api);

    // the top-level return stops the script after the one line
    assertOutput("mailchimp_campaign-404.out", out);
    assertEquals(List.of("GET /3.0/campaigns/b03bfc273a"), api.requestLines());
    assertCleanRun(api, MAILCHIMP_AUTH, out);
  }

  @Test
  void mailchimpAddContactsPutsEachContactUnderTheHashOfItsAddress() {
    FakeApi api = mailchimpMembers(Map.of(
        "ada@example.com", "mailchimp_member_ada.json",
        "charles.babbage@example.com", "mailchimp_member_charles.json",
        "mary@example.org", "mailchimp_member_mary.json"));

    List<String> out = run("mailchimp_add_contacts", api);

    assertOutput("mailchimp_add_contacts.out", out);
    assertContactsSent(api);
    assertCleanRun(api, MAILCHIMP_AUTH, out);
  }

  @Test
  void mailchimpAddContactsReportsTheContactsMailchimpRefused() {
    FakeApi api = mailchimpMembers(Map.of(
        "ada@example.com", "mailchimp_member_ada.json",
        "charles.babbage@example.com", "mailchimp_member_charles.json",
        "mary@example.org", "mailchimp_member_400.json"));

    List<String> out = run("mailchimp_add_contacts", api);

    assertOutput("mailchimp_add_contacts-400.out", out);
    assertContactsSent(api);
    assertCleanRun(api, MAILCHIMP_AUTH, out);
  }

  /** PUT /3.0/lists/a1b2c3d4e5/members/{md5}: the member file for that address; an error file answers 400. */
  private static FakeApi mailchimpMembers(Map<String, String> fileByEmail) {
    Map<String, String> fileByHash = new LinkedHashMap<>();
    fileByEmail.forEach((email, file) -> fileByHash.put(md5(email), file));
    return new FakeApi("us6.api.mailchimp.com", MAILCHIMP_AUTH, call -> {
      if (!call.method().equals("PUT") || !call.path().startsWith(MEMBERS)) {
        return null;
      }
      String file = fileByHash.get(call.path().substring(MEMBERS.length()));
      if (file == null) {
        return null;
      }
      return file.endsWith("_400.json") ? reply(400, MAILCHIMP_PROBLEM, file) : reply(200, MAILCHIMP_JSON, file);
    });
  }

  private static void assertContactsSent(FakeApi api) {
    String[][] contacts = {
        {"ada@example.com", "Ada", "Lovelace"},
        {"charles.babbage@example.com", "Charles", "Babbage"},
        {"mary@example.org", "Mary", "Somerville"}};
    List<String> expected = new ArrayList<>();
    for (String[] c : contacts) {
      expected.add("PUT " + MEMBERS + md5(c[0]));
    }
    assertEquals(expected, api.requestLines());
    for (int i = 0; i < contacts.length; i++) {
      Call put = api.calls.get(i);
      assertEquals(Map.of(), put.query());
      assertEquals(List.of("application/json"), put.header("Content-Type"));
      assertEquals(json("{\"email_address\": \"" + contacts[i][0] + "\", \"status_if_new\": \"pending\","
          + " \"merge_fields\": {\"FNAME\": \"" + contacts[i][1] + "\", \"LNAME\": \"" + contacts[i][2] + "\"}}"),
          put.json(), "body of " + put);
    }
  }

  // ------------------------------------------------------------------------------------------------ Google Drive

  @Test
  void googleDriveFilesFollowsNextPageToken() {
    FakeApi api = new FakeApi("www.googleapis.com", GOOGLE_AUTH, call -> {
      if (!call.is("GET", "/drive/v3/files")) {
        return null;
      }
      String token = call.query().get("pageToken");
      return token == null ? reply(200, GOOGLE_JSON, "google_drive_files_page1.json")
          : token.equals(DRIVE_PAGE_TOKEN) ? reply(200, GOOGLE_JSON, "google_drive_files_page2.json") : null;
    });

    List<String> out = run("google_drive_files", api);

    assertOutput("google_drive_files.out", out);
    assertEquals(List.of("GET /drive/v3/files", "GET /drive/v3/files"), api.requestLines());
    Map<String, String> first = Map.of("pageSize", "25", "orderBy", "modifiedTime desc", "fields", DRIVE_FIELDS);
    assertEquals(first, api.calls.get(0).query());
    Map<String, String> second = new LinkedHashMap<>(first);
    second.put("pageToken", DRIVE_PAGE_TOKEN);
    assertEquals(second, api.calls.get(1).query());
    assertCleanRun(api, GOOGLE_AUTH, out);
  }

  @Test
  void googleDriveFilesReportsGooglesError() {
    FakeApi api = new FakeApi("www.googleapis.com", GOOGLE_AUTH, call ->
        call.is("GET", "/drive/v3/files") ? reply(403, GOOGLE_JSON, "google_drive_403.json") : null);

    List<String> out = run("google_drive_files", api);

    assertOutput("google_drive_files-403.out", out);
    assertEquals(List.of("GET /drive/v3/files"), api.requestLines());
    assertCleanRun(api, GOOGLE_AUTH, out);
  }

  // ---------------------------------------------------------------------------------------------------- Zoho CRM

  @Test
  void zohoCrmLeadsListsLeadsAndCreatesOne() {
    FakeApi api = zoho(reply(200, ZOHO_JSON, "zoho_crm_leads_get.json"),
        reply(201, ZOHO_JSON, "zoho_crm_leads_post.json"));

    List<String> out = run("zoho_crm_leads", api);

    assertOutput("zoho_crm_leads.out", out);
    assertZohoCalls(api);
    assertCleanRun(api, ZOHO_AUTH, out);
  }

  @Test
  void zohoCrmLeadsReportsRequestErrors() {
    FakeApi api = zoho(reply(403, ZOHO_JSON, "zoho_no_permission_view.json"),
        reply(403, ZOHO_JSON, "zoho_no_permission_create.json"));

    List<String> out = run("zoho_crm_leads", api);

    assertOutput("zoho_crm_leads-403.out", out);
    assertZohoCalls(api);
    assertCleanRun(api, ZOHO_AUTH, out);
  }

  @Test
  void zohoCrmLeadsReportsARecordTheCrmRefused() {
    FakeApi api = zoho(reply(200, ZOHO_JSON, "zoho_crm_leads_get.json"),
        reply(400, ZOHO_JSON, "zoho_crm_leads_post_duplicate.json"));

    List<String> out = run("zoho_crm_leads", api);

    assertOutput("zoho_crm_leads-duplicate.out", out);
    assertZohoCalls(api);
    assertCleanRun(api, ZOHO_AUTH, out);
  }

  @Test
  void zohoCrmLeadsSaysSoWhenThereAreNoLeads() {
    FakeApi api = zoho(new HttpReply(204, Map.of(), new byte[0]), reply(201, ZOHO_JSON, "zoho_crm_leads_post.json"));

    List<String> out = run("zoho_crm_leads", api);

    assertOutput("zoho_crm_leads-204.out", out);
    assertZohoCalls(api);
    assertCleanRun(api, ZOHO_AUTH, out);
  }

  private static FakeApi zoho(HttpReply get, HttpReply post) {
    return new FakeApi("www.zohoapis.com", ZOHO_AUTH, call ->
        call.is("GET", LEADS) ? get : call.is("POST", LEADS) ? post : null);
  }

  private static void assertZohoCalls(FakeApi api) {
    assertEquals(List.of("GET " + LEADS, "POST " + LEADS), api.requestLines());
    Call get = api.calls.get(0);
    assertEquals(Map.of("fields", "Last_Name,First_Name,Company,Email,Lead_Status,Created_Time",
        "sort_by", "Created_Time", "sort_order", "desc", "per_page", "5"), get.query());
    assertEquals(0, get.body().length);
    Call post = api.calls.get(1);
    assertEquals(Map.of(), post.query());
    assertEquals(List.of("application/json"), post.header("Content-Type"));
    assertEquals(json("""
        {"data": [{"Last_Name": "Lovelace", "First_Name": "Ada", "Company": "Analytical Engines Ltd",
                   "Email": "ada@example.com", "Lead_Source": "Web Download",
                   "Description": "Created by samples/connections/zoho_crm_leads.dg"}],
         "trigger": ["workflow"]}"""), post.json());
  }

  // ----------------------------------------------------------------------------------------------- headers

  @Test
  void everySampleSaysHowToAddAndAuthorizeItsConnection() throws IOException {
    List<Path> samples;
    try (Stream<Path> files = Files.list(SAMPLES)) {
      samples = files.filter(p -> p.getFileName().toString().endsWith(".dg")).sorted().toList();
    }
    assertFalse(samples.isEmpty(), "no samples in " + SAMPLES);
    Pattern uses = Pattern.compile("connection:\\s*\"([^\"]*)\"");
    for (Path sample : samples) {
      String text = Files.readString(sample, StandardCharsets.UTF_8);
      assertTrue(text.startsWith("/*"), sample + " begins with a header comment");
      int end = text.indexOf("*/");
      assertTrue(end > 0, sample + ": the header comment ends");
      String header = text.substring(0, end);
      Set<String> names = new LinkedHashSet<>();
      Matcher m = uses.matcher(text.substring(end + 2));
      while (m.find()) {
        names.add(m.group(1));
      }
      assertFalse(names.isEmpty(), sample + " uses a connection");
      for (String name : names) {
        Matcher add = Pattern.compile("freshet connections add " + Pattern.quote(name) + " [^\\n]*--service (\\S+)")
            .matcher(header);
        assertTrue(add.find(), sample + ": the header shows `freshet connections add " + name + " --service …`");
        assertTrue(ServiceCatalog.builtIn().find(add.group(1)).isPresent(),
            sample + ": --service " + add.group(1) + " is a built-in service");
        assertTrue(Pattern.compile("freshet connections authorize " + Pattern.quote(name) + "(\\s|$)",
            Pattern.MULTILINE).matcher(header).find(),
            sample + ": the header shows `freshet connections authorize " + name + "`");
      }
    }
  }

  // ----------------------------------------------------------------------------------------------- helpers

  private List<String> run(String sample, FakeApi api) {
    String text;
    try {
      text = Files.readString(SAMPLES.resolve(sample + ".dg"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    try {
      Engine.builder().connections(registry).transport(api).http(HttpOptions.DEFAULT.withLog(httpLog::add))
          .output(lines::add).zone(ZoneOffset.UTC).build().compile(sample + ".dg", text).run(Map.of());
    } catch (RuntimeException e) {
      if (!api.problems.isEmpty()) { // the script failed on the fake's refusal: report why it refused
        throw new AssertionError("requests the fake API did not expect: " + api.problems, e);
      }
      throw e;
    }
    assertEquals(List.of(), api.problems, "requests the fake API did not expect");
    return List.copyOf(lines);
  }

  private static void assertOutput(String expectedFile, List<String> out) {
    String expected = resource(expectedFile);
    assertTrue(expected.endsWith("\n"), expectedFile + " ends with a newline");
    assertEquals(expected, String.join("\n", out) + "\n", "output differs from " + expectedFile);
  }

  /**
   * Every call carried exactly the service's Authorization header; the access token went nowhere else, the refresh
   * token and client secret nowhere at all; and neither the output nor the HTTP log shows any of them.
   */
  private void assertCleanRun(FakeApi api, String authorization, List<String> out) {
    assertFalse(api.calls.isEmpty());
    List<String> secrets = new ArrayList<>(List.of(CLIENT_SECRET));
    for (String name : NAMES) {
      secrets.add("access-token-" + name);
      secrets.add("refresh-token-" + name);
    }
    for (Call call : api.calls) {
      assertEquals(List.of(authorization), call.header("Authorization"), "Authorization of " + call);
      StringBuilder elsewhere = new StringBuilder(call.uri().toString()).append('\n')
          .append(new String(call.body(), StandardCharsets.UTF_8));
      call.headers().forEach((k, v) -> {
        if (!k.equalsIgnoreCase("Authorization")) {
          elsewhere.append('\n').append(k).append(": ").append(v);
        }
      });
      for (String s : secrets) {
        assertFalse(elsewhere.toString().contains(s), s + " sent outside the Authorization header in " + call);
      }
    }
    List<String> shown = new ArrayList<>(out);
    shown.addAll(httpLog);
    for (String line : shown) {
      for (String s : secrets) {
        assertFalse(line.contains(s), "a secret in: " + line);
      }
      assertFalse(line.contains("access-token") || line.contains("refresh-token"), "a token in: " + line);
    }
  }

  private static HttpReply reply(int status, String contentType, String file) {
    return new HttpReply(status, Map.of("Content-Type", List.of(contentType)),
        resource(file).getBytes(StandardCharsets.UTF_8));
  }

  private static String resource(String name) {
    try (InputStream in = ConnectionSamplesTest.class.getResourceAsStream(RESOURCES + name)) {
      assertNotNull(in, "missing test resource " + RESOURCES + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String md5(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One request the fake received. */
  record Call(String method, URI uri, Map<String, List<String>> headers, byte[] body) {
    String path() {
      return uri.getPath();
    }

    boolean is(String method, String path) {
      return this.method.equals(method) && path().equals(path);
    }

    /** The query parameters, decoded, in order; a repeated name fails. */
    Map<String, String> query() {
      Map<String, String> q = new LinkedHashMap<>();
      String raw = uri.getRawQuery();
      if (raw == null || raw.isEmpty()) {
        return q;
      }
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        assertEquals(null, q.put(k, v), "query parameter " + k + " sent twice");
      }
      return q;
    }

    /** The values of a header, its name matched without case. */
    List<String> header(String name) {
      List<String> values = new ArrayList<>();
      headers.forEach((k, v) -> {
        if (k.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
          values.addAll(v);
        }
      });
      return values;
    }

    JsonNode json() {
      return ConnectionSamplesTest.json(new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      return method + " " + uri;
    }
  }

  /**
   * A provider's API on one https host: records every call, refuses (with 400, never 401, so that no token refresh
   * is attempted) a call to another host or without the expected Authorization header, and otherwise answers what
   * {@code routes} returns; null from {@code routes} means an unexpected request.
   */
  static final class FakeApi implements HttpTransport {
    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final String host;
    private final String authorization;
    private final Function<Call, HttpReply> routes;

    FakeApi(String host, String authorization, Function<Call, HttpReply> routes) {
      this.host = host;
      this.authorization = authorization;
      this.routes = routes;
    }

    @Override
    public HttpReply send(HttpCall c) {
      Call call = new Call(c.method(), c.uri(), Map.copyOf(c.headers()), c.body().clone());
      calls.add(call);
      if (!"https".equals(c.uri().getScheme()) || !host.equals(c.uri().getHost()) || c.uri().getPort() != -1) {
        return refuse(call, "sent to the wrong host");
      }
      if (!call.header("Authorization").equals(List.of(authorization))) {
        return refuse(call, "without the service's Authorization header");
      }
      HttpReply reply = routes.apply(call);
      return reply != null ? reply : refuse(call, "not a request this sample should make");
    }

    private HttpReply refuse(Call call, String why) {
      problems.add(call + ": " + why);
      return new HttpReply(400, Map.of("Content-Type", List.of("application/json")),
          ("{\"fake\": \"" + why + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** "METHOD /path" of each call, in order. */
    List<String> requestLines() {
      synchronized (calls) {
        return calls.stream().map(c -> c.method() + " " + c.path()).toList();
      }
    }
  }
}
