package dev.freshet.compile;

import dev.freshet.source.Span;

/** A user function as compiled code calls it: whichever tier runs its body. */
public interface Callee {
  String name();

  /** Argument {@code i}, checked (and converted) against the declared parameter type. */
  Object param(int i, Object arg);

  /**
   * Whether parameter {@code i} is declared a NUMBER ({@code int}, {@code long}…): compiled code then passes it as a
   * {@code long} when it has one, which needs no check.
   */
  default boolean numberParam(int i) {
    return false;
  }

  /** Whether the declared return type is NUMBER: a NUMBER then needs no check. */
  default boolean numberReturn() {
    return false;
  }

  /** The value a {@code return} hands back, checked against the declared return type. */
  Object returning(Object value);

  /**
   * Runs the body with checked arguments at a depth already entered; an error leaving it records this function and
   * {@code callSite} in its call chain.
   */
  Object invoke(Host host, int depth, Object[] args, Span callSite);
}
