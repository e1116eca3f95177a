/**
 * Freshet as a library: run Deluge scripts inside a Java application. This is the only package a host needs.
 *
 * <h2>The shape</h2>
 *
 * <pre>{@code
 * Engine engine = Engine.builder()                 // once, at startup; immutable and thread-safe
 *     .zone(ZoneId.of("Asia/Kolkata"))              // Zoho runs scripts in the organisation's zone
 *     .allowedHosts("www.zohoapis.com")            // invokeurl may reach only these hosts
 *     .function("sendSms", List.of("to", "text"), "Sends a text message",
 *         args -> sms.send((String) args.get(0), (String) args.get(1)))
 *     .build();
 *
 * Script script = engine.compile("welcome.dg", text); // parse and check once; CompileException lists every problem
 *
 * Result r = script.run(Map.of("lead", Map.of("Name", "Ada", "Score", 42)));   // from any thread, any number of times
 * Object value = r.asJava();                        // the top-level return value as String, Long, List, Map, ...
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.freshet.api.Engine}: configuration (output for {@code info}, clock and zone, random seed, limits,
 *       HTTP options and transport, allowed hosts, host functions, mail sender, the user the script runs as), and
 *       {@code compile}.</li>
 *   <li>{@link dev.freshet.api.Script}: a compiled script. Names its top-level statements read without assigning are
 *       its {@linkplain dev.freshet.api.Script#freeVariables() free variables}, supplied by each run's bindings.
 *       {@code run} runs on the calling thread; {@code start} returns an {@link dev.freshet.api.Execution} that
 *       another thread can cancel.</li>
 *   <li>{@link dev.freshet.api.Result}: the value ({@code value()} as the script holds it, {@code asJava()} converted)
 *       and the statement count.</li>
 *   <li>{@link dev.freshet.api.HostFunction}: a function the host adds to the language.</li>
 *   <li>Errors: {@link dev.freshet.api.CompileException} (nothing ran), {@link dev.freshet.api.RunException} and its
 *       subclasses {@link dev.freshet.api.LimitExceededException} and {@link dev.freshet.api.CancelledException}.
 *       Each carries {@link dev.freshet.source.Diagnostic}s with line and column, and {@code render()} shows them as
 *       the command line does.</li>
 *   <li>{@link dev.freshet.api.jsr223}: the same engine behind {@code javax.script}.</li>
 * </ul>
 *
 * <p>Values cross the boundary converted both ways: String ↔ TEXT, Long/Integer/Short/Byte → NUMBER → Long,
 * BigDecimal/Double/Float → DECIMAL → BigDecimal, Boolean ↔ BOOLEAN, LocalDate ↔ a date, LocalDateTime ↔ a
 * date-time (ZonedDateTime, OffsetDateTime and Instant are taken at the engine's zone), List ↔ LIST, Map ↔ MAP, null
 * ↔ NULL. The guided tour, with a runnable host program, is docs/embedding.md and samples/embed/.
 */
package dev.freshet.api;
