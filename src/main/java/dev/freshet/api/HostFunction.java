package dev.freshet.api;

import java.util.List;

/**
 * A function the host adds to the language, such as {@code sendSms(to, text)} or {@code zoho.crm.getRecordById(module,
 * id)}. Register it with {@link Engine.Builder#function(String, List, String, HostFunction)}; scripts then call it
 * like a built-in, and {@code check} accepts the calls.
 *
 * <p>Arguments arrive as Java values (String, Long, BigDecimal, Boolean, LocalDate, LocalDateTime, List, Map or null,
 * see {@link Result#asJava()}); an optional argument the script left out is absent (the list is shorter). The return
 * value is converted back the same way as a binding of {@link Script#run(java.util.Map)}; return null for a
 * function that gives nothing back.
 *
 * <p>An exception thrown here becomes a runtime error of the script at the call, with the message
 * {@code NAME failed: <exception message>}; a script can catch it with {@code try … catch}. Do not put secrets into
 * exception messages: they are shown to whoever reads the script's errors.
 *
 * <p>One engine runs many scripts at once, so an implementation must be safe to call from several threads.
 */
@FunctionalInterface
public interface HostFunction {
  /** Runs the function with the script's arguments, in the order written. */
  Object call(List<Object> arguments) throws Exception;
}
