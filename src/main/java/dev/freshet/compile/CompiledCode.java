package dev.freshet.compile;

/**
 * A compiled function body (or top level): the generated hidden class extends this. It keeps no state, so one
 * instance serves every thread running the script.
 */
public abstract class CompiledCode {
  protected CompiledCode() {}

  /**
   * Runs the body. For a function, {@code args} are its checked arguments and the result is the value returned; for
   * a top level, {@code args} are all its slots (predefined variables first) and the result that of a top-level
   * {@code return}.
   */
  public abstract Object run(Host host, int depth, Object[] args);
}
