package dev.freshet.compile;

import static org.objectweb.asm.Opcodes.*;

import dev.freshet.ast.FunctionDecl;
import dev.freshet.ast.Stmt;
import dev.freshet.builtins.BuiltinRegistry;
import dev.freshet.check.Resolution;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

/**
 * The compiled tier's entry: turns a user function's body (or a top level) into a hidden class whose static method
 * keeps the variables in JVM locals. Returns null when the body uses a construct this tier does not compile (the
 * caller keeps running it in the tree-walker); such bodies are compiled exactly or not at all.
 */
public final class FunctionCompiler {
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  static final String NAME = "dev/freshet/compile/Compiled";
  private static final String BASE = "dev/freshet/compile/CompiledCode";
  /** Internal failures (bugs: the body was supported but its code would not load), kept for tests to see. */
  private static final List<String> FAILURES = new CopyOnWriteArrayList<>();

  /** Bodies compiled, and those left to the tree-walker by what they use (for tests and docs). */
  private static final java.util.concurrent.atomic.AtomicInteger COMPILED = new java.util.concurrent.atomic.AtomicInteger();
  private static final java.util.Map<String, Integer> DECLINED = new java.util.concurrent.ConcurrentHashMap<>();

  private FunctionCompiler() {}

  /** How many bodies were compiled since the JVM started. */
  public static int compiledCount() {
    return COMPILED.get();
  }

  /** How many bodies were compiled since the JVM started, and why others were not ("what": count). */
  public static String statistics() {
    return COMPILED.get() + " compiled; declined: " + new java.util.TreeMap<>(DECLINED);
  }

  /**
   * Compiles a function whose frame has {@code frameSize} slots, parameters first; null when not supported.
   * {@code source} is the name of the script that defines it.
   */
  public static CompiledCode function(FunctionDecl decl, int frameSize, Resolution resolution,
      BuiltinRegistry registry, Function<FunctionDecl, Callee> callees, String source) {
    Callee self = callees.apply(decl);
    int[] numbers = java.util.stream.IntStream.range(0, decl.params().size())
        .filter(i -> self != null && self.numberParam(i)).toArray();
    boolean longReturn = self != null && self.numberReturn();
    return compile(decl.body(), decl.params().size(), frameSize, new Unit(resolution, registry, callees, decl, NAME,
        descriptor(decl.params().size(), numbers.length, longReturn), source, numbers, longReturn), decl.name());
  }

  /**
   * Compiles a top level whose frame has {@code frameSize} slots (predefined variables first); its code takes every
   * slot's starting value. Null when not supported.
   */
  public static CompiledCode topLevel(List<Stmt> statements, int frameSize, Resolution resolution,
      BuiltinRegistry registry, Function<FunctionDecl, Callee> callees, String source) {
    if (frameSize > 250) { // a JVM method takes at most 255 argument slots
      decline("a top level with more than 250 variables");
      return null;
    }
    return compile(statements, frameSize, frameSize,
        new Unit(resolution, registry, callees, null, NAME, descriptor(frameSize, 0, false), source, new int[0],
            false),
        "the top level");
  }

  /** Internal failures since the JVM started ("name: problem"); empty unless the compiler has a bug. */
  public static List<String> failures() {
    return List.copyOf(FAILURES);
  }

  /**
   * The generated method's: the host, the depth, each parameter's value, then a long for each NUMBER parameter; it
   * returns a long for a function declared to return a NUMBER.
   */
  private static String descriptor(int params, int numbers, boolean longReturn) {
    return "(L" + Gen.HOST + ";I" + Gen.OBJ.repeat(params) + "J".repeat(numbers) + ")" + (longReturn ? "J" : Gen.OBJ);
  }

  static CompiledCode compile(List<Stmt> body, int params, int frameSize, Unit unit, String name) {
    return (CompiledCode) build(name, constants -> write(body, params, frameSize, unit, constants));
  }

  /**
   * Writes a class with {@code writer} (which adds the constants its code reads) and loads it: its one instance, or
   * null when the body uses what this tier does not support (counted) or the code could not be made (a failure).
   */
  static Object build(String name, Function<List<Object>, byte[]> writer) {
    List<Object> constants = new ArrayList<>();
    byte[] bytes;
    try {
      bytes = writer.apply(constants);
    } catch (Unsupported e) {
      decline(e.getMessage());
      return null;
    } catch (RuntimeException e) {
      FAILURES.add(name + ": " + e);
      return null;
    }
    return define(bytes, constants, name);
  }

