package dev.freshet.api.jsr223;

import dev.freshet.api.Engine;
import java.util.List;
import java.util.stream.Collectors;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;

/**
 * Makes Freshet a JSR-223 script engine: {@code new ScriptEngineManager().getEngineByName("deluge")} (also
 * {@code "freshet"}, extension {@code dg}) finds this factory through {@code META-INF/services}. Engine-scope and
 * global bindings become script variables, {@code info} lines go to the context's writer, and {@code eval} returns the
 * script's top-level {@code return} value as Java ({@link dev.freshet.api.Result#asJava()}).
 *
 * <p>Found by the service loader, it uses a default {@link Engine}; construct it with your own engine to give scripts
 * host functions, allowed hosts, limits or a zone.
 */
public final class DelugeScriptEngineFactory implements ScriptEngineFactory {
  private Engine engine; // guarded by this; created on first use, as discovery must stay cheap

  /** The factory the service loader creates, with a default engine. */
  public DelugeScriptEngineFactory() {}

  /** A factory whose script engines all run on {@code engine}. */
  public DelugeScriptEngineFactory(Engine engine) {
    this.engine = java.util.Objects.requireNonNull(engine);
  }

  private synchronized Engine engine() {
    if (engine == null) {
      engine = Engine.builder().build();
    }
    return engine;
  }

  @Override
  public String getEngineName() {
    return "Freshet";
  }

  @Override
  public String getEngineVersion() {
    String v = DelugeScriptEngineFactory.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  @Override
  public List<String> getExtensions() {
    return List.of("dg", "ds");
  }

  @Override
  public List<String> getMimeTypes() {
    return List.of("application/x-deluge", "text/x-deluge");
  }

  @Override
  public List<String> getNames() {
    return List.of("deluge", "Deluge", "freshet");
  }

  @Override
  public String getLanguageName() {
    return "Deluge";
  }

  @Override
  public String getLanguageVersion() {
    return "Zoho Deluge";
  }

  @Override
  public Object getParameter(String key) {
    return switch (key) {
      case ScriptEngine.ENGINE -> getEngineName();
      case ScriptEngine.ENGINE_VERSION -> getEngineVersion();
      case ScriptEngine.NAME -> "deluge";
      case ScriptEngine.LANGUAGE -> getLanguageName();
      case ScriptEngine.LANGUAGE_VERSION -> getLanguageVersion();
      // Evaluations may run concurrently; scripts never write back into the shared bindings.
      case "THREADING" -> "MULTITHREADED";
      default -> null;
    };
  }

  @Override
  public String getMethodCallSyntax(String obj, String m, String... args) {
    return obj + "." + m + "(" + String.join(", ", args) + ")";
  }

  @Override
  public String getOutputStatement(String toDisplay) {
    StringBuilder quoted = new StringBuilder();
    dev.freshet.runtime.Values.appendQuoted(quoted, toDisplay);
    return "info " + quoted + ";";
  }

  @Override
  public String getProgram(String... statements) {
    return java.util.Arrays.stream(statements).map(s -> s.strip().endsWith(";") ? s : s + ";")
        .collect(Collectors.joining("\n", "", "\n"));
  }

  @Override
  public ScriptEngine getScriptEngine() {
    return new DelugeScriptEngine(this, engine());
  }
}
