package dev.freshet.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random Deluge programs for the differential test: a few functions (each calls only the ones before it, and the
 * newest may recurse on a shrinking argument) over NUMBER, DECIMAL, TEXT and lists, with if/else, for each,
 * break/continue, info, throw and built-in calls, then top-level calls. Expressions are mostly well typed, so most
 * programs run for a while; about one in eight operands is any value at all, so some fail (type errors, overflow,
 * division by zero, the statement limit), which is as much the point. Every variable is assigned before it is read.
 */
final class ProgramGenerator {
  private record Var(String name, boolean list) {}

  private record Fn(String name, boolean[] listParams) {}

  private final Random random;
  private final StringBuilder out = new StringBuilder();
  private final List<Fn> functions = new ArrayList<>();
  private Fn current;
  private int depth;
  private int loops;
  private int names;

  ProgramGenerator(long seed) {
    random = new Random(seed);
  }

  String program() {
    int count = 1 + random.nextInt(3);
    for (int f = 0; f < count; f++) {
      function(f);
    }
    current = null;
    List<Var> top = new ArrayList<>(List.of(new Var("seed", false), new Var("items", true)));
    out.append("seed = ").append(random.nextInt(20)).append(";\n");
    out.append("items = {").append(random.nextInt(9)).append(", ").append(random.nextInt(9)).append(", 7};\n");
    for (int i = 0; i < 4; i++) {
      out.append("info ").append(call(functions.get(random.nextInt(functions.size())), top, 2)).append(";\n");
    }
    out.append("return ").append(call(functions.get(functions.size() - 1), top, 2)).append(";\n");
    return out.toString();
  }

  private void function(int index) {
    int params = 1 + random.nextInt(3);
    boolean[] lists = new boolean[params];
    List<Var> vars = new ArrayList<>();
    String returns = List.of("int", "decimal", "string", "list").get(random.nextInt(4));
    out.append(returns).append(" f").append(index).append("(");
    for (int p = 0; p < params; p++) {
      lists[p] = p > 0 && random.nextInt(3) == 0;
      String type = lists[p] ? "list" : p > 0 && random.nextInt(5) > 0 ? "decimal" : "int";
      out.append(p > 0 ? ", " : "").append(type).append(" p").append(p);
      vars.add(new Var("p" + p, lists[p]));
    }
    out.append(")\n{\n");
    current = new Fn("f" + index, lists);
    depth = 1;
    loops = 0;
    indent().append("if (p0 == null || p0 <= 0 || p0 > 5)\n");
    indent().append("{\n");
    indent().append("\treturn ").append(returned(returns, vars)).append(";\n");
    indent().append("}\n");
    this.returns = returns;
    block(vars, 3 + random.nextInt(5));
    indent().append("return ").append(returned(returns, vars)).append(";\n");
    out.append("}\n");
    functions.add(current);
  }

  private String returns;

  /** A value of the declared return type (rarely another: an error at the return). */
  private String returned(String type, List<Var> vars) {
    if (random.nextInt(30) == 0) {
      return wild(vars);
    }
    return switch (type) {
      case "list" -> list(vars, 1);
      case "int" -> "(" + num(vars, 1) + ").round(0).toLong()";
      default -> num(vars, 2);
    };
  }

  private StringBuilder indent() {
    return out.append("\t".repeat(depth));
  }

  private void block(List<Var> vars, int statements) {
    List<Var> scope = new ArrayList<>(vars); // what a block assigns is not known to be set after it
    for (int i = 0; i < statements; i++) {
      statement(scope);
    }
  }

  private void statement(List<Var> vars) {
    switch (random.nextInt(depth > 3 ? 4 : 10)) {
      case 0, 1 -> assign(vars);
      case 2 -> indent().append("info ").append(random.nextInt(4) == 0 ? list(vars, 1) : num(vars, 2)).append(";\n");
      case 3 -> {
        if (loops > 0 && random.nextInt(3) == 0) {
          indent().append(random.nextBoolean() ? "break" : "continue").append(";\n");
        } else if (random.nextInt(8) == 0) {
          indent().append(random.nextBoolean() ? "throw \"stop \" + " + num(vars, 1) : "return "
              + returned(returns, vars)).append(";\n");
        } else {
          List<Var> lists = vars.stream().filter(Var::list).toList();
          if (!lists.isEmpty() && random.nextBoolean()) {
            indent().append(lists.get(random.nextInt(lists.size())).name()).append(".add(").append(num(vars, 1))
                .append(");\n");
          } else {
            indent().append(callee(vars)).append(";\n");
          }
        }
      }
      case 4, 5, 6 -> {
        indent().append("if (").append(condition(vars, 2)).append(")\n");
        body(vars);
        if (random.nextBoolean()) {
          indent().append("else if (").append(condition(vars, 2)).append(")\n");
          body(vars);
        }
        if (random.nextBoolean()) {
          indent().append("else\n");
          body(vars);
        }
      }
      default -> {
        String name = "e" + names++;
        boolean index = random.nextInt(4) == 0;
        indent().append("for each ").append(index ? "index " : "").append(name).append(" in ").append(list(vars, 1))
            .append("\n");
        List<Var> inner = new ArrayList<>(vars);
        inner.add(new Var(name, false));
        loops++;
        body(inner);
        loops--;
      }
    }
  }

