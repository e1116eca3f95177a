package dev.freshet.zoho;

import dev.freshet.builtins.BuiltinRegistry;
import dev.freshet.builtins.Library;
import dev.freshet.builtins.ParamType;
import dev.freshet.builtins.TaskImpl;
import dev.freshet.runtime.Env;
import dev.freshet.runtime.ScriptError;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code zoho.*} integration tasks, registered like built-ins so that {@code check} knows their names and
 * argument counts and {@code freshet builtins} lists them. Names are case-insensitive, as every built-in's is
 * ({@code getRecordsById} and {@code getRecordsByID} are one task). Each call runs through the run's
 * {@link ZohoSession}. A host function of the same name, registered first, replaces a task.
 */
public final class ZohoLibrary implements Library {
  @Override
  public String family() {
    return "Zoho integration tasks";
  }

  /** Every task, product by product. */
  static List<Task> all() {
    List<Task> all = new ArrayList<>();
    all.addAll(CrmTasks.tasks());
    all.addAll(CrmWrites.tasks());
    all.add(CrmConnector.task());
    all.addAll(BooksTasks.tasks());
    all.addAll(CreatorTasks.tasks());
    all.addAll(DeskTasks.tasks());
    return all;
  }

  @Override
  public void register(BuiltinRegistry r) {
    for (Task t : all()) {
      if (!r.lookup(t.name()).isEmpty()) {
        continue; // a host's own function of that name replaces the task
      }
      BuiltinRegistry.Definer d = r.fn(t.name(), t.doc()).globalOnly().returns(t.returns());
      for (String p : t.params()) {
        if (p.startsWith("[")) {
          d.optional(p.substring(1, p.length() - 1), ParamType.ANY);
        } else {
          d.param(p, ParamType.ANY);
        }
      }
      d.impl((TaskImpl) (env, args, from) -> run(t, env, args, from));
    }
  }

  private static Object run(Task t, Env env, Object[] args, String from) {
    ZohoSession session = env.service(ZohoSession.class);
    if (session == null) {
      throw new ScriptError(t.name() + " cannot run: this engine has no Zoho integration");
    }
    return t.body().run(new Call(t, args, env, session, from));
  }
}
