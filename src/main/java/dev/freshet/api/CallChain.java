package dev.freshet.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** The notes under a runtime error: the user-function calls it passed through, innermost first. */
final class CallChain {
  private CallChain() {}

  /**
   * One note per {@code name()@line:col} call record, naming the file of its call site ({@code callerFile} gets the
   * record's index); a run of identical recursive calls is shortened.
   */
  static List<String> notes(List<String> calls, IntFunction<String> callerFile) {
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < calls.size(); i++) {
      String call = calls.get(i);
      int at = call.lastIndexOf('@');
      notes.add("in " + call.substring(0, at) + ", called from " + callerFile.apply(i) + ":" + call.substring(at + 1));
      int same = 0;
      while (i + 1 < calls.size() && calls.get(i + 1).equals(call)) {
        i++;
        same++;
      }
      if (same > 0) {
        notes.add("(the same call " + same + " more time" + (same == 1 ? "" : "s") + ")");
      }
    }
    return notes;
  }
}
