package dev.freshet.runtime;

/**
 * Text handed to the regex engine that checks the run's time limit while it is read, so that a catastrophic regular
 * expression in {@code replaceAll} or {@code matches} stops at the limit instead of running forever.
 */
public final class TimedText implements CharSequence {
  private final String text;
  private final Env env;
  private int reads;

  public TimedText(String text, Env env) {
    this.text = text;
    this.env = env;
  }

  @Override
  public char charAt(int index) {
    if ((++reads & 0xFFFF) == 0) {
      env.checkpoint();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.subSequence(start, end);
  }

  @Override
  public String toString() {
    return text;
  }
}
