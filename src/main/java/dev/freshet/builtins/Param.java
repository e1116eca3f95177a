package dev.freshet.builtins;

/** One declared parameter of a built-in: its name for docs and messages, what it accepts, whether it may be left out. */
public record Param(String name, ParamType type, boolean optional) {}
