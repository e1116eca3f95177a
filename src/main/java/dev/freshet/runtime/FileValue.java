package dev.freshet.runtime;

/** A FILE value: bytes with a name and content type, as invokeurl downloads return. */
public record FileValue(String name, String contentType, byte[] bytes) {
  @Override
  public String toString() {
    return name == null ? "" : name;
  }
}
