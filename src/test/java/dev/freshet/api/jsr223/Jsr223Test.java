package dev.freshet.api.jsr223;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.api.Engine;
import dev.freshet.api.RunException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleScriptContext;
import org.junit.jupiter.api.Test;

/** Freshet through javax.script, found by name as a host would find it. */
class Jsr223Test {
  private static ScriptEngine deluge() {
    ScriptEngine engine = new ScriptEngineManager().getEngineByName("deluge");
    assertNotNull(engine, "META-INF/services registers the factory");
    return engine;
  }

  @Test
  void foundByNameExtensionAndMimeType() {
    ScriptEngineManager m = new ScriptEngineManager();
    assertEquals("Freshet", m.getEngineByExtension("dg").getFactory().getEngineName());
    assertEquals("Deluge", m.getEngineByMimeType("text/x-deluge").getFactory().getLanguageName());
    assertEquals("MULTITHREADED", deluge().getFactory().getParameter("THREADING"));
  }

  @Test
  void bindingsBecomeVariablesAndInfoGoesToTheWriter() throws Exception {
    ScriptEngine engine = deluge();
    StringWriter out = new StringWriter();
    engine.getContext().setWriter(out);
    engine.put("name", "Ada");
    engine.put("scores", List.of(3, 4));
    Object value = engine.eval("info \"Hello, \" + name;\ntotal = 0;\nfor each s in scores {\n  total = total + s;\n}\n"
        + "return {\"total\": total, \"avg\": total / 2.0};");
    assertEquals("Hello, Ada\n", out.toString());
    assertEquals(Map.of("total", 7L, "avg", new BigDecimal("3.5")), value);
  }

  @Test
  void globalBindingsAreSeenAndEngineScopeWins() throws Exception {
    ScriptEngineManager manager = new ScriptEngineManager();
    manager.put("x", 1);
    manager.put("y", 10);
    ScriptEngine engine = manager.getEngineByName("deluge");
    engine.put("x", 2);
    assertEquals(12L, engine.eval("return x + y;"));
    assertNull(engine.eval("a = 1;"));
  }

  @Test
  void errorsAreScriptExceptionsWithFileLineAndColumn() {
    ScriptEngine engine = deluge();
    engine.put(ScriptEngine.FILENAME, "calc.dg");
    ScriptException parse = assertThrows(ScriptException.class, () -> engine.eval("x = 1;\ninfo x +;"));
    assertEquals("calc.dg", parse.getFileName());
    assertEquals(2, parse.getLineNumber());
    ScriptException run = assertThrows(ScriptException.class, () -> engine.eval("x = 0;\n\ninfo 1 / x;"));
    assertEquals(3, run.getLineNumber());
    assertEquals(8, run.getColumnNumber());
    assertTrue(run.getCause() instanceof RunException);
    assertTrue(((RunException) run.getCause()).render().contains("info 1 / x;\n       ^"));
    ScriptException missing = assertThrows(ScriptException.class, () -> engine.eval("info nobody;"));
    assertTrue(missing.getMessage().startsWith("variable 'nobody' is not defined (no binding named 'nobody' was"
        + " given)"), missing.getMessage());
  }

  @Test
  void compiledScriptsRunWithTheirOwnContexts() throws Exception {
    CompiledScript script = ((Compilable) deluge()).compile("info greeting + \", \" + who;\nreturn who.length();");
    for (String who : List.of("Ada", "Grace")) {
      ScriptContext ctx = new SimpleScriptContext();
      StringWriter out = new StringWriter();
      ctx.setWriter(out);
      Bindings b = script.getEngine().createBindings();
      b.put("greeting", "Hi");
      b.put("who", who);
      ctx.setBindings(b, ScriptContext.ENGINE_SCOPE);
      assertEquals((long) who.length(), script.eval(ctx));
      assertEquals("Hi, " + who + "\n", out.toString());
    }
  }

  @Test
  void aFactoryBuiltOnAConfiguredEngineGivesItsHostFunctions() throws Exception {
    Engine engine = Engine.builder().function("double", List.of("n"), "Twice n", a -> 2 * (Long) a.get(0)).build();
    ScriptEngine deluge = new DelugeScriptEngineFactory(engine).getScriptEngine();
    assertEquals(42L, deluge.eval("return double(21);"));
  }

  @Test
  void theFactoryWritesDeluge() throws Exception {
    DelugeScriptEngineFactory f = new DelugeScriptEngineFactory();
    String program = f.getProgram(f.getOutputStatement("say \"hi\""), "x = " + f.getMethodCallSyntax("\"ab\"",
        "length"), "info x");
    StringWriter out = new StringWriter();
    ScriptEngine engine = f.getScriptEngine();
    engine.getContext().setWriter(out);
    engine.eval(program);
    assertEquals("say \"hi\"\n2\n", out.toString());
  }
}
