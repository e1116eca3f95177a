/**
 * JSR-223 ({@code javax.script}) access to Freshet: {@link dev.freshet.api.jsr223.DelugeScriptEngineFactory}, found
 * by {@code new ScriptEngineManager().getEngineByName("deluge")}.
 *
 * <pre>{@code
 * ScriptEngine deluge = new ScriptEngineManager().getEngineByName("deluge");
 * deluge.put("name", "Ada");
 * deluge.eval("info \"Hello, \" + name;");        // writes Hello, Ada to the context's writer
 * Object n = deluge.eval("return 6 * 7;");         // 42L
 * }</pre>
 *
 * <p>Scripts read bindings but never write back into them. Errors become {@link javax.script.ScriptException}s with
 * the file name, line and column; the cause is the {@link dev.freshet.api.DelugeException} with the rendered
 * diagnostic.
 */
package dev.freshet.api.jsr223;
