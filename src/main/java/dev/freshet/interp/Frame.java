package dev.freshet.interp;

/** The variables of one function activation (or of the top level), by slot. */
final class Frame {
  final Object[] slots;
  final Run run;
  Object returned;
  /** Where the last {@code return} ran, for return-type errors. */
  dev.freshet.source.Span returnedAt;

  Frame(int size, Run run) {
    this.slots = new Object[size];
    this.run = run;
  }
}
