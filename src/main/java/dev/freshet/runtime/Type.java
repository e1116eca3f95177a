package dev.freshet.runtime;

/** The Deluge types as users see them in messages and docs. */
public enum Type {
  TEXT("TEXT"),
  NUMBER("NUMBER"),
  DECIMAL("DECIMAL"),
  BOOLEAN("BOOLEAN"),
  DATE_TIME("DATE-TIME"),
  LIST("LIST"),
  MAP("MAP"),
  COLLECTION("COLLECTION"),
  FILE("FILE"),
  ERROR("ERROR"),
  NULL("NULL");

  private final String display;

  Type(String display) {
    this.display = display;
  }

  /** The name Deluge users know, e.g. {@code DATE-TIME}. */
  public String display() {
    return display;
  }

  @Override
  public String toString() {
    return display;
  }
}
