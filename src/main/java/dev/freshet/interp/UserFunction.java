package dev.freshet.interp;

import dev.freshet.ast.FunctionDecl;
import dev.freshet.runtime.ScriptError;
import dev.freshet.source.Span;

/** A compiled user function. Its body is filled in after all functions exist, so calls may go forwards. */
final class UserFunction {
  final FunctionDecl decl;
  final DeclaredType[] paramTypes;
  final DeclaredType returnType;
  final int frameSize;
  Exec[] body;

  UserFunction(FunctionDecl decl, int frameSize) {
    this.decl = decl;
    this.frameSize = frameSize;
    this.paramTypes = decl.params().stream().map(p -> DeclaredType.of(p.type())).toArray(DeclaredType[]::new);
    this.returnType = DeclaredType.of(decl.returnType());
  }

  String name() {
    return decl.name();
  }

  /** A call with evaluated arguments (hosts, {@code --function}). */
  Object call(Run run, Object[] args, Span callSite) {
    Frame frame = new Frame(frameSize, run, run.enter(0, callSite));
    for (int i = 0; i < args.length; i++) {
      frame.set(i, parameter(i, args[i]));
    }
    return execute(frame, callSite);
  }

  /** A call from a script: the arguments are evaluated straight into the new frame's slots. */
  Object call(Frame caller, Node[] args, Span callSite) {
    Run run = caller.run;
    Frame frame = new Frame(frameSize, run, run.enter(caller.depth, callSite));
    int n = args.length; // unrolled for the slots kept in fields: a loop cost more than one argument
    if (n > 0) {
      frame.set(0, parameter(0, args[0].eval(caller)));
      if (n > 1) {
        frame.set(1, parameter(1, args[1].eval(caller)));
        if (n > 2) {
          frame.set(2, parameter(2, args[2].eval(caller)));
          for (int i = 3; i < n; i++) {
            frame.set(i, parameter(i, args[i].eval(caller)));
          }
        }
      }
    }
    return execute(frame, callSite);
  }

  /** The common case costs one check; the message is built only when the argument does not fit. */
  private Object parameter(int i, Object arg) {
    DeclaredType type = paramTypes[i];
    return type.fits(arg) ? arg : type.accept(arg, "argument " + (i + 1) + " (" + decl.params().get(i).name()
        + ") of " + name() + "()");
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

  /** The value a {@code return} in this function hands back: checked against the declared return type. */
  Object returning(Object value) {
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
