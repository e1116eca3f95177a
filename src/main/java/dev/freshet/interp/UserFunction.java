package dev.freshet.interp;

import dev.freshet.ast.FunctionDecl;
import dev.freshet.compile.Callee;
import dev.freshet.compile.CompiledCode;
import dev.freshet.compile.Host;
import dev.freshet.runtime.ScriptError;
import dev.freshet.source.Span;

/** A compiled user function. Its body is filled in after all functions exist, so calls may go forwards. */
final class UserFunction implements Callee {
  final FunctionDecl decl;
  final DeclaredType[] paramTypes;
  final DeclaredType returnType;
  /** Per parameter: whether every NUMBER fits it as it is (NUMBER, or a type the header leaves open). */
  private final boolean[] takesAnyNumber;
  final int frameSize;
  Exec[] body;
  /** The compiled tier's view of the program; null when there is none. */
  Tier tier;
  /** The body as JVM bytecode once the function is hot (see {@link Tier}); published once, read by every run. */
  private volatile CompiledCode compiled;
  /** Calls counted towards the compile threshold; racy increments only make it a little late. */
  private int calls;
  private volatile boolean interpretedOnly;
  private final java.util.concurrent.atomic.AtomicBoolean claimed = new java.util.concurrent.atomic.AtomicBoolean();

  UserFunction(FunctionDecl decl, int frameSize) {
    this.decl = decl;
    this.frameSize = frameSize;
    this.paramTypes = decl.params().stream().map(p -> DeclaredType.of(p.type())).toArray(DeclaredType[]::new);
    this.returnType = DeclaredType.of(decl.returnType());
    this.takesAnyNumber = new boolean[paramTypes.length];
    for (int i = 0; i < paramTypes.length; i++) {
      takesAnyNumber[i] = paramTypes[i] == DeclaredType.NUMBER || paramTypes[i] == DeclaredType.ANY;
    }
  }

  @Override
  public String name() {
    return decl.name();
  }

  /** A call with evaluated arguments (hosts, {@code --function}). */
  Object call(Run run, Object[] args, Span callSite) {
    int depth = run.enter(0, callSite);
    Object[] checked = new Object[Math.max(args.length, paramTypes.length)];
    for (int i = 0; i < args.length; i++) {
      checked[i] = parameter(i, args[i]);
    }
    return invoke(run, depth, checked, callSite);
  }

  /**
   * A call from a script. The frame is the one the last call at this depth used ({@link Run#frame}), taken once the
   * arguments are evaluated (a call among them runs at this depth too).
   */
  Object call(Frame caller, Node[] args, Span callSite) {
    Run run = caller.run;
    if (compiled != null || (tier != null && run.compileAfter >= 0 && !interpretedOnly)) {
      CompiledCode c = compiled(run);
      if (c != null) {
        return callCompiled(c, caller, args, callSite);
      }
    }
    int depth = run.enter(caller.depth, callSite);
    int n = args.length;
    Frame frame;
    if (n == 0) {
      frame = run.frame(depth, frameSize, 0);
    } else { // unrolled for the slots kept in fields: a loop cost more than one argument
      Object a0 = argument(0, args[0], caller);
      if (n == 1) {
        frame = run.frame(depth, frameSize, 1);
        frame.set(0, a0);
      } else {
        Object a1 = argument(1, args[1], caller);
        if (n == 2) {
          frame = run.frame(depth, frameSize, 2);
          frame.set(0, a0);
          frame.set(1, a1);
        } else {
          frame = more(run, depth, caller, args, a0, a1);
        }
      }
    }
    try { // execute's body, written out: one Java call level fewer per script call (see Arith.evalNumber)
      Exec.runAll(body, frame);
      return frame.returned;
    } catch (ScriptError e) {
      if (callSite != null) {
        e.addCall(name(), callSite);
      }
      throw e;
    }
  }

  /** {@link #call}'s frame for three or more arguments, the first two evaluated and checked. */
  private Frame more(Run run, int depth, Frame caller, Node[] args, Object a0, Object a1) {
    Object[] values = new Object[args.length];
    values[0] = a0;
    values[1] = a1;
    for (int i = 2; i < args.length; i++) {
      values[i] = argument(i, args[i], caller);
    }
    Frame frame = run.frame(depth, frameSize, args.length);
    for (int i = 0; i < values.length; i++) {
      frame.set(i, values[i]);
    }
    return frame;
  }

