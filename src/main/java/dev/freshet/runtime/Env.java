package dev.freshet.runtime;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What built-ins and tasks may ask of the running engine: its clock, zone and seedable random source
 * (DECISIONS §26), and the host services behind task blocks.
 */
public interface Env {
  ZoneId zone();

  Instant now();

  RandomGenerator random();

  /**
   * Runs an {@code invokeurl} task. {@code params} holds each key (lower-case, as in INVOKEURL.md) with its evaluated
   * value; a bare word such as {@code type: GET} arrives as TEXT. {@code from} is where the script called it
   * ({@code functions/a.dg:14:16 invokeurl}), which each request it sends carries; null when unknown.
   */
  default Object invokeUrl(Map<String, Object> params, String from) {
    throw new ScriptError("invokeurl cannot run: this engine has no HTTP transport");
  }

  /** Throws a {@link LimitError} when the run has passed its time limit or was cancelled (long built-ins call it). */
  default void checkpoint() {}

  /**
   * A service the engine gives this run, such as the client behind the {@code zoho.*} tasks; null when it has none.
   * One object per run and type, so it may keep the run's own counters.
   */
  default <T> T service(Class<T> type) {
    return null;
  }

  /** Runs a {@code sendmail} task; {@code params} as for {@link #invokeUrl} ({@code reply to}, {@code content type}). */
  default void sendMail(Map<String, Object> params) {
    throw new ScriptError("sendmail cannot run: this engine has no mail sender");
  }
}
