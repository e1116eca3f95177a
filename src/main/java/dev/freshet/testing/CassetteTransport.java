package dev.freshet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.freshet.http.HttpCall;
import dev.freshet.http.HttpReply;
import dev.freshet.http.HttpTransport;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One test's {@link HttpTransport}: replays from its cassette, records to it, or both, by {@link RecordMode}
 * (TESTING.md §2.4). It records the request the script asked for, before any connection credentials were attached
 * ({@link HttpCall#withoutCredentials()}), redacted; the credentials it saw are remembered as known secrets so that
 * the leak scan can look for them. It sends real calls only through {@code live}.
 */
final class CassetteTransport implements HttpTransport {
  private final RecordMode mode;
  /** The cassette read from disk, or null. */
  private final Cassette existing;
  private final boolean[] played;
  private final HttpTransport live;
  private final TestContext context;
  private final Redactor redactor;
  private final Matching matching;
  private final boolean allowRepeats;
  private final Miss miss;
  private final Stubs stubs;
  private final TestRunner.Flags flags;
  /** {@code response-emails: mask}, else null. */
  private final EmailMask emails;
  /** New interactions, in order. */
  final List<ObjectNode> recorded = new ArrayList<>();
  /** Drift found in check mode; breaking drift fails the test. */
  final List<String> drift = new ArrayList<>();
  boolean breakingDrift;
  int replayedCount;
  /** Calls sent to the network without being recorded ({@code live}, {@code check}), and calls a stub answered. */
  int liveCount;
  int stubbedCount;

  CassetteTransport(RecordMode mode, Cassette existing, HttpTransport live, TestContext context, Redactor redactor,
      Matching matching, boolean allowRepeats, Miss miss, Stubs stubs, TestRunner.Flags flags, EmailMask emails) {
    this.emails = emails;
    this.stubs = stubs;
    this.flags = flags;
    this.mode = mode;
    this.existing = existing;
    this.played = new boolean[existing == null ? 0 : existing.interactions.size()];
    this.live = live;
    this.context = context;
    this.redactor = redactor;
    this.matching = matching;
    this.allowRepeats = allowRepeats;
    this.miss = miss;
  }

  boolean replaying() {
    return existing != null && (mode == RecordMode.REPLAY || mode == RecordMode.ONCE || mode == RecordMode.NEW);
  }

  boolean recording() {
    return mode == RecordMode.REWRITE || mode == RecordMode.NEW || (mode == RecordMode.ONCE && existing == null);
  }

  @Override
  public synchronized HttpReply send(HttpCall call) throws IOException {
    if (call.connection() != null && call.bare() != null) {
      knowCredentials(call);
    }
    String from = context.from(call.from()); // the task's position: recorded and shown, never matched
    ObjectNode request = Exchange.request(call.withoutCredentials());
    redactor.redact(request);
    HttpReply stubbed = stubs.answer(call);
    if (stubbed != null) {
      stubbedCount++;
      return note(request, call.connection(), from, stubbed);
    }
    Matching.Key key = matching.key(request, call.connection());
    if (mode == RecordMode.LIVE) {
      liveCount++;
      return note(request, call.connection(), from, live(call, request));
    }
    if (replaying()) {
      Integer found = find(key);
      if (found != null) {
        JsonNode response = existing.interactions.get(found).get("response");
        redactor.observe(response);
        replayedCount++;
        return note(request, call.connection(), from, Exchange.reply(response));
      }
      if (mode != RecordMode.NEW) {
        throw miss.unmatched(request, key, candidates(key));
      }
    }
    if (mode == RecordMode.CHECK) {
      if (existing == null) {
        throw miss.missing(request);
      }
      HttpReply reply = live(call, request);
      liveCount++;
      check(key, request, reply);
      return note(request, call.connection(), from, reply);
    }
    if (!recording()) {
      throw miss.missing(request);
    }
    long start = System.nanoTime();
    HttpReply reply = live(call, request);
    long elapsed = (System.nanoTime() - start) / 1_000_000;
    ObjectNode response = Exchange.response(reply);
    if (emails != null) {
      emails.mask(response);
      reply = Exchange.reply(response.deepCopy()); // the script sees the masked addresses, as replay will
    }
    redactor.redact(response);
    ObjectNode interaction = Json.object();
    if (from != null) {
      interaction.put("from", from);
    }
    interaction.put("connection", call.connection());
    interaction.set("request", request);
    interaction.set("response", response);
    if (flags.recordTiming()) {
      interaction.put("elapsed_ms", elapsed);
    }
    if (!recorded.isEmpty() && retriedAfter401(recorded.get(recorded.size() - 1), key, call.connection())) {
      recorded.remove(recorded.size() - 1); // the connection refreshed its token and retried: one call, not two
    }
    recorded.add(interaction);
    return note(request, call.connection(), from, reply);
  }

  /** Sends the call to the network, unless --read-only forbids its method. */
  private HttpReply live(HttpCall call, ObjectNode request) throws IOException {
    if (flags.readOnly() && UNSAFE.contains(call.method())) {
      throw miss.refused("--read-only: refusing to send " + request.path("method").asText() + " "
          + request.path("url").asText() + " to the network (mode " + mode + "); only GET, HEAD and OPTIONS go"
          + " out. Record it against a sandbox org without --read-only, or stub it");
    }
    return live.send(call);
  }

  private static final java.util.Set<String> UNSAFE = java.util.Set.of("POST", "PUT", "PATCH", "DELETE");

  private boolean retriedAfter401(ObjectNode last, Matching.Key key, String connection) {
    return connection != null && last.path("response").path("status").asInt() == 401
        && matching.key(last.get("request"), textOrNull(last.get("connection"))).equals(key);
  }

  /** The secrets a connection attached: whatever the call carries that its bare form does not. */
  private void knowCredentials(HttpCall call) {
    String kind = "connection:" + call.connection();
    for (Map.Entry<String, List<String>> h : call.headers().entrySet()) {
      List<String> bare = call.bare().headers().get(h.getKey());
      if (!Objects.equals(bare, h.getValue())) {
        for (String v : h.getValue()) {
          java.util.regex.Matcher m = Secrets.SCHEME.matcher(v.trim());
          redactor.know(m.matches() ? m.group(2).trim() : v, kind);
        }
      }
    }
    String query = call.uri().getRawQuery();
    String bareQuery = call.bare().uri().getRawQuery();
    if (query != null) {
      List<String> bareParts = bareQuery == null ? List.of() : List.of(bareQuery.split("&"));
      for (String part : query.split("&")) {
        int eq = part.indexOf('=');
        if (!bareParts.contains(part) && eq >= 0) {
          redactor.know(Matching.decode(part.substring(eq + 1)), kind);
        }
      }
    }
    String body = new String(call.body(), java.nio.charset.StandardCharsets.UTF_8);
    String bareBody = new String(call.bare().body(), java.nio.charset.StandardCharsets.UTF_8);
    if (!body.equals(bareBody)) {
      List<String> bareParts = List.of(bareBody.split("&"));
      for (String part : body.split("&")) {
        int eq = part.indexOf('=');
        if (!bareParts.contains(part) && eq >= 0) {
          redactor.know(Matching.decode(part.substring(eq + 1)), kind);
        }
      }
    }
  }

  private HttpReply note(ObjectNode request, String connection, String from, HttpReply reply) {
    context.call(request.path("method").asText(), request.path("url").asText(), reply.status(), connection, from);
    return reply;
  }

  /** The first unplayed recorded interaction with an equal key; with @allow-repeats, else the last played one. */
  private Integer find(Matching.Key key) {
    Integer repeat = null;
    for (int i = 0; i < played.length; i++) {
      if (keyOf(i).equals(key)) {
        if (!played[i]) {
          played[i] = true;
          return i;
        }
        repeat = i;
      }
    }
    return allowRepeats ? repeat : null;
  }

  private Matching.Key keyOf(int i) {
    ObjectNode interaction = existing.interactions.get(i);
    return matching.key(interaction.get("request"), textOrNull(interaction.get("connection")));
  }

  private static String textOrNull(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  /** Up to three recorded interactions closest to the key, best first: (index, played, agreement). */
  private List<int[]> candidates(Matching.Key key) {
    List<int[]> all = new ArrayList<>();
    for (int i = 0; i < played.length; i++) {
      all.add(new int[] {i, played[i] ? 1 : 0, Matching.agreement(keyOf(i), key)});
    }
    all.removeIf(c -> c[2] < 4); // at least method, connection and URL (or most of them) agree: a real candidate
    all.sort(Comparator.<int[]>comparingInt(c -> -c[2]).thenComparingInt(c -> c[1]).thenComparingInt(c -> c[0]));
    return all.size() > 3 ? all.subList(0, 3) : all;
  }

  /** Describes one candidate for the failure message. */
  List<String> describe(int index, Matching.Key key) {
    return Matching.differences(keyOf(index), key, 8);
  }

  Map<String, String> redactorSecrets() {
    return redactor.secrets();
  }

  int recordedSize() {
    return played.length;
  }

  int playedCount() {
    int n = 0;
    for (boolean p : played) {
      n += p ? 1 : 0;
    }
    return n;
  }

  /** The recorded interactions never played, as {@code seq N METHOD URL (from POSITION)}. */
  List<String> unplayed() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < played.length; i++) {
      if (!played[i]) {
        JsonNode r = existing.interactions.get(i).get("request");
        out.add("seq " + (i + 1) + " " + r.path("method").asText() + " " + r.path("url").asText() + recordedFrom(i));
      }
    }
    return out;
  }

  /**
   * Where the first recorded interaction never played was made when it was recorded ({@code from}, relative to the
   * project), for a report to point at; null when there is none or it does not say.
   */
  TestResult.At firstUnplayedAt() {
    for (int i = 0; i < played.length; i++) {
      if (!played[i]) {
        JsonNode from = existing.interactions.get(i).get("from");
        java.util.regex.Matcher m = from == null ? null
            : java.util.regex.Pattern.compile("(.+):(\\d+):(\\d+) \\S+").matcher(from.asText());
        return m != null && m.matches()
            ? new TestResult.At(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))) : null;
      }
    }
    return null;
  }

  /** {@code " (from functions/a.dg:8:5 invokeurl)"}: where the recorded call was made then; "" when not known. */
  String recordedFrom(int index) {
    JsonNode from = existing.interactions.get(index).get("from");
    return from == null || from.isNull() ? "" : " (from " + from.asText() + ")";
  }

  private void check(Matching.Key key, ObjectNode request, HttpReply reply) {
    Integer found = find(key);
    String call = request.path("method").asText() + " " + request.path("url").asText();
    if (found == null) {
      drift.add("no recorded interaction for " + call);
      breakingDrift = true;
      return;
    }
    ObjectNode now = Exchange.response(reply);
    redactor.redact(now);
    JsonNode then = existing.interactions.get(found).get("response");
    if (then.path("status").asInt() != now.path("status").asInt()) {
      drift.add(call + ": status changed from " + then.path("status").asInt() + " to " + now.path("status").asInt());
      breakingDrift = true;
    }
    JsonNode a = then.path("body").path("json");
    JsonNode b = now.path("body").path("json");
    if (!a.isMissingNode() && !b.isMissingNode()) {
      breakingDrift |= Drift.compare(call, "$", a, b, drift);
    }
  }

  /** Builds the errors of a request the cassette cannot answer. */
  interface Miss {
    Outcome missing(ObjectNode request);

    Outcome unmatched(ObjectNode request, Matching.Key key, List<int[]> candidates);

    Outcome refused(String message);
  }
}
