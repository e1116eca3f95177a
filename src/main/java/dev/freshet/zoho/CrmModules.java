package dev.freshet.zoho;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CRM module API names, looked up without case: scripts write {@code "leads"} as well as {@code "Leads"}
 * (ZOHO-TASKS.md §0.6). A standard module is sent under its API name; any other (a custom module such as
 * {@code Invoices_X}) as the script wrote it.
 */
final class CrmModules {
  private static final Map<String, String> STANDARD = new HashMap<>();

  static {
    for (String m : new String[] {"Leads", "Contacts", "Accounts", "Deals", "Tasks", "Events", "Calls", "Products",
        "Quotes", "Sales_Orders", "Purchase_Orders", "Invoices", "Campaigns", "Vendors", "Price_Books", "Cases",
        "Solutions", "Notes", "Attachments", "Visits", "Appointments", "Services", "users", "org"}) {
      STANDARD.put(key(m), m);
    }
  }

  private CrmModules() {}

  static String apiName(String module) {
    return STANDARD.getOrDefault(key(module), module);
  }

  /** {@code salesorders} and {@code Sales_Orders} are the same module. */
  private static String key(String m) {
    return m.toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
  }
}
