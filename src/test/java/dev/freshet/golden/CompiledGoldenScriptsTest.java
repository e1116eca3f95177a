package dev.freshet.golden;

/**
 * The golden suite with every user function compiled at its first call and every top level at its first run
 * ({@code freshet.compile=eager}), so each one the tier supports runs as bytecode.
 */
class CompiledGoldenScriptsTest extends ForcedTierGoldens {
  @Override
  String mode() {
    return "eager";
  }
}
