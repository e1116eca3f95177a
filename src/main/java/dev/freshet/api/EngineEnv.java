package dev.freshet.api;

import dev.freshet.http.InvokeUrlTask;
import dev.freshet.mail.SendMailTask;
import dev.freshet.runtime.Env;
import dev.freshet.runtime.ScriptError;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;

/** The services one run gets from its engine: clock, zone, a random source of its own, HTTP and mail. */
final class EngineEnv implements Env {
  private final Engine engine;
  private final Clock clock;
  private final RandomGenerator random;

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
  public Object invokeUrl(Map<String, Object> params) {
    return new InvokeUrlTask(engine.transport(), engine.httpOptions, params.get("connection") == null ? null
        : engine.connections()).run(params);
  }

  @Override
  public void sendMail(Map<String, Object> params) {
    if (engine.mail == null) {
      throw new ScriptError("sendmail cannot run: this engine has no mail sender");
    }
    new SendMailTask(engine.mail, engine.user).run(params); // a block without from: is sent as the user
  }
}
