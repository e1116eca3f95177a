package dev.freshet.compile;

import dev.freshet.ast.FunctionDecl;
import dev.freshet.builtins.BuiltinRegistry;
import dev.freshet.check.Resolution;
import java.util.function.Function;

/**
 * What one compilation needs: the resolver's answers, the built-ins, the functions' callees, who is compiled, and the
 * name of the script it is in (for the positions tasks are given). A function declared to return a NUMBER
 * ({@code longReturn}) returns a {@code long} from its generated method (see {@link NumberCalls}).
 */
record Unit(Resolution resolution, BuiltinRegistry registry, Function<FunctionDecl, Callee> callees,
    FunctionDecl function, String className, String invokeDescriptor, String source, int[] numberParams,
    boolean longReturn) {}
