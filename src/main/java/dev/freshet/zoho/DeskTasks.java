package dev.freshet.zoho;

import dev.freshet.runtime.DelugeCollection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Zoho Desk (v1) and Cliq tasks (ZOHO-TASKS.md §3.7–3.8). Desk takes the organization as the {@code orgId} header
 * and answers with the object itself (no envelope), which is returned as it came, errors included
 * ({@code {"errorCode":"…","message":"…"}}). Cliq's post answers with no body: the task returns an empty MAP.
 */
final class DeskTasks {
  private DeskTasks() {}

  static List<Task> tasks() {
    return List.of(
        Task.of("zoho.desk.getRecordById", Product.DESK, "org_id, module, record_id, [connection]", "MAP",
            "Fetches one Zoho Desk record (Tickets, Contacts, Accounts, …)", DeskTasks::getRecordById),
        Task.of("zoho.desk.searchRecords", Product.DESK,
            "org_id, module, criteria, [from_index], [limit], [connection]", "MAP",
            "Searches a Zoho Desk module with a map of field values: {\"data\":[…], \"count\":n}",
            DeskTasks::searchRecords),
        Task.of("zoho.desk.create", Product.DESK, "org_id, module, record, [connection]", "MAP",
            "Creates a Zoho Desk record: the record as Desk stored it", DeskTasks::create),
        Task.of("zoho.desk.update", Product.DESK, "org_id, module, record_id, record, [connection]", "MAP",
            "Updates a Zoho Desk record: the record as Desk stored it", DeskTasks::update),
        Task.of("zoho.cliq.postToChat", Product.CLIQ, "chat_id, message, [connection]", "MAP",
            "Posts a message (TEXT, or a map such as {\"text\":…, \"card\":…}) to a Cliq chat",
            DeskTasks::postToChat),
        Task.of("zoho.chat.postToChat", Product.CLIQ, "chat_id, message, [connection]", "MAP",
            "The old name of zoho.cliq.postToChat", DeskTasks::postToChat));
  }

  private static String path(Call c, int module) {
    return "/" + ZohoSession.encode(c.text(module).toLowerCase(Locale.ROOT));
  }

  private static Map<String, String> org(Call c) {
    return Map.of("orgId", c.id(0));
  }

  private static Object getRecordById(Call c) {
    return BooksTasks.answer(c.send("GET", path(c, 1) + "/" + ZohoSession.encode(c.id(2)), Map.of(), null, org(c)));
  }

  /** The criteria map's entries are the query ({@code email}, {@code phone}, …), then from and limit when given. */
  private static Object searchRecords(Call c) {
    Map<String, Object> q = new LinkedHashMap<>(c.map(2));
    q.put("from", c.number(3));
    q.put("limit", c.number(4));
    return BooksTasks.answer(c.send("GET", path(c, 1) + "/search", q, null, org(c)));
  }

  private static Object create(Call c) {
    return BooksTasks.answer(c.send("POST", path(c, 1), Map.of(), c.collection(2), org(c)));
  }

  private static Object update(Call c) {
    return BooksTasks.answer(c.send("PATCH", path(c, 1) + "/" + ZohoSession.encode(c.id(2)), Map.of(),
        c.collection(3), org(c)));
  }

  /** {@code POST /api/v2/chats/{id}/message}; a TEXT message is sent as {@code {"text": message}}. */
  private static Object postToChat(Call c) {
    Object message = c.has(1) ? c.args[1] : null;
    DelugeCollection body;
    if (message instanceof DelugeCollection m && m.isMap()) {
      body = m;
    } else {
      body = DelugeCollection.newMap();
      body.map().put("text", c.text(1));
    }
    return BooksTasks.answer(c.send("POST", "/chats/" + ZohoSession.encode(c.text(0)) + "/message", Map.of(), body,
        Map.of()));
  }
}
