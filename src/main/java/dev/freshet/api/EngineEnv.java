package dev.freshet.api;

import dev.freshet.http.InvokeUrlTask;
import dev.freshet.mail.SendMailTask;
import dev.freshet.runtime.Env;
import dev.freshet.runtime.ScriptError;
import dev.freshet.zoho.ZohoSession;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Random;
import java.util.random.RandomGenerator;

/** The services one run gets from its engine: clock, zone, a random source of its own, HTTP and mail. */
final class EngineEnv implements Env {
  private final Engine engine;
  private final Clock clock;
  private final RandomGenerator random;
  /** Made when the run first calls a zoho.* task. */
  private ZohoSession zoho;
  /** The rewritten-host notices this run has given: each is said once. */
  private final Set<String> told = new HashSet<>();

  EngineEnv(Engine engine) {
    this.engine = engine;
    this.clock = engine.clock == null ? Clock.systemUTC() : engine.clock; // an instant needs no zone
    this.random = engine.seed == null ? new Random() : new Random(engine.seed);
  }

  @Override
  public ZoneId zone() {
    return engine.zone();
  }

  @Override
  public Instant now() {
    return clock.instant();
  }

  @Override
  public RandomGenerator random() {
    return random;
  }

  @Override
  public Object invokeUrl(Map<String, Object> params, String from) {
    return new InvokeUrlTask(engine.transport(), engine.httpOptions, params.get("connection") == null ? null
        : engine.connections(), "invokeurl", this::notice, from).run(params);
  }

  private void notice(String line) {
    if (told.add(line)) {
      engine.notices.accept(line);
    }
  }

  @Override
  public <T> T service(Class<T> type) {
    if (type != ZohoSession.class) {
      return null;
    }
    if (zoho == null) {
      zoho = new ZohoSession(engine::transport, engine.httpOptions, engine::connections, engine.limits.maxApiCalls());
    }
    return type.cast(zoho);
  }

  @Override
  public void sendMail(Map<String, Object> params) {
    if (engine.mail == null) {
      throw new ScriptError("sendmail cannot run: this engine has no mail sender");
    }
    new SendMailTask(engine.mail, engine.user).run(params); // a block without from: is sent as the user
  }
}
