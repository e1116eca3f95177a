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
        g.host();
        g.mv.visitVarInsn(ILOAD, depth);
        for (int i = 0; i < args.size(); i++) {
          argument(g, callee, calleeType, i, args.get(i));
        }
        g.region(() -> g.mv.visitMethodInsn(INVOKESTATIC, g.className, "invoke", g.invokeDescriptor, false), () -> {
          g.mv.visitLdcInsn(target.name());
          g.span(site);
          g.support("leftCall", "(L" + Gen.SCRIPT_ERROR + ";Ljava/lang/String;" + Gen.SPAN + ")L" + Gen.SCRIPT_ERROR
              + ";");
        });
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
      }
    });
  }

  /** Evaluates argument {@code i} and checks it against the parameter's declared type. */
  private static void argument(ExprGen g, Callee callee, String calleeType, int i, Expr arg) {
    g.constant(callee, calleeType);
    g.integer(i);
    g.expr(arg);
    g.mv.visitMethodInsn(INVOKEINTERFACE, ExprGen.callee(), "param", "(I" + Gen.OBJ + ")" + Gen.OBJ, true);
  }
}
