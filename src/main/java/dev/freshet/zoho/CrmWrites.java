package dev.freshet.zoho;

import dev.freshet.runtime.DelugeCollection;
import java.util.List;
import java.util.Map;

/**
 * The CRM tasks that write (ZOHO-TASKS.md §2.2, 2.3, 2.9 and Zoho's upsert and convert-lead pages). A success
 * returns the record's {@code details} ({@code id}, {@code Created_Time}, {@code Modified_Time}, …); a refused record
 * its error object ({@code {"code":"MANDATORY_NOT_FOUND","details":{"api_name":"Last_Name"},…}}).
 */
final class CrmWrites {
  /** What Deluge runs when the options name no trigger: not workflow, unlike the REST API's default (§2.0). */
  static final List<String> DEFAULT_TRIGGER = List.of("approval", "blueprint", "orchestration");

  private CrmWrites() {}

  static List<Task> tasks() {
    return List.of(
        Task.of("zoho.crm.createRecord", Product.CRM, "module, record, [options], [connection]", "MAP",
            "Creates a CRM record: its details (id, Created_Time, …), or the error", CrmWrites::createRecord),
        Task.of("zoho.crm.updateRecord", Product.CRM, "module, record_id, record, [options], [connection]", "MAP",
            "Updates a CRM record: its details (id, Modified_Time, …), or the error", CrmWrites::updateRecord),
        Task.of("zoho.crm.upsert", Product.CRM, "module, record, [options], [connection]", "MAP",
            "Updates the CRM record whose duplicate-check fields match, or creates one", CrmWrites::upsert),
        Task.of("zoho.crm.convertLead", Product.CRM, "lead_id, values, [connection]", "MAP",
            "Converts a lead: the IDs of the Contact, Account and Deal made", CrmWrites::convertLead),
        Task.of("zoho.crm.attachFile", Product.CRM, "module, record_id, file, [connection]", "MAP",
            "Attaches a FILE to a CRM record: the attachment's details", CrmWrites::attachFile));
  }

  private static Object createRecord(Call c) {
    return result(c.send("POST", "/" + CrmTasks.module(c, 0), Map.of(), body(c, 1, 2), Map.of()));
  }

  private static Object updateRecord(Call c) {
    return result(c.send("PUT", "/" + CrmTasks.module(c, 0) + "/" + ZohoSession.encode(c.id(1)), Map.of(),
        body(c, 2, 3), Map.of()));
  }

  private static Object upsert(Call c) {
    return result(c.send("POST", "/" + CrmTasks.module(c, 0) + "/upsert", Map.of(), body(c, 1, 2), Map.of()));
  }

  private static Object convertLead(Call c) {
    DelugeCollection body = DelugeCollection.newMap();
    body.map().put("data", DelugeCollection.listOf(List.of(c.collection(1))));
    Reply r = c.send("POST", "/Leads/" + ZohoSession.encode(c.id(0)) + "/actions/convert", Map.of(), body,
        Map.of());
    Object first = Reply.first(Reply.get(r.body(), "data"));
    return first != null ? first : r.ok() && r.map() != null ? r.map() : r.error();
  }

  private static Object attachFile(Call c) {
    return result(c.send("POST", "/" + CrmTasks.module(c, 0) + "/" + ZohoSession.encode(c.id(1)) + "/Attachments",
        Map.of(), c.file(2), Map.of()));
  }

  /**
   * {@code {"data":[record], "trigger":[…], …options}}: the options' other keys ({@code lar_id},
   * {@code duplicate_check_fields}, …) go beside {@code data}; without a {@code trigger} key, Deluge's default.
   */
  private static DelugeCollection body(Call c, int record, int options) {
    DelugeCollection fields = c.collection(record);
    DelugeCollection body = DelugeCollection.newMap();
    body.map().put("data", fields.isList() ? fields : DelugeCollection.listOf(List.of(fields)));
    Map<String, Object> o = c.map(options);
    body.map().put("trigger", o.containsKey("trigger") ? trigger(o.get("trigger"))
        : DelugeCollection.listOf(DEFAULT_TRIGGER));
    o.forEach((k, v) -> {
      if (!k.equals("trigger")) {
        body.map().put(k, v);
      }
    });
    return body;
  }

  /** The script's trigger as a LIST: {@code {}} is the empty list (run nothing), a TEXT one trigger. */
  private static Object trigger(Object t) {
    if (t instanceof DelugeCollection c && c.isList()) {
      return c;
    }
    if (t instanceof DelugeCollection c && c.isEmpty()) {
      return DelugeCollection.newList();
    }
    return t == null || t instanceof DelugeCollection ? t : DelugeCollection.listOf(List.of(t));
  }

  /** {@code data[0].details} on success, {@code data[0]} when the record was refused, the error map otherwise. */
  static Object result(Reply r) {
    Object first = Reply.first(Reply.get(r.body(), "data"));
    if (first != null) {
      Object details = Reply.get(first, "details");
      return "success".equals(Reply.get(first, "status")) && details != null ? details : first;
    }
    return r.ok() && r.map() != null ? r.map() : r.error();
  }
}
