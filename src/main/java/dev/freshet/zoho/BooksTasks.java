package dev.freshet.zoho;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Zoho Books (v3) and Zoho Inventory (v1) tasks (ZOHO-TASKS.md §3.4–3.6): the module in lower case in the path, the
 * organization in {@code organization_id}, and the whole answer returned as it came: {@code {"code":0,
 * "message":"success","invoice":{…}}} on success, {@code {"code":1002,"message":"…"}} on failure.
 */
final class BooksTasks {
  private BooksTasks() {}

  static List<Task> tasks() {
    List<Task> all = new java.util.ArrayList<>(tasks(Product.BOOKS));
    all.addAll(tasks(Product.INVENTORY));
    return all;
  }

  private static List<Task> tasks(Product p) {
    String ns = "zoho." + p.key() + ".";
    String name = p.title();
    return List.of(
        Task.of(ns + "getRecords", p, "module, org_id, [search_map], [connection]", "MAP",
            "Lists " + name + " records, filtered by the search map's query parameters", BooksTasks::getRecords),
        Task.of(ns + "getRecordsByID", p, "module, org_id, record_id, [connection]", "MAP",
            "Fetches one " + name + " record: {\"code\":0, \"<resource>\":{…}}", BooksTasks::getRecordsById),
        Task.of(ns + "createRecord", p, "module, org_id, record, [connection]", "MAP",
            "Creates a " + name + " record: {\"code\":0, \"message\":…, \"<resource>\":{…}}", BooksTasks::createRecord),
        Task.of(ns + "updateRecord", p, "module, org_id, record_id, record, [connection]", "MAP",
            "Updates a " + name + " record", BooksTasks::updateRecord));
  }

  private static Object getRecords(Call c) {
    Map<String, Object> q = org(c);
    q.putAll(c.map(2));
    return answer(c.get("/" + module(c), q));
  }

  private static Object getRecordsById(Call c) {
    return answer(c.get("/" + module(c) + "/" + ZohoSession.encode(c.id(2)), org(c)));
  }

  private static Object createRecord(Call c) {
    return answer(c.send("POST", "/" + module(c), org(c), c.collection(2), Map.of()));
  }

  private static Object updateRecord(Call c) {
    return answer(c.send("PUT", "/" + module(c) + "/" + ZohoSession.encode(c.id(2)), org(c), c.collection(3),
        Map.of()));
  }

  /** {@code Invoices}, {@code invoices} and {@code INVOICES} are the same module (§3.4). */
  private static String module(Call c) {
    return ZohoSession.encode(c.text(0).toLowerCase(Locale.ROOT));
  }

  private static Map<String, Object> org(Call c) {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("organization_id", c.id(1));
    return q;
  }

  /** The whole map on success or failure; an empty MAP for no content. */
  static Object answer(Reply r) {
    if (r.noContent()) {
      return dev.freshet.runtime.DelugeCollection.newMap();
    }
    return r.map() != null ? r.map() : r.error();
  }
}
