package dev.freshet.compile;

import static org.objectweb.asm.Opcodes.AASTORE;
import static org.objectweb.asm.Opcodes.ALOAD;

import dev.freshet.ast.FunctionDecl;
import dev.freshet.ast.Stmt;

/**
 * What the statement writer needs to know of a loop compiled on its own ({@link LoopCompiler}): the loop, the
 * function it is in (whose return type a {@code return} in it is checked against; null at the top level), and the
 * JVM locals of the variables' array, the items and the starting iteration.
 */
record LoopUnit(Stmt.ForEach loop, FunctionDecl function, int frameSize, int slots, int items, int start) {
  /** Stores every variable into the array, as it is held (a NUMBER boxed, a text being built as its buffer). */
  void writeBack(ExprGen g) {
    for (int slot = 0; slot < frameSize; slot++) {
      g.mv.visitVarInsn(ALOAD, slots);
      g.integer(slot);
      Locals.raw(g, slot);
      g.mv.visitInsn(AASTORE);
    }
  }
}
