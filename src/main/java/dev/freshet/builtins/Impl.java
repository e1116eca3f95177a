package dev.freshet.builtins;

import dev.freshet.runtime.Env;

/**
 * A built-in's code. {@code args} holds the arguments already checked against the declared parameters; for the method
 * form {@code x.fn(a)} the receiver {@code x} is {@code args[0]}. Optional arguments that were left out are absent
 * (the array is shorter).
 */
@FunctionalInterface
public interface Impl {
  Object call(Env env, Object[] args);
}
