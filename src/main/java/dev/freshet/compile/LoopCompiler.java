package dev.freshet.compile;

import static org.objectweb.asm.Opcodes.*;

import dev.freshet.ast.FunctionDecl;
import dev.freshet.ast.Stmt;
import dev.freshet.builtins.BuiltinRegistry;
import dev.freshet.check.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Compiles one hot {@code for each} of a body the tree-walker runs into a {@link LoopCode}: the way a loop that runs
 * once, for long, gets the compiled tier's speed in the middle of its run. The generated method takes every variable
 * of the body, the items and the iteration to start from; it writes the variables back into the array at every
 * exit (the end of the loop, a {@code return}, an error), so the interpreter goes on with what the loop left.
 */
public final class LoopCompiler {
  private static final String BASE = "dev/freshet/compile/LoopCode";
  private static final String ARRAY = "[" + Gen.OBJ;

  private LoopCompiler() {}

  /**
   * The loop compiled, or null when its body uses something the compiled tier does not support. {@code function}
   * is the function it is in (null at the top level), whose frame has {@code frameSize} slots.
   */
  public static LoopCode loop(Stmt.ForEach loop, FunctionDecl function, int frameSize, Resolution resolution,
      BuiltinRegistry registry, Function<FunctionDecl, Callee> callees, String source) {
    if (frameSize > 250) { // a JVM method takes at most 255 argument slots
      FunctionCompiler.decline("a loop in a body with more than 250 variables");
      return null;
    }
    String descriptor = "(L" + Gen.HOST + ";I" + Gen.OBJ.repeat(frameSize) + ARRAY + ARRAY + "I)" + Gen.OBJ;
    Unit unit = new Unit(resolution, registry, callees, null, FunctionCompiler.NAME, descriptor, source, new int[0],
        false);
    return (LoopCode) FunctionCompiler.build("the loop at " + loop.span(),
        constants -> write(loop, function, frameSize, unit, constants));
  }

  private static byte[] write(Stmt.ForEach loop, FunctionDecl function, int frameSize, Unit unit,
      List<Object> constants) {
    List<Stmt> body = List.of(loop);
    Set<Integer> ropes = Appends.slots(body, unit.resolution());
    ClassWriter cw = FunctionCompiler.classWriter(BASE);
    writeRun(cw, frameSize, ropes, unit.invokeDescriptor());

    MethodVisitor mv = cw.visitMethod(ACC_STATIC, "invoke", unit.invokeDescriptor(), null, null);
    mv.visitCode();
    int slots = Gen.SLOT_BASE + frameSize;
    List<String> descriptors = new ArrayList<>();
    StmtGen gen = new StmtGen(mv, constants, descriptors, slots + 3, unit);
    gen.ropes = ropes;
    Locals.declare(gen, body, frameSize, frameSize, new int[0]);
    gen.unit = new LoopUnit(loop, function, frameSize, slots, slots + 1, slots + 2);
    // Every exit writes the variables back: the loop's end and a return through StmtGen.exit, an error here.
    Label start = new Label();
    Label end = new Label();
    Label failed = new Label();
    mv.visitLabel(start);
    mv.visitInsn(NOP);
    gen.openHandlers();
    gen.at(loop.span(), () -> gen.forEach(loop));
    mv.visitFieldInsn(GETSTATIC, BASE, "FINISHED", Gen.OBJ);
    gen.exit();
    gen.writeHandlers(); // inside the range: an error they rethrow is written back too
    mv.visitLabel(end);
    mv.visitTryCatchBlock(start, end, failed, null); // visited last, so every inner handler comes first
    mv.visitLabel(failed);
    int thrown = gen.newLocal();
    mv.visitVarInsn(ASTORE, thrown);
    gen.unit.writeBack(gen);
    mv.visitVarInsn(ALOAD, thrown);
    mv.visitInsn(ATHROW);
    gen.finish();
    Gen.constantFields(cw, descriptors);
    cw.visitEnd();
    return cw.toByteArray();
  }

  /**
   * {@code run(host, depth, slots, items, start)}: calls {@code invoke} with each variable from the array; one that
   * the loop does not build a text in gets its text if it holds a buffer (only the builder's own reads unwrap one).
   */
  private static void writeRun(ClassWriter cw, int frameSize, Set<Integer> ropes, String invoke) {
    MethodVisitor run = cw.visitMethod(ACC_PUBLIC, "run", "(L" + Gen.HOST + ";I" + ARRAY + ARRAY + "I)" + Gen.OBJ,
        null, null);
    run.visitCode();
    run.visitVarInsn(ALOAD, 1);
    run.visitVarInsn(ILOAD, 2);
    FunctionCompiler.elements(run, 3, frameSize, slot -> !ropes.contains(slot));
    run.visitVarInsn(ALOAD, 3);
    run.visitVarInsn(ALOAD, 4);
    run.visitVarInsn(ILOAD, 5);
    run.visitMethodInsn(INVOKESTATIC, FunctionCompiler.NAME, "invoke", invoke, false);
    run.visitInsn(ARETURN);
    run.visitMaxs(0, 0);
    run.visitEnd();
  }
}
