package dev.freshet.testing;

import java.util.Locale;

/** What a test does with its cassette (TESTING.md §2.4); each mode also answers to the names other tools use. */
public enum RecordMode {
  /** Replay only; a missing cassette or an unmatched request is an error. */
  REPLAY("none", "lockdown"),
  /** Replay when the cassette exists, else record everything (the default outside CI). */
  ONCE,
  /** Replay what matches, record and append what does not. */
  NEW("new_episodes"),
  /** Record everything afresh; the new file replaces the old at the end. */
  REWRITE("all", "update"),
  /** Neither read nor write a cassette: every call goes to the network. */
  LIVE("passthrough", "wild"),
  /** Call the network and compare with the cassette: report drift, never write. */
  CHECK;

  private final String[] aliases;

  RecordMode(String... aliases) {
    this.aliases = aliases;
  }

  /** @throws IllegalArgumentException naming the modes, for an unknown one */
  public static RecordMode parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (RecordMode m : values()) {
      if (m.name().toLowerCase(Locale.ROOT).equals(n) || java.util.Arrays.asList(m.aliases).contains(n)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown record mode '" + name + "': use replay, once, new, rewrite, live or"
        + " check");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
