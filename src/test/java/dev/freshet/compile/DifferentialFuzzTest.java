package dev.freshet.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.api.Engine;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Generated programs run in the tree-walker alone and with every function compiled from its first call: output,
 * value, statement count, and each error with its position and call chain must be the same.
 */
class DifferentialFuzzTest {
  static final int PROGRAMS = Integer.getInteger("freshet.fuzz.programs", 200);

  @Test
  void bothTiersAgreeOnGeneratedPrograms() {
    UnaryOperator<Engine.Builder> limits = b -> b.maxStatements(5_000).maxDepth(40);
    Engine interpreter = Tiers.engine(false, limits);
    Engine compiler = Tiers.engine(true, limits);
    int compiledBefore = FunctionCompiler.compiledCount();
    int ran = 0;
    for (int seed = 0; seed < PROGRAMS; seed++) {
      String program = new ProgramGenerator(seed).program();
      String interpreted = Tiers.outcome(interpreter, program);
      if (interpreted.startsWith("!! CompileException")) {
        continue; // the generator's rare slip (e.g. a name the checker rejects): nothing to compare
      }
      ran++;
      assertEquals(interpreted, Tiers.outcome(compiler, program), "program " + seed + ":\n" + program);
    }
    assertTrue(ran > PROGRAMS * 9 / 10, "only " + ran + " of " + PROGRAMS + " generated programs compiled");
    assertTrue(FunctionCompiler.compiledCount() - compiledBefore > ran, "the compiled tier took too few functions: "
        + FunctionCompiler.statistics());
    assertEquals(java.util.List.of(), FunctionCompiler.failures());
    System.out.println(ran + " generated programs agree; " + FunctionCompiler.statistics());
  }

  /** The same programs with each loop switching to its compiled code at its second iteration. */
  @Test
  void loopsCompiledInTheirMiddleAgreeWithTheTreeWalker() {
    UnaryOperator<Engine.Builder> limits = b -> b.maxStatements(5_000).maxDepth(40);
    Engine interpreter = Tiers.engine(false, limits);
    Engine loops = Tiers.loopsEngine(limits);
    int compiledBefore = FunctionCompiler.compiledCount();
    int ran = 0;
    for (int seed = 0; seed < PROGRAMS; seed++) {
      String program = new ProgramGenerator(seed).program();
      String interpreted = Tiers.outcome(interpreter, program);
      if (interpreted.startsWith("!! CompileException")) {
        continue;
      }
      ran++;
      assertEquals(interpreted, Tiers.outcome(loops, program), "program " + seed + ":\n" + program);
    }
    assertTrue(FunctionCompiler.compiledCount() - compiledBefore > ran / 4, "the tier took too few loops: "
        + FunctionCompiler.statistics());
    assertEquals(java.util.List.of(), FunctionCompiler.failures());
    System.out.println(ran + " generated programs agree with loops compiled; " + FunctionCompiler.statistics());
  }
}