  private void assign(List<Var> vars) {
    List<Var> numbers = vars.stream().filter(v -> !v.list()).toList();
    if (!numbers.isEmpty() && random.nextBoolean()) {
      Var v = numbers.get(random.nextInt(numbers.size()));
      String op = List.of("=", "+=", "-=", "*=", "=", "=").get(random.nextInt(6));
      indent().append(v.name()).append(" ").append(op).append(" ").append(num(vars, 2)).append(";\n");
      return;
    }
    boolean list = random.nextInt(4) == 0;
    String name = "v" + names++;
    indent().append(name).append(" = ").append(list ? list(vars, 1) : num(vars, 3)).append(";\n");
    vars.add(new Var(name, list));
  }

  private void body(List<Var> vars) {
    indent().append("{\n");
    depth++;
    block(vars, 1 + random.nextInt(3));
    depth--;
    indent().append("}\n");
  }

  /** A call of an earlier function, or of the current one with a smaller first argument. */
  private String callee(List<Var> vars) {
    if (current != null && (functions.isEmpty() || random.nextInt(3) == 0)) {
      return call(current, vars, 1);
    }
    if (functions.isEmpty()) {
      return "info " + num(vars, 1);
    }
    return call(functions.get(random.nextInt(functions.size())), vars, 1);
  }

  private String call(Fn f, List<Var> vars, int budget) {
    StringBuilder call = new StringBuilder(f.name()).append("(");
    for (int p = 0; p < f.listParams().length; p++) {
      call.append(p > 0 ? ", " : "");
      if (p == 0) {
        call.append(f == current ? "p0 - " + (1 + random.nextInt(2)) : String.valueOf(random.nextInt(6)));
      } else {
        call.append(f.listParams()[p] ? list(vars, budget) : num(vars, budget));
      }
    }
    return call.append(")").toString();
  }

  private String list(List<Var> vars, int budget) {
    List<Var> lists = vars.stream().filter(Var::list).toList();
    if (!lists.isEmpty() && random.nextBoolean()) {
      return lists.get(random.nextInt(lists.size())).name();
    }
    StringBuilder l = new StringBuilder("{");
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      l.append(i > 0 ? ", " : "").append(num(vars, budget - 1));
    }
    return l.append("}").toString();
  }

  private String condition(List<Var> vars, int budget) {
    String[] ops = {"<", "<=", ">", ">=", "==", "!="};
    String c = num(vars, budget - 1) + " " + ops[random.nextInt(ops.length)] + " " + num(vars, budget - 1);
    return switch (budget <= 0 ? 9 : random.nextInt(10)) {
      case 0 -> "(" + c + " && " + condition(vars, budget - 1) + ")";
      case 1 -> "(" + c + " || " + condition(vars, budget - 1) + ")";
      case 2 -> "!(" + c + ")";
      case 3 -> random.nextInt(10) == 0 ? wild(vars) : "true"; // not a BOOLEAN: an error at the condition
      default -> c;
    };
  }

  /** A NUMBER or DECIMAL expression (TEXT now and then: {@code +} concatenates, other operators fail). */
  private String num(List<Var> vars, int budget) {
    List<Var> numbers = vars.stream().filter(v -> !v.list()).toList();
    int kind = budget <= 0 ? random.nextInt(3) : random.nextInt(40);
    return switch (kind) {
      case 0, 10 -> literal();
      case 1, 2, 11, 12 -> numbers.isEmpty() ? literal() : numbers.get(random.nextInt(numbers.size())).name();
      case 3, 4, 5, 13, 14 -> "(" + num(vars, budget - 1) + " " + "+-*+-*+/%".charAt(random.nextInt(9)) + " "
          + num(vars, budget - 1) + ")";
      case 6 -> "-" + num(vars, budget - 1);
      case 7 -> "if(" + condition(vars, budget - 1) + ", " + num(vars, budget - 1) + ", " + num(vars, budget - 1)
          + ")";
      case 8 -> "ifnull(" + num(vars, budget - 1) + ", " + literal() + ")";
      case 9 -> list(vars, budget - 1) + ".size()";
      case 15 -> functions.isEmpty() ? literal() : call(functions.get(random.nextInt(functions.size())), vars, 0);
      case 16 -> wild(vars);
      case 17 -> "ifnull(" + list(vars, budget - 1) + ".get(0), 0)";
      case 18, 19 -> numbers.isEmpty() ? literal() : numbers.get(random.nextInt(numbers.size())).name();
      case 20, 21, 22, 23, 24 -> "(" + num(vars, budget - 1) + " " + "+-*+-".charAt(random.nextInt(5)) + " "
          + literal() + ")";
      default -> literal();
    };
  }

  /** Any value: a list, a text, a boolean, null. */
  private String wild(List<Var> vars) {
    return switch (random.nextInt(5)) {
      case 0 -> list(vars, 0);
      case 1 -> "\"t" + random.nextInt(10) + "\"";
      case 2 -> random.nextBoolean() ? "true" : "false";
      case 3 -> "null";
      default -> vars.get(random.nextInt(vars.size())).name() + ".toString()";
    };
  }

  private String literal() {
    return switch (random.nextInt(12)) {
      case 0 -> String.valueOf(random.nextInt(4) - 1);
      case 1 -> random.nextInt(4) == 0 ? "9000000000000000000" : "3000000000";
      case 2, 3 -> random.nextInt(100) + "." + random.nextInt(100);
      default -> String.valueOf(random.nextInt(30));
    };
  }
}