  /**
   * An argument's value, checked against its parameter's type. Arithmetic ({@code n - 1}) is called through its own
   * class, whose call has one or two targets the JIT inlines, where {@code eval} here would meet every kind of
   * argument of every call in the script; its NUMBER needs no check for a NUMBER (or undeclared) parameter.
   */
  private Object argument(int i, Node n, Frame caller) {
    if (n instanceof Arith a) {
      long r = a.evalNumber(caller);
      if (!caller.escaping) {
        return takesAnyNumber[i] ? (Object) r : parameter(i, r);
      }
      return parameter(i, caller.escaped());
    }
    return parameter(i, n.eval(caller));
  }

  /** Apart from {@link #call}, whose interpreted path stays small enough for the JIT to inline. */
  private Object callCompiled(CompiledCode c, Frame caller, Node[] args, Span callSite) {
    Run run = caller.run;
    int depth = run.enter(caller.depth, callSite);
    Object[] values = new Object[paramTypes.length];
    for (int i = 0; i < args.length; i++) {
      values[i] = parameter(i, args[i].eval(caller));
    }
    return compiledBody(c, run, depth, values, callSite);
  }

  /** The compiled code once this function is hot under the run's policy; null while it runs interpreted. */
  private CompiledCode compiled(Run run) {
    CompiledCode c = compiled;
    if (c == null && !interpretedOnly && run.compileAfter >= 0 && calls++ >= run.compileAfter && tier != null) {
      c = compile();
    }
    return c;
  }

  /**
   * One thread compiles; the others go on interpreting meanwhile rather than wait for it (16 threads sharing a script
   * must not queue on a lock), and pick up the code once it is published.
   */
  private CompiledCode compile() {
    if (!claimed.compareAndSet(false, true)) {
      return compiled;
    }
    CompiledCode c = tier.compile(this);
    interpretedOnly = c == null;
    compiled = c;
    return c;
  }

  @Override
  public boolean numberReturn() {
    return returnType == DeclaredType.NUMBER;
  }

  @Override
  public boolean numberParam(int i) {
    return paramTypes[i] == DeclaredType.NUMBER;
  }

  @Override
  public Object param(int i, Object arg) {
    return parameter(i, arg);
  }

  /** The common case costs one check; the message is built only when the argument does not fit. */
  private Object parameter(int i, Object arg) {
    DeclaredType type = paramTypes[i];
    return type.fits(arg) ? arg : type.accept(arg, "argument " + (i + 1) + " (" + decl.params().get(i).name()
        + ") of " + name() + "()");
  }

  /** A call from compiled code: the depth was entered and the arguments checked. */
  @Override
  public Object invoke(Host host, int depth, Object[] args, Span callSite) {
    Run run = (Run) host;
    CompiledCode c = compiled(run);
    if (c != null) {
      return compiledBody(c, run, depth, args, callSite);
    }
    Frame frame = new Frame(frameSize, run, depth);
    for (int i = 0; i < args.length; i++) {
      frame.set(i, args[i]);
    }
    return execute(frame, callSite);
  }

  private Object compiledBody(CompiledCode c, Run run, int depth, Object[] args, Span callSite) {
    try {
      return c.run(run, depth, args);
    } catch (ScriptError e) {
      if (callSite != null) {
        e.addCall(name(), callSite);
      }
      throw e;
    }
  }

  /** Runs the body; a {@code return} has checked its value against the return type and left it in the frame. */
  private Object execute(Frame frame, Span callSite) {
    try {
      Exec.runAll(body, frame);
      return frame.returned;
    } catch (ScriptError e) {
      if (callSite != null) {
        e.addCall(name(), callSite);
      }
      throw e;
    }
  }

  /** Whether every NUMBER fits the return type as it is (NUMBER, or a type the header leaves open). */
  boolean returnsAnyNumber() {
    return returnType == DeclaredType.NUMBER || returnType == DeclaredType.ANY;
  }

  /** The value a {@code return} in this function hands back: checked against the declared return type. */
  @Override
  public Object returning(Object value) {
    if (returnType.fits(value)) {
      return value;
    }
    if (returnType == DeclaredType.TEXT && value instanceof dev.freshet.runtime.DelugeCollection) {
      // string f() { return {"ok": true}; } runs in Zoho (CRM functions do it): the caller gets the JSON text
      return dev.freshet.runtime.Values.toText(value);
    }
    return returnType.accept(value, "the return value of " + name() + "()");
  }
}
