package dev.freshet.ast;

import dev.freshet.source.Span;

/**
 * One {@code key: value} line of a task block ({@code invokeurl}, {@code sendmail}) or a {@code field = value} of a
 * Creator insert. Keys are stored lower-case with single spaces or hyphens as written ({@code content-type},
 * {@code reply to}).
 */
public record TaskParam(String key, Expr value, Span span) {}
