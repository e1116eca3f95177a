package dev.freshet.api;

/** What a run produced: the value of a top-level {@code return} (or of the called function), and its cost. */
public record Result(Object value, long statementsExecuted) {}
