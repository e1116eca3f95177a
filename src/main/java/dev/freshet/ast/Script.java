package dev.freshet.ast;

import dev.freshet.source.SourceFile;
import java.util.List;

/** A parsed file: its function definitions and its top-level statements, in source order. */
public record Script(SourceFile source, List<FunctionDecl> functions, List<Stmt> statements) {}
