package dev.freshet.compile;

import dev.freshet.ast.FunctionDecl;
import dev.freshet.builtins.BuiltinRegistry;
import dev.freshet.check.Resolution;
import java.util.function.Function;

/** What one compilation needs: the resolver's answers, the built-ins, the functions' callees, and who is compiled. */
record Unit(Resolution resolution, BuiltinRegistry registry, Function<FunctionDecl, Callee> callees,
    FunctionDecl function, String className, String invokeDescriptor) {}
