package dev.freshet.connections;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses the lower-case words the enums of this package are written as. */
final class Words {
  private Words() {}

  static <E extends Enum<E>> E parse(Class<E> type, String word, String what) {
    if (word != null) {
      String upper = word.trim().toUpperCase(Locale.ROOT).replace('-', '_');
      for (E e : type.getEnumConstants()) {
        if (e.name().equals(upper)) {
          return e;
        }
      }
    }
    throw new IllegalArgumentException("unknown " + what + " \"" + word + "\"; expected one of "
        + Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
            .collect(Collectors.joining(", ")));
  }
}
