package dev.freshet.ast;

import dev.freshet.source.Span;
import java.util.List;

/**
 * {@code <type> [prefix.]name(<type> arg, …) { … }}. {@code qualifiedName} keeps prefixes such as
 * {@code automation.}; functions are called by {@code name}, the last part.
 */
public record FunctionDecl(String returnType, String qualifiedName, String name, List<Parameter> params,
    List<Stmt> body, Span span) {

  public record Parameter(String type, String name, Span span) {}
}
