package dev.freshet.interp;

/**
 * Statements that run straight through: assignments of arithmetic over variables and constants. They never jump
 * ({@code break}, {@code return}…) and never count statements of their own (no call runs a function body), so a loop
 * of them can count its statements ahead (see {@link ForEach}).
 */
final class Straight {
  private Straight() {}

  static boolean all(Exec[] body) {
    if (body.length == 0) {
      return false;
    }
    for (Exec e : body) {
      if (!(e instanceof StmtNodes.AssignNumber a ? plain(a.value())
          : e instanceof StmtNodes.Assign a ? plain(a.value())
          : e instanceof StmtNodes.Append p ? plain(p.parts()) : false)) {
        return false;
      }
    }
    return true;
  }

  private static boolean plain(Node[] nodes) {
    for (Node n : nodes) {
      if (!plain(n)) {
        return false;
      }
    }
    return true;
  }

  /** Variables, constants and arithmetic over them: nothing that calls, so nothing that counts. */
  private static boolean plain(Node n) {
    if (n instanceof Arith a) {
      return plain(a.left()) && plain(a.right());
    }
    return n instanceof ValueNodes.Local || n instanceof ValueNodes.Const;
  }
}
