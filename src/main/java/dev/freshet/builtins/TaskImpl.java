package dev.freshet.builtins;

import dev.freshet.runtime.Env;
import dev.freshet.source.Span;

/**
 * The code of a built-in that is a task sending HTTP requests (the {@code zoho.*} tasks, {@code getUrl} and its
 * kin): it is also told where the script called it, so that each request can say so (a cassette's {@code from}).
 * Both tiers build that text once per call site, with {@link #from}.
 */
@FunctionalInterface
public interface TaskImpl extends Impl {
  /** {@code from}: the call's position, as {@link #from} writes it; null when unknown. */
  Object call(Env env, Object[] args, String from);

  @Override
  default Object call(Env env, Object[] args) {
    return call(env, args, null);
  }

  /**
   * A task's position as requests carry it: {@code functions/crm/createContact.dg:14:16 invokeurl}, the script's
   * source name, the line and column where the task starts, and the task's name.
   */
  static String from(String source, Span at, String task) {
    return source + ":" + at.line() + ":" + at.column() + " " + task;
  }

  /** Whether a call site of these overloads calls a task, and so passes its position. */
  static boolean any(java.util.List<Builtin> overloads) {
    return overloads.stream().anyMatch(b -> b.impl() instanceof TaskImpl);
  }

  /** Runs the chosen overload, telling a task where it was called. */
  static Object run(Builtin b, Env env, Object[] args, String from) {
    return b.impl() instanceof TaskImpl t ? t.call(env, args, from) : b.impl().call(env, args);
  }
}
