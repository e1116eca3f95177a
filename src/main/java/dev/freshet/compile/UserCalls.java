package dev.freshet.compile;

import static org.objectweb.asm.Opcodes.*;

import dev.freshet.ast.Expr;
import dev.freshet.ast.FunctionDecl;
import dev.freshet.source.Span;
import java.util.List;

/**
 * A call of a user function, in the tree-walker's order (dev.freshet.interp's UserFunction): the depth is entered
 * first, then each argument is evaluated and checked against its parameter, then the body runs. An error leaving the
 * body names the function and the call site in its call chain; every error gets the call's position if it has none.
 * A function calling itself calls its generated method directly; other functions go through their {@link Callee},
 * which runs whichever tier they are in.
 */
final class UserCalls {
  private UserCalls() {}

  static void emit(ExprGen g, FunctionDecl target, List<Expr> args, Span site) {
    boolean longResult = target == g.self && g.longReturn;
    emit(g, target, args, site, () -> {
      if (longResult) {
        g.host();
        g.support("boxResult", "(JL" + Gen.HOST + ";)" + Gen.OBJ);
      }
    });
  }

  /**
   * The call, then {@code result} on its value: an object, or a long when the function calls itself and returns a
   * NUMBER ({@link Unit#longReturn}: {@code Long.MIN_VALUE} then means the value is the one {@link Host#spill} kept).
   */
  static void emit(ExprGen g, FunctionDecl target, List<Expr> args, Span site, Runnable result) {
    Callee callee = g.callees.apply(target);
    if (callee == null || args.size() != target.params().size()) {
      throw new Unsupported("a call the resolver did not match");
    }
    String calleeType = "L" + ExprGen.callee() + ";";
    g.at(site, () -> {
      g.host();
      g.mv.visitVarInsn(ILOAD, Gen.DEPTH_LOCAL);
      g.span(site);
      g.mv.visitMethodInsn(INVOKEINTERFACE, Gen.HOST, "enter", "(I" + Gen.SPAN + ")I", true);
      int depth = g.newLocal();
      g.mv.visitVarInsn(ISTORE, depth);
      if (target == g.self) {
        selfArguments(g, callee, calleeType, args, depth);
        g.region(() -> g.mv.visitMethodInsn(INVOKESTATIC, g.className, "invoke", g.invokeDescriptor, false), () -> {
          g.mv.visitLdcInsn(target.name());
          g.span(site);
          g.support("leftCall", "(L" + Gen.SCRIPT_ERROR + ";Ljava/lang/String;" + Gen.SPAN + ")L" + Gen.SCRIPT_ERROR
              + ";");
        });
        result.run();
      } else {
        g.constant(callee, calleeType);
        g.host();
        g.mv.visitVarInsn(ILOAD, depth);
        g.integer(args.size());
        g.mv.visitTypeInsn(ANEWARRAY, Gen.OBJECT);
        for (int i = 0; i < args.size(); i++) {
          g.mv.visitInsn(DUP);
          g.integer(i);
          argument(g, callee, calleeType, i, args.get(i));
          g.mv.visitInsn(AASTORE);
        }
        g.span(site);
        g.mv.visitMethodInsn(INVOKEINTERFACE, ExprGen.callee(), "invoke",
            "(L" + Gen.HOST + ";I[" + Gen.OBJ + Gen.SPAN + ")" + Gen.OBJ, true);
        result.run();
      }
    });
  }

  /**
   * Pushes the host, the depth and the arguments of a call to the function's own method: each evaluated in order and
   * checked, a NUMBER parameter's also as a long (see {@link Locals}): unboxed and unchecked when it is NUMBER
   * arithmetic that stayed on longs, else {@link Support#UNBOXED} is not passed and the long is unused.
   */
  private static void selfArguments(ExprGen g, Callee callee, String calleeType, List<Expr> args, int depth) {
    int[] numbers = g.numberParams;
    int[] objects = new int[args.size()];
    int[] longs = new int[numbers.length];
    for (int i = 0; i < args.size(); i++) {
      int index = i;
      int object = g.newLocal();
      objects[i] = object;
      int j = java.util.Arrays.binarySearch(numbers, i);
      Expr arg = args.get(i);
      if (j >= 0 && Fused.tree(arg, g.resolution)) {
        int value = g.newLongLocal();
        longs[j] = value;
        Fused.emit(g, arg, () -> {
          g.mv.visitVarInsn(LSTORE, value);
          g.mv.visitFieldInsn(GETSTATIC, Gen.SUPPORT, "UNBOXED", Gen.OBJ);
          g.mv.visitVarInsn(ASTORE, object);
        }, () -> {
          g.mv.visitVarInsn(ASTORE, object);
          g.constant(callee, calleeType);
          g.integer(index);
          g.mv.visitVarInsn(ALOAD, object);
          g.mv.visitMethodInsn(INVOKEINTERFACE, ExprGen.callee(), "param", "(I" + Gen.OBJ + ")" + Gen.OBJ, true);
          g.mv.visitVarInsn(ASTORE, object);
          g.mv.visitInsn(LCONST_0);
          g.mv.visitVarInsn(LSTORE, value);
        });
      } else {
        argument(g, callee, calleeType, i, arg);
        g.mv.visitVarInsn(ASTORE, object);
        if (j >= 0) {
          longs[j] = g.newLongLocal();
          g.mv.visitInsn(LCONST_0);
          g.mv.visitVarInsn(LSTORE, longs[j]);
        }
      }
    }
    g.host();
    g.mv.visitVarInsn(ILOAD, depth);
    for (int object : objects) {
      g.mv.visitVarInsn(ALOAD, object);
    }
    for (int value : longs) {
      g.mv.visitVarInsn(LLOAD, value);
    }
  }

  /** Evaluates argument {@code i} and checks it against the parameter's declared type. */
  private static void argument(ExprGen g, Callee callee, String calleeType, int i, Expr arg) {
    g.constant(callee, calleeType);
    g.integer(i);
    g.expr(arg);
    g.mv.visitMethodInsn(INVOKEINTERFACE, ExprGen.callee(), "param", "(I" + Gen.OBJ + ")" + Gen.OBJ, true);
  }
}
