package dev.freshet.compile;

/**
 * A hot {@code for each} compiled on its own, for a body that runs in the tree-walker (a top level run once, or a
 * function not compiled yet): the interpreter hands it the loop's items, the iteration to go on from and the
 * variables, and takes the variables back when it ends, however it ends. Like {@link CompiledCode}, it keeps no
 * state, so one instance serves every thread.
 */
public abstract class LoopCode {
  /** What {@link #run} returns when the loop ended without a {@code return}. */
  public static final Object FINISHED = new Object() {
    @Override
    public String toString() {
      return "the loop finished";
    }
  };

  protected LoopCode() {}

  /**
   * Runs the loop from iteration {@code start} over {@code items} (the interpreter's copy of the list), at call depth
   * {@code depth}. {@code slots} holds every variable of the body on entry and their values on exit, also when an
   * error ends the loop. Returns {@link #FINISHED}, or the value of a {@code return} in the loop (checked against
   * the function's return type).
   */
  public abstract Object run(Host host, int depth, Object[] slots, Object[] items, int start);
}
