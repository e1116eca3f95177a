package dev.freshet.testing;

import dev.freshet.mail.MailMessage;
import dev.freshet.mail.MailSender;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one test captures while it runs: its {@code info} lines, the mail it would have sent (never sent), and the
 * HTTP calls it made. One per test, so tests running in parallel share nothing.
 */
final class TestContext {
  final List<String> info = new ArrayList<>();
  final List<MailMessage> mail = new ArrayList<>();
  /** One MAP per call: method, url, status, connection, from (as {@code httpCalls()} returns them). */
  final List<Map<String, Object>> calls = new ArrayList<>();
  /** A task's position in the script as it runs, in the file as written (see {@link #from}). */
  private final java.util.function.UnaryOperator<String> written;

  TestContext() {
    this(at -> at);
  }

  /** {@code written}: maps a position in the test file as it runs (asserts rewritten) to the file as written. */
  TestContext(java.util.function.UnaryOperator<String> written) {
    this.written = written;
  }

  /** Where a request's task was called ({@code HttpCall.from()}), as the user's files have it; null when unknown. */
  String from(String at) {
    return at == null ? null : written.apply(at);
  }

  /** The first outcome a test built-in ended the test with (a failed assertion, a skip, a cassette miss). */
  private Outcome ended;

  synchronized void end(Outcome o) {
    if (ended == null) {
      ended = o;
    }
  }

  synchronized Outcome ended() {
    return ended;
  }

  /** The values {@code assert}'s subexpressions had (probe id → value), and the lines of the last failed one. */
  private final Map<Integer, Object> probes = new java.util.HashMap<>();
  private String assertValues = "";

  synchronized void probe(int id, Object value) {
    probes.put(id, value);
  }

  /** The values noted for these probes, forgotten, so a next run of the same assert starts afresh. */
  synchronized Map<Integer, Object> takeProbes(java.util.Set<Integer> ids) {
    Map<Integer, Object> out = new java.util.HashMap<>();
    for (Integer id : ids) {
      if (probes.containsKey(id)) {
        out.put(id, probes.remove(id));
      }
    }
    return out;
  }

  synchronized void assertValues(String lines) {
    assertValues = lines;
  }

  synchronized String assertValues() {
    return assertValues;
  }

  synchronized void info(String line) {
    info.add(line);
  }

  synchronized List<String> infoLines() {
    return List.copyOf(info);
  }

  /** Captures {@code sendmail}: the message is kept for {@code sentMail()} and goes nowhere. */
  MailSender outbox() {
    return message -> {
      synchronized (this) {
        mail.add(message);
      }
      return "captured by freshet test (not sent)";
    };
  }

  synchronized List<Map<String, Object>> sentMail() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (MailMessage m : mail) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("from", m.from());
      v.put("to", m.to());
      v.put("cc", m.cc());
      v.put("bcc", m.bcc());
      v.put("reply to", m.replyTo());
      v.put("subject", m.subject());
      v.put("message", m.body());
      v.put("content type", m.html() ? "html" : "text");
      v.put("attachments", m.attachments().stream().map(f -> f.name()).toList());
      out.add(v);
    }
    return out;
  }

  synchronized void call(String method, String url, int status, String connection, String from) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("method", method);
    c.put("url", url);
    c.put("status", (long) status);
    c.put("connection", connection);
    c.put("from", from);
    calls.add(c);
  }

  synchronized List<Map<String, Object>> httpCalls() {
    List<Map<String, Object>> out = new ArrayList<>();
    calls.forEach(c -> out.add(new LinkedHashMap<>(c)));
    return out;
  }
}
