package dev.freshet.builtins;

/** A family of built-ins (text, list, map, …) that declares its functions into a registry. */
public interface Library {
  void register(BuiltinRegistry registry);
}
