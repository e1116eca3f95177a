package dev.freshet.golden;

/**
 * The golden suite with no function or top level compiled, and every loop proving hot at the start of its second
 * iteration, or at its second entry when it had one ({@code freshet.compile=loops}): each outermost loop the tier
 * supports switches from the tree-walker to bytecode in its middle, and must leave its variables as the tree-walker
 * does.
 */
class LoopGoldenScriptsTest extends ForcedTierGoldens {
  @Override
  String mode() {
    return "loops";
  }
}
