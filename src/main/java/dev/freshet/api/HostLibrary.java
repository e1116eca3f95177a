package dev.freshet.api;

import dev.freshet.builtins.BuiltinRegistry;
import dev.freshet.builtins.Library;
import dev.freshet.builtins.ParamType;
import dev.freshet.runtime.Env;
import dev.freshet.runtime.ScriptError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the host adds to an engine's own copy of the registry: its functions and the signed-in user's system values.
 * Registering them like built-ins is what lets {@code check} accept the calls and {@code builtins} list them.
 */
final class HostLibrary implements Library {
  /** Compiled when a host function is first declared, not when every engine starts. */
  private static final class Syntax {
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    static final Pattern PARAM = Pattern.compile("\\[?[A-Za-z_][A-Za-z0-9_]*]?");
  }

  /** One host function as declared on the builder. */
  record Function(String name, List<String> parameters, String doc, HostFunction body) {
    Function {
      if (name == null || !Syntax.NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("a host function name is a name such as sendSms or zoho.crm.getRecordById,"
            + " got '" + name + "'");
      }
      parameters = List.copyOf(parameters);
      boolean optional = false;
      for (String p : parameters) {
        if (!Syntax.PARAM.matcher(p).matches() || p.startsWith("[") != p.endsWith("]")) {
          throw new IllegalArgumentException(name + ": a parameter is a name, or [name] when optional, got '" + p
              + "'");
        }
        if (optional && !p.startsWith("[")) {
          throw new IllegalArgumentException(name + ": required parameter " + p + " follows an optional one");
        }
        optional = p.startsWith("[");
      }
      if (doc == null || doc.isBlank()) {
        throw new IllegalArgumentException(name + ": give a one-line description (shown by freshet builtins)");
      }
    }
  }

  private final List<Function> functions;
  private final String user;

  HostLibrary(List<Function> functions, String user) {
    this.functions = List.copyOf(functions);
    this.user = user;
  }

  @Override
  public String family() {
    return "Host";
  }

  @Override
  public void register(BuiltinRegistry r) {
    String name = user.indexOf('@') > 0 ? user.substring(0, user.indexOf('@')) : user;
    r.value("zoho.loginuserid", "The email address of the user running the script (the engine's user)",
        new Constant(user));
    r.value("zoho.adminuserid", "The email address of the account's administrator (the engine's user)",
        new Constant(user));
    r.value("zoho.loginuser", "The name of the user running the script: the engine's user before the @",
        new Constant(name));
    r.value("zoho.adminuser", "The name of the account's administrator: the engine's user before the @",
        new Constant(name));
    for (Function f : functions) {
      if (!r.lookup(f.name()).isEmpty()) {
        throw new IllegalArgumentException("host function " + f.name() + " clashes with the built-in "
            + r.lookup(f.name()).get(0).signature() + "; choose another name");
      }
      BuiltinRegistry.Definer d = r.fn(f.name(), f.doc()).globalOnly();
      for (String p : f.parameters()) {
        if (p.startsWith("[")) {
          d.optional(p.substring(1, p.length() - 1), ParamType.ANY);
        } else {
          d.param(p, ParamType.ANY);
        }
      }
      d.impl((env, args) -> call(f, env, args));
    }
  }

  private static Object call(Function f, Env env, Object[] args) {
    List<Object> javaArgs = new ArrayList<>(args.length);
    for (Object a : args) {
      javaArgs.add(Conversions.toJava(a));
    }
    Object result;
    try {
      result = f.body().call(java.util.Collections.unmodifiableList(javaArgs));
    } catch (ScriptError e) {
      if (e.uncatchable()) { // ends the run as it is (the test runner's assertions)
        throw e;
      }
      throw new ScriptError(f.name() + " failed: " + e.getMessage());
    } catch (DelugeException e) {
      throw new ScriptError(f.name() + " failed: " + e.diagnostics().get(0).message());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScriptError(f.name() + " was interrupted");
    } catch (Exception e) {
      throw new ScriptError(f.name() + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName()
          : e.getMessage()));
    }
    try {
      return Conversions.toDeluge(result, env.zone(), "the value " + f.name() + " returned");
    } catch (IllegalArgumentException e) {
      throw new ScriptError(f.name() + " failed: " + e.getMessage());
    }
  }

  /** A value that is the same in every run; a class, not a lambda, as every engine registers these (see Main.main). */
  private static final class Constant implements java.util.function.Function<dev.freshet.runtime.Env, Object> {
    private final Object value;

    Constant(Object value) {
      this.value = value;
    }

    @Override
    public Object apply(dev.freshet.runtime.Env env) {
      return value;
    }
  }
}
