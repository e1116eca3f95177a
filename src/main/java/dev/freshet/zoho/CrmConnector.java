package dev.freshet.zoho;

import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.Values;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code zoho.crm.invokeConnector} for the built-in CRM connectors scripts use (ZOHO-TASKS.md §2.8): {@code crm.getorg}
 * ({@code GET /org}), {@code crm.getusers} ({@code GET /users}, the map as its query) and {@code crm.set}
 * ({@code PUT /settings/variables}). Each answers {@code {"status_code":<HTTP status>,"response":"<body text>"}}, as
 * Zoho's connector tasks do. Other connectors (those of Extensions) cannot be reproduced and are refused clearly.
 */
final class CrmConnector {
  private CrmConnector() {}

  static Task task() {
    return Task.of("zoho.crm.invokeConnector", Product.CRM, "connector, params, [connection]", "MAP",
        "Runs a built-in CRM connector (crm.getorg, crm.getusers, crm.set): {\"status_code\":…, \"response\":…}",
        CrmConnector::invoke);
  }

  private static Object invoke(Call c) {
    String name = c.text(0).toLowerCase(Locale.ROOT);
    Map<String, Object> params = c.map(1);
    Reply r = switch (name) {
      case "crm.getorg" -> c.get("/org", Map.of());
      case "crm.getusers" -> c.get("/users", params);
      case "crm.set" -> c.send("PUT", "/settings/variables", Map.of(), variable(params), Map.of());
      default -> throw new ScriptError("zoho.crm.invokeConnector: connector \"" + c.text(0) + "\" is not one"
          + " Freshet can run (crm.getorg, crm.getusers, crm.set); an Extension's connector runs only inside Zoho");
    };
    if (r.failure() != null) {
      return r.error();
    }
    DelugeCollection out = DelugeCollection.newMap();
    out.map().put("status_code", String.valueOf(r.status()));
    out.map().put("response", r.body() == null ? "" : r.body() instanceof String s ? s : Values.toJson(r.body()));
    return out;
  }

  /** {@code {"apiname":…, "value":…}} becomes {@code {"variables":[{"api_name":…, "value":…}]}}. */
  private static DelugeCollection variable(Map<String, Object> params) {
    DelugeCollection v = DelugeCollection.newMap();
    v.map().put("api_name", params.get("apiname"));
    v.map().put("value", params.get("value"));
    DelugeCollection body = DelugeCollection.newMap();
    body.map().put("variables", DelugeCollection.listOf(List.of(v)));
    return body;
  }
}
