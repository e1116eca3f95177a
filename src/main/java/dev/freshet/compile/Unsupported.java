package dev.freshet.compile;

/** A construct the compiled tier does not handle: the function stays with the tree-walker. */
final class Unsupported extends RuntimeException {
  Unsupported(String what) {
    super(what, null, false, false);
  }
}
