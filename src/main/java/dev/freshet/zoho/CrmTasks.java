package dev.freshet.zoho;

import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CRM tasks that read (ZOHO-TASKS.md §2.1, 2.4–2.7), on CRM's v2.1 REST API: a single record comes back as the
 * record map itself, a list task as the LIST of records ({@code data}), an answer with no content (HTTP 204) as an
 * empty LIST, and an error as Zoho's error map.
 */
final class CrmTasks {
  private CrmTasks() {}

  static List<Task> tasks() {
    return List.of(
        Task.of("zoho.crm.getRecordById", Product.CRM, "module, record_id, [query_value], [connection]", "MAP",
            "Fetches one CRM record by ID: the record map, or Zoho's error map", CrmTasks::getRecordById),
        Task.of("zoho.crm.getRecords", Product.CRM, "module, [page], [per_page], [query_value], [connection]",
            "LIST", "Fetches a page of CRM records (default page 1, 200 per page)", CrmTasks::getRecords),
        Task.of("zoho.crm.searchRecords", Product.CRM,
            "module, criteria, [page], [per_page], [query_value], [connection]", "LIST",
            "Searches CRM records with criteria such as (Email:equals:ada@example.com)", CrmTasks::searchRecords),
        Task.of("zoho.crm.getRelatedRecords", Product.CRM,
            "relation, parent_module, parent_id, [page], [per_page], [query_value], [connection]", "LIST",
            "Fetches the records of a related list (Notes, Contacts, …) of one CRM record",
            CrmTasks::getRelatedRecords),
        Task.of("zoho.crm.getOrgVariable", Product.CRM, "variable_name, [connection]", "TEXT",
            "The value of a CRM variable (Setup > Developer Space > Variables), or null", CrmTasks::getOrgVariable));
  }

  private static Object getRecordById(Call c) {
    Reply r = c.get("/" + module(c, 0) + "/" + ZohoSession.encode(c.id(1)), c.map(2));
    if (r.noContent()) {
      return DelugeCollection.newMap();
    }
    Object record = Reply.first(Reply.get(r.body(), "data"));
    return r.ok() && record != null ? record : r.ok() && r.map() != null ? r.map() : r.error();
  }

  private static Object getRecords(Call c) {
    return list(c.get("/" + module(c, 0), paged(c, 1, 2, 3)));
  }

  private static Object searchRecords(Call c) {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("criteria", c.text(1));
    q.putAll(paged(c, 2, 3, 4));
    return list(c.get("/" + module(c, 0) + "/search", q));
  }

  private static Object getRelatedRecords(Call c) {
    return list(c.get("/" + module(c, 1) + "/" + ZohoSession.encode(c.id(2)) + "/"
        + ZohoSession.encode(c.text(0)), paged(c, 3, 4, 5)));
  }

  /** CRM Variables: the one whose API name matches, looked up without case; null when there is none. */
  private static Object getOrgVariable(Call c) {
    String name = c.text(0);
    Reply r = c.get("/settings/variables", Map.of());
    if (r.noContent()) {
      return null;
    }
    if (!r.ok()) {
      return r.error();
    }
    Object variables = Reply.get(r.body(), "variables");
    if (variables instanceof DelugeCollection list && list.isList()) {
      for (Object v : list.list()) {
        Object apiName = Reply.get(v, "api_name");
        if (apiName != null && Values.toText(apiName).equalsIgnoreCase(name)) {
          Object value = Reply.get(v, "value");
          return value == null ? null : Values.toText(value);
        }
      }
    }
    return null;
  }

  static String module(Call c, int i) {
    return ZohoSession.encode(CrmModules.apiName(c.text(i)));
  }

  /** page and per_page (default 1 and 200, as Deluge's), then the script's extra query parameters. */
  private static Map<String, Object> paged(Call c, int page, int perPage, int query) {
    Map<String, Object> q = new LinkedHashMap<>();
    q.put("page", c.has(page) ? c.number(page) : "1");
    q.put("per_page", c.has(perPage) ? c.number(perPage) : "200");
    q.putAll(c.map(query));
    return q;
  }

  /**
   * A list task's result: the records ({@code data}); an empty LIST for no content; the map as it came when it has no
   * {@code data} (Users answers {@code {"users":[…]}}, §2.5); Zoho's error map for an error.
   */
  static Object list(Reply r) {
    if (r.noContent()) {
      return DelugeCollection.newList();
    }
    if (!r.ok()) {
      return r.error();
    }
    Object data = Reply.get(r.body(), "data");
    return data != null ? data : r.body();
  }
}
