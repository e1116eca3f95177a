package dev.freshet.parse;

import java.util.List;
import java.util.Set;

/**
 * The keys each task block accepts (INVOKEURL.md, DELUGE-FACTS §4), for both parsers: a class that names no ANTLR
 * type, so {@link DirectTasks} reading them loads none.
 */
final class TaskKeys {
  private TaskKeys() {}

  static final List<String> INVOKEURL = List.of("url", "type", "parameters", "body", "headers", "content-type",
      "files", "connection", "detailed", "response-format", "response-decoding");
  static final List<String> SENDMAIL = List.of("from", "to", "cc", "bcc", "reply to", "subject", "message",
      "content type", "attachments");
  static final List<String> INVOKEAPI = List.of("service", "path", "type", "parameters", "body", "headers",
      "connection", "response-format");
  /** The keys of {@code stub [ … ]}, freshet test's answer to matching calls (docs/testing.md). */
  static final List<String> STUB = List.of("url", "type", "status", "headers", "body", "fault");
  /** Keys that take several comma-separated values; {@code file:} may mark an attachment. */
  static final Set<String> LISTS = Set.of("to", "cc", "bcc", "reply to", "attachments");
}