  /**
   * Pushes the first {@code n} elements of the {@code Object[]} in local {@code array}; those {@code unwrap} picks as
   * {@link Support#read} gives them (a text being built as its text).
   */
  static void elements(MethodVisitor mv, int array, int n, java.util.function.IntPredicate unwrap) {
    for (int i = 0; i < n; i++) {
      mv.visitVarInsn(ALOAD, array);
      mv.visitLdcInsn(i);
      mv.visitInsn(AALOAD);
      if (unwrap.test(i)) {
        mv.visitMethodInsn(INVOKESTATIC, Gen.SUPPORT, "read", "(" + Gen.OBJ + ")" + Gen.OBJ, false);
      }
    }
  }

  /** Counts a body left to the tree-walker because of {@code what}. */
  static void decline(String what) {
    DECLINED.merge(what, 1, Integer::sum);
  }

  /** Loads a generated class and makes its one instance; null (a failure noted) when the JVM refuses it. */
  static Object define(byte[] bytes, List<Object> constants, String name) {
    dump(name, bytes);
    try {
      MethodHandles.Lookup hidden = LOOKUP.defineHiddenClassWithClassData(bytes, List.copyOf(constants), true);
      Object code = hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
      COMPILED.incrementAndGet();
      return code;
    } catch (Throwable e) {
      if (e instanceof VirtualMachineError v && !(e instanceof StackOverflowError)) {
        throw v;
      }
      FAILURES.add(name + ": " + e);
      return null;
    }
  }

  /** A class writer with the class {@link #NAME} begun: extending {@code base}, with its no-argument constructor. */
  static ClassWriter classWriter(String base) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
      @Override
      protected String getCommonSuperClass(String a, String b) {
        try {
          return super.getCommonSuperClass(a, b);
        } catch (RuntimeException | LinkageError e) {
          return Gen.OBJECT;
        }
      }
    };
    cw.visit(V17, ACC_FINAL | ACC_SUPER, NAME, null, base, null);
    MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, base, "<init>", "()V", false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    return cw;
  }

  /** With {@code -Dfreshet.compile.dump=DIR}, each generated class goes into DIR (to read with javap). */
  private static void dump(String name, byte[] bytes) {
    String dir = System.getProperty("freshet.compile.dump");
    if (dir != null) {
      try {
        java.nio.file.Path file = java.nio.file.Path.of(dir, name.replaceAll("\\W", "_") + "-" + COMPILED.get() + ".class");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.write(file, bytes);
      } catch (java.io.IOException | RuntimeException e) {
        FAILURES.add(name + ": could not dump: " + e);
      }
    }
  }

  private static byte[] write(List<Stmt> body, int params, int frameSize, Unit unit, List<Object> constants) {
    ClassWriter cw = classWriter(BASE);
    MethodVisitor run = cw.visitMethod(ACC_PUBLIC, "run", "(L" + Gen.HOST + ";I[" + Gen.OBJ + ")" + Gen.OBJ, null,
        null);
    run.visitCode();
    run.visitVarInsn(ALOAD, 1);
    run.visitVarInsn(ILOAD, 2);
    elements(run, 3, params, i -> false); // arguments: values as they are
    for (int i = 0; i < unit.numberParams().length; i++) {
      run.visitInsn(LCONST_0); // the values are in args: the long is never read
    }
    run.visitMethodInsn(INVOKESTATIC, NAME, "invoke", unit.invokeDescriptor(), false);
    if (unit.longReturn()) {
      run.visitVarInsn(ALOAD, 1);
      run.visitMethodInsn(INVOKESTATIC, Gen.SUPPORT, "boxResult", "(JL" + Gen.HOST + ";)" + Gen.OBJ, false);
    }
    run.visitInsn(ARETURN);
    run.visitMaxs(0, 0);
    run.visitEnd();

    MethodVisitor mv = cw.visitMethod(ACC_STATIC, "invoke", unit.invokeDescriptor(), null, null);
    mv.visitCode();
    List<String> descriptors = new ArrayList<>();
    int firstFree = Gen.SLOT_BASE + Math.max(frameSize, params + 2 * unit.numberParams().length);
    StmtGen gen = new StmtGen(mv, constants, descriptors, firstFree, unit);
    gen.ropes = Appends.slots(body, unit.resolution());
    Locals.declare(gen, body, frameSize, params, unit.numberParams()); // takes the long parameters first
    for (int slot = params; slot < frameSize; slot++) {
      mv.visitInsn(ACONST_NULL);
      mv.visitVarInsn(ASTORE, Gen.SLOT_BASE + slot);
    }
    gen.block(body);
    mv.visitInsn(ACONST_NULL);
    gen.exit();
    gen.finish();
    Gen.constantFields(cw, descriptors);
    cw.visitEnd();
    return cw.toByteArray();
  }
}
