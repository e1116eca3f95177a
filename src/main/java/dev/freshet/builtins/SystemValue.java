package dev.freshet.builtins;

import dev.freshet.runtime.Env;
import java.util.function.Function;

/** A name such as {@code zoho.currenttime} or {@code today} whose value the engine supplies when read. */
public record SystemValue(String name, String doc, Function<Env, Object> supplier) {}
