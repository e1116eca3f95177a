package dev.freshet.check;

import dev.freshet.ast.FunctionDecl;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What the resolver learned: the frame slot of every variable reference and definition (keyed by AST node identity),
 * the frame size of each function and of the top level, and the user function each call refers to.
 */
public final class Resolution {
  final Map<Object, Integer> slots = new IdentityHashMap<>();
  final Map<Object, FunctionDecl> calls = new IdentityHashMap<>();
  final Map<Object, Integer> frameSizes = new IdentityHashMap<>();
  final Map<String, Integer> topLevelSlots = new java.util.LinkedHashMap<>();

  /** Slot of a variable-referring node (Name, Assign, ForEach, Try), or -1 if it is not a variable. */
  public int slot(Object node) {
    Integer s = slots.get(node);
    return s == null ? -1 : s;
  }

  /** The user function a Call / QualifiedCall refers to, or null. */
  public FunctionDecl callee(Object call) {
    return calls.get(call);
  }

  /** Number of slots of a function's frame; the top level is keyed by the Script. */
  public int frameSize(Object owner) {
    return frameSizes.getOrDefault(owner, 0);
  }

  /** Top-level variable names and their slots (the REPL keeps them between entries). */
  public Map<String, Integer> topLevelSlots() {
    return topLevelSlots;
  }
}
