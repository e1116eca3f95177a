package dev.freshet.zoho;

import dev.freshet.runtime.DateTime;
import dev.freshet.runtime.DelugeCollection;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A request body as Zoho's APIs read it: maps and lists as JSON, a DATE as {@code yyyy-MM-dd} and a DATE-TIME as
 * ISO-8601 with the engine zone's offset ({@code 2026-03-14T09:30:00+01:00}), the forms CRM documents. A DATE-TIME at
 * exactly midnight is sent as a date too: a date put into a map becomes a DATE-TIME at 00:00, and CRM refuses a
 * date-time in a date field. How Zoho's own Deluge writes dates into a task's body is not documented
 * (ZOHO-TASKS.md §0.8); this is Freshet's choice.
 */
final class RequestJson {
  private RequestJson() {}

  static Object of(Object value, ZoneId zone) {
    if (value instanceof DateTime d) {
      return d.dateOnly() || d.value().toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? d.date().toString()
          : d.value().atZone(zone).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
              .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
    if (value instanceof DelugeCollection c && c.isList()) {
      DelugeCollection out = DelugeCollection.newList();
      c.list().forEach(v -> out.list().add(of(v, zone)));
      return out;
    }
    if (value instanceof DelugeCollection c && c.isMap()) {
      DelugeCollection out = DelugeCollection.newMap();
      c.map().forEach((k, v) -> out.map().put(k, of(v, zone)));
      return out;
    }
    return value;
  }
}
