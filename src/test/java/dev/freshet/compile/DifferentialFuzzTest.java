package dev.freshet.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.api.Engine;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Generated programs run in the tree-walker alone, with every function compiled from its first call, and with every
 * loop switching to compiled code at its second iteration: output, value, statement count, and each error with its
 * position and call chain must be the same.
 */
class DifferentialFuzzTest {
  static final int PROGRAMS = Integer.getInteger("freshet.fuzz.programs", 200);
  private static final UnaryOperator<Engine.Builder> LIMITS = b -> b.maxStatements(5_000).maxDepth(40);

  @Test
  void bothTiersAgreeOnGeneratedPrograms() {
    int compiledBefore = FunctionCompiler.compiledCount();
    int ran = agree(Tiers.engine(true, LIMITS));
    assertTrue(ran > PROGRAMS * 9 / 10, "only " + ran + " of " + PROGRAMS + " generated programs compiled");
    assertTrue(FunctionCompiler.compiledCount() - compiledBefore > ran, "the compiled tier took too few functions: "
        + FunctionCompiler.statistics());
    System.out.println(ran + " generated programs agree; " + FunctionCompiler.statistics());
  }

  @Test
  void loopsCompiledInTheirMiddleAgreeWithTheTreeWalker() {
    int compiledBefore = FunctionCompiler.compiledCount();
    int ran = agree(Tiers.loopsEngine(LIMITS));
    assertTrue(FunctionCompiler.compiledCount() - compiledBefore > ran / 4, "the tier took too few loops: "
        + FunctionCompiler.statistics());
    System.out.println(ran + " generated programs agree with loops compiled; " + FunctionCompiler.statistics());
  }

  /** Runs each generated program in the tree-walker and on {@code other}; returns how many ran (compiled). */
  private static int agree(Engine other) {
    Engine interpreter = Tiers.engine(false, LIMITS);
    int ran = 0;
    for (int seed = 0; seed < PROGRAMS; seed++) {
      String program = new ProgramGenerator(seed).program();
      String interpreted = Tiers.outcome(interpreter, program);
      if (interpreted.startsWith("!! CompileException")) {
        continue; // the generator's rare slip (e.g. a name the checker rejects): nothing to compare
      }
      ran++;
      assertEquals(interpreted, Tiers.outcome(other, program), "program " + seed + ":\n" + program);
    }
    assertEquals(java.util.List.of(), FunctionCompiler.failures());
    return ran;
  }
}
