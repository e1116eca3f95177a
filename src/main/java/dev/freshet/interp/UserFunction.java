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

  Object call(Run run, Object[] args, Span callSite) {
    Frame frame = new Frame(frameSize, run);
    for (int i = 0; i < args.length; i++) {
      frame.slots[i] = paramTypes[i].accept(args[i],
          "argument " + (i + 1) + " (" + decl.params().get(i).name() + ") of " + name() + "()");
    }
    run.enter(callSite);
    try {
      try {
        Exec.runAll(body, frame);
      } catch (Signals.Return r) {
        // frame.returned holds the value
      }
      if (frame.returned == null) {
        return null;
      }
      try {
        return returnType.accept(frame.returned, "the return value of " + name() + "()");
      } catch (ScriptError e) {
        throw e.at(frame.returnedAt);
      }
    } catch (ScriptError e) {
      if (callSite != null) {
        e.addCall(name(), callSite);
      }
      throw e;
    } finally {
      run.leave();
    }
  }
}
