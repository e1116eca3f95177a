package dev.freshet.zoho;

import dev.freshet.runtime.DelugeCollection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zoho Creator tasks on the v2 REST API under the API domain ({@code /creator/v2/data/{owner}/{app}/…},
 * ZOHO-TASKS.md §3.1–3.3): the whole answer is returned, {@code {"code":3000,"data":…}} on success and, for example,
 * {@code {"code":3100,"message":"No records found for the given criteria."}} when nothing matches.
 */
final class CreatorTasks {
  private CreatorTasks() {}

  static List<Task> tasks() {
    return List.of(
        Task.of("zoho.creator.getRecords", Product.CREATOR,
            "owner, app, report, [criteria], [from_index], [limit], [connection]", "MAP",
            "Fetches the records of a Creator report: {\"code\":3000, \"data\":[…]}", CreatorTasks::getRecords),
        Task.of("zoho.creator.createRecord", Product.CREATOR,
            "owner, app, form, record, [other_params], [connection]", "MAP",
            "Adds a record through a Creator form: {\"code\":3000, \"data\":{\"ID\":…}}", CreatorTasks::createRecord),
        Task.of("zoho.creator.updateRecord", Product.CREATOR,
            "owner, app, report, record_id, record, [other_params], [connection]", "MAP",
            "Updates a Creator record through a report", CreatorTasks::updateRecord));
  }

  private static String app(Call c) {
    return "/" + ZohoSession.encode(c.text(0)) + "/" + ZohoSession.encode(c.text(1));
  }

  /** criteria {@code ""} means every record; from and limit are sent only when given. */
  private static Object getRecords(Call c) {
    Map<String, Object> q = new LinkedHashMap<>();
    if (c.has(3) && !c.text(3).isEmpty()) {
      q.put("criteria", c.text(3));
    }
    q.put("from", c.number(4));
    q.put("limit", c.number(5));
    return BooksTasks.answer(c.get(app(c) + "/report/" + ZohoSession.encode(c.text(2)), q));
  }

  private static Object createRecord(Call c) {
    return BooksTasks.answer(c.send("POST", app(c) + "/form/" + ZohoSession.encode(c.text(2)), Map.of(),
        body(c, 3, 4), Map.of()));
  }

  private static Object updateRecord(Call c) {
    return BooksTasks.answer(c.send("PATCH", app(c) + "/report/" + ZohoSession.encode(c.text(2)) + "/"
        + ZohoSession.encode(c.id(3)), Map.of(), body(c, 4, 5), Map.of()));
  }

  /** {@code {"data": record, …other_params}}. */
  private static DelugeCollection body(Call c, int record, int other) {
    DelugeCollection body = DelugeCollection.newMap();
    body.map().put("data", c.collection(record));
    body.map().putAll(c.map(other));
    return body;
  }
}
