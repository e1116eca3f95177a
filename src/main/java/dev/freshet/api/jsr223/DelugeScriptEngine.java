package dev.freshet.api.jsr223;

import dev.freshet.api.DelugeException;
import dev.freshet.api.Engine;
import dev.freshet.api.Script;
import dev.freshet.source.Diagnostic;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;

/** The JSR-223 view of an {@link Engine}; see {@link DelugeScriptEngineFactory}. */
final class DelugeScriptEngine extends AbstractScriptEngine implements Compilable {
  private static final int CACHED_SCRIPTS = 64;

  private final DelugeScriptEngineFactory factory;
  private final Engine engine;
  /** Recently evaluated texts, so a host calling eval with the same text does not parse it again. */
  private final Map<String, Script> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Script> eldest) {
      return size() > CACHED_SCRIPTS;
    }
  };

  DelugeScriptEngine(DelugeScriptEngineFactory factory, Engine engine) {
    this.factory = factory;
    this.engine = engine;
  }

  @Override
  public Object eval(String script, ScriptContext context) throws ScriptException {
    String name = name(context);
    Script compiled;
    synchronized (cache) {
      compiled = cache.get(name + '\0' + script);
    }
    if (compiled == null) {
      compiled = compileText(name, script);
      synchronized (cache) {
        cache.put(name + '\0' + script, compiled);
      }
    }
    return run(compiled, context);
  }

  @Override
  public Object eval(Reader reader, ScriptContext context) throws ScriptException {
    return eval(read(reader), context);
  }

  @Override
  public CompiledScript compile(String script) throws ScriptException {
    Script compiled = compileText(name(context), script);
    return new CompiledScript() {
      @Override
      public Object eval(ScriptContext context) throws ScriptException {
        return run(compiled, context);
      }

      @Override
      public ScriptEngine getEngine() {
        return DelugeScriptEngine.this;
      }
    };
  }

  @Override
  public CompiledScript compile(Reader script) throws ScriptException {
    return compile(read(script));
  }

  @Override
  public Bindings createBindings() {
    return new SimpleBindings();
  }

  @Override
  public ScriptEngineFactory getFactory() {
    return factory;
  }

  private Script compileText(String name, String text) throws ScriptException {
    try {
      return engine.compile(name, text);
    } catch (DelugeException e) {
      throw scriptException(e);
    }
  }

  /** Global bindings, then engine-scope ones over them, become the script's variables. */
  private Object run(Script script, ScriptContext context) throws ScriptException {
    Map<String, Object> bindings = new HashMap<>();
    Bindings global = context.getBindings(ScriptContext.GLOBAL_SCOPE);
    if (global != null) {
      bindings.putAll(global);
    }
    Bindings local = context.getBindings(ScriptContext.ENGINE_SCOPE);
    if (local != null) {
      bindings.putAll(local);
    }
    try {
      return script.run(bindings, writerOf(context)).asJava();
    } catch (DelugeException e) {
      throw scriptException(e);
    } catch (IllegalArgumentException e) {
      throw new ScriptException(e.getMessage());
    } catch (UncheckedIOException e) {
      throw new ScriptException("cannot write info output: " + e.getCause().getMessage());
    }
  }

  private static Consumer<String> writerOf(ScriptContext context) {
    Writer w = context.getWriter();
    if (w == null) {
      return line -> {};
    }
    return line -> {
      try {
        w.write(line);
        w.write('\n');
        w.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private static String name(ScriptContext context) {
    Object name = context == null ? null : context.getAttribute(ScriptEngine.FILENAME);
    return name == null ? "<script>" : name.toString();
  }

  private static ScriptException scriptException(DelugeException e) {
    Diagnostic d = e.diagnostics().get(0);
    ScriptException se = new ScriptException(d.message(), d.source() == null ? null : d.source().name(),
        d.line() > 0 ? d.line() : -1, d.column() > 0 ? d.column() : -1);
    se.initCause(e);
    return se;
  }

  private static String read(Reader reader) throws ScriptException {
    StringBuilder out = new StringBuilder();
    char[] buf = new char[8192];
    try {
      for (int n; (n = reader.read(buf)) > 0; ) {
        out.append(buf, 0, n);
      }
    } catch (IOException e) {
      throw new ScriptException("cannot read the script: " + e.getMessage());
    }
    return out.toString();
  }
}
