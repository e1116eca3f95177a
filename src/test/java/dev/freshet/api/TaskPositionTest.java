package dev.freshet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.compile.FunctionCompiler;
import dev.freshet.connections.ConnectionRegistry;
import dev.freshet.http.HttpCall;
import dev.freshet.http.HttpReply;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every request carries the position of the task that sent it ({@link HttpCall#from()}: what a cassette records as
 * {@code from}), in the file the task is written in, also when a session's later entry calls a function of an earlier
 * one, and alike in the tree-walker and the compiled tier (which compiles zoho.* and getUrl calls, while a function
 * with an invokeurl block stays interpreted).
 */
class TaskPositionTest {
  static final String FUNCTIONS = """
      map createContact(string last)
      {
          response = invokeurl
          [
              url: "https://www.zohoapis.com/crm/v2/Contacts"
              type: POST
              body: {"data": [{"Last_Name": last}]}
          ];
          return response;
      }
      string leadCompany(string id)
      {
          lead = zoho.crm.getRecordById("Leads", id);
          return lead.get("Company");
      }
      """;
  static final String TEST = """
      string ping()
      {
          return getUrl("https://example.com/ping");
      }
      createContact("Lovelace");
      info leadCompany("4876876000000624001");
      page = ping();
      x = invokeurl [ url: "https://example.com/ping" ];
      """;

  @ParameterizedTest(name = "compiled: {0}")
  @ValueSource(booleans = {false, true})
  void eachRequestSaysWhichTaskSentItAndWhere(boolean compiled) {
    List<String> from = new ArrayList<>();
    Engine.Builder b = Engine.builder().output(line -> {}).transport(call -> {
      from.add(call.from());
      return new HttpReply(200, Map.of("Content-Type", List.of("application/json")),
          "{\"data\":[{\"Company\":\"Analytical Engines\"}]}".getBytes(StandardCharsets.UTF_8));
    }).connections(ConnectionRegistry.replaying(new ConnectionRegistry.Replayed(Map.of("zoho_crm", "zoho"),
        Map.of("zoho_crm", "https://www.zohoapis.com"), Map.of("zoho_crm", false), Map.of("crm", "zoho_crm"))));
    Session session = new Session(compiled ? b.compileAfter(0).build() : b.compile(false).build());
    int before = FunctionCompiler.compiledCount();
    session.eval("functions/crm/contacts.dg", FUNCTIONS);
    session.eval("tests/crm/contacts.test.dg", TEST);
    assertEquals(List.of(
        "functions/crm/contacts.dg:3:16 invokeurl",
        "functions/crm/contacts.dg:13:12 zoho.crm.getRecordById",
        "tests/crm/contacts.test.dg:3:12 getUrl",
        "tests/crm/contacts.test.dg:8:5 invokeurl"), from);
    if (compiled) { // leadCompany and ping ran as bytecode; createContact (invokeurl) stayed interpreted
      assertTrue(FunctionCompiler.compiledCount() >= before + 2, FunctionCompiler.statistics());
    }
  }
}
