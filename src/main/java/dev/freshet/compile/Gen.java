package dev.freshet.compile;

import static org.objectweb.asm.Opcodes.*;

import dev.freshet.source.Span;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The bytecode writer's basics: constants (each a condy entry reading the hidden class's data, so the JVM treats it
 * as a true constant), JVM locals, and error regions that attach a position as the tree-walker's try/catch does.
 */
abstract class Gen {
  static final String OBJECT = "java/lang/Object";
  static final String OBJ = "Ljava/lang/Object;";
  static final String SUPPORT = "dev/freshet/compile/Support";
  static final String HOST = "dev/freshet/compile/Host";
  static final String SPAN = "Ldev/freshet/source/Span;";
  static final String SCRIPT_ERROR = "dev/freshet/runtime/ScriptError";
  private static final Handle CLASS_DATA = new Handle(H_INVOKESTATIC, "java/lang/invoke/MethodHandles",
      "classData", "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;",
      false);

  final MethodVisitor mv;
  /** The hidden class's data: every constant the code reads, by index. */
  final List<Object> constants;
  /** The type descriptor of each constant's field. */
  final List<String> descriptors;
  private final Map<Object, Integer> constantIndex = new IdentityHashMap<>();
  /**
   * Handlers are written after the code of the scope they belong to: the method's, or a {@code try} body's (inside
   * its range, so an error they rethrow is still caught there).
   */
  private final java.util.Deque<List<Runnable>> handlerScopes = new java.util.ArrayDeque<>(List.of(new ArrayList<>()));
  /** The JVM local of the host, of the caller's depth, and of variable slot 0. */
  static final int HOST_LOCAL = 0;
  static final int DEPTH_LOCAL = 1;
  static final int SLOT_BASE = 2;
  private int nextLocal;

  Gen(MethodVisitor mv, List<Object> constants, List<String> descriptors, int firstFreeLocal) {
    this.mv = mv;
    this.constants = constants;
    this.descriptors = descriptors;
    this.nextLocal = firstFreeLocal;
  }

  /**
   * Pushes a constant object of the given type descriptor: a static final field of the class, set from the class's
   * data when it is initialised, so the JIT folds it (an ldc of a dynamic constant not yet resolved on a cold path
   * made the JVM's compilers skip the whole method).
   */
  void constant(Object value, String descriptor) {
    if (value == null) {
      mv.visitInsn(ACONST_NULL);
      return;
    }
    Integer index = constantIndex.get(value);
    if (index == null) {
      index = constants.size();
      constants.add(value);
      descriptors.add(descriptor);
      constantIndex.put(value, index);
    }
    mv.visitFieldInsn(GETSTATIC, FunctionCompiler.NAME, "c" + index, descriptors.get(index));
  }

  /** Declares the constants' fields and the class initialiser that sets them from the class data. */
  static void constantFields(org.objectweb.asm.ClassWriter cw, List<String> descriptors) {
    for (int i = 0; i < descriptors.size(); i++) {
      cw.visitField(ACC_STATIC | ACC_FINAL | ACC_PRIVATE, "c" + i, descriptors.get(i), null, null).visitEnd();
    }
    MethodVisitor init = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
    init.visitCode();
    init.visitLdcInsn(new ConstantDynamic("_", "Ljava/util/List;", CLASS_DATA));
    for (int i = 0; i < descriptors.size(); i++) {
      init.visitInsn(DUP);
      init.visitLdcInsn(i);
      init.visitMethodInsn(INVOKEINTERFACE, "java/util/List", "get", "(I)" + OBJ, true);
      String d = descriptors.get(i);
      init.visitTypeInsn(CHECKCAST, d.substring(1, d.length() - 1));
      init.visitFieldInsn(PUTSTATIC, FunctionCompiler.NAME, "c" + i, d);
    }
    init.visitInsn(POP);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
  }

  void span(Span s) {
    constant(s, SPAN);
  }

  void host() {
    mv.visitVarInsn(ALOAD, HOST_LOCAL);
  }

  int newLocal() {
    return nextLocal++;
  }

  /** A local for a {@code long}, which takes two. */
  int newLongLocal() {
    int local = nextLocal;
    nextLocal += 2;
    return local;
  }

  void integer(int i) {
    if (i >= -1 && i <= 5) {
      mv.visitInsn(ICONST_0 + i);
    } else {
      mv.visitIntInsn(SIPUSH, i);
    }
  }

  void support(String name, String descriptor) {
    mv.visitMethodInsn(INVOKESTATIC, SUPPORT, name, descriptor, false);
  }

  /** Runs {@code body} in a region whose script errors without a position get {@code at}. */
  void at(Span at, Runnable body) {
    Label start = new Label();
    Label end = new Label();
    Label handler = new Label();
    mv.visitLabel(start);
    mv.visitInsn(NOP); // a region is never empty
    body.run();
    mv.visitLabel(end);
    mv.visitTryCatchBlock(start, end, handler, SCRIPT_ERROR); // inner regions are visited first, so they win
    handlerScopes.peek().add(() -> {
      mv.visitLabel(handler);
      span(at);
      mv.visitMethodInsn(INVOKEVIRTUAL, SCRIPT_ERROR, "at", "(" + SPAN + ")L" + SCRIPT_ERROR + ";", false);
      mv.visitInsn(ATHROW);
    });
  }

  /** Runs {@code body} in a region whose script errors go through {@code handler} (which leaves one to throw). */
  void region(Runnable body, Runnable handler) {
    Label start = new Label();
    Label end = new Label();
    Label target = new Label();
    mv.visitLabel(start);
    mv.visitInsn(NOP);
    body.run();
    mv.visitLabel(end);
    mv.visitTryCatchBlock(start, end, target, SCRIPT_ERROR);
    handlerScopes.peek().add(() -> {
      mv.visitLabel(target);
      handler.run();
      mv.visitInsn(ATHROW);
    });
  }

  /** Starts a scope whose handlers {@link #writeHandlers} writes. */
  void openHandlers() {
    handlerScopes.push(new ArrayList<>());
  }

  /** Writes the handlers of the innermost scope here (the code before must not fall through into them). */
  void writeHandlers() {
    for (Runnable handler : handlerScopes.pop()) {
      handler.run();
    }
  }

  /** Writes the method's handlers; called once its code is complete. */
  void finish() {
    writeHandlers();
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }
}
