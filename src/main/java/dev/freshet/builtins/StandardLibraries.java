package dev.freshet.builtins;

/**
 * The families that make up Deluge's standard library, in registration order. Created one at a time, when a script
 * first needs one: loading all sixteen classes would cost a short script's start-up more than running it.
 */
final class StandardLibraries {
  private StandardLibraries() {}

  static final int COUNT = 16;

  /** Map functions come before list functions so that an undecided {@code {}} reads as an empty map. */
  static Library create(int position) {
    return switch (position) {
      case 0 -> new TextLib();
      case 1 -> new TextSearchLib();
      case 2 -> new MapLib();
      case 3 -> new ListLib();
      case 4 -> new ListMathLib();
      case 5 -> new CollectionLib();
      case 6 -> new NumberLib();
      case 7 -> new ConvertLib();
      case 8 -> new JsonLib();
      case 9 -> new DateLib();
      case 10 -> new DateExtrasLib();
      case 11 -> new EncodingLib();
      case 12 -> new AesLib();
      case 13 -> new XmlLib();
      case 14 -> new WebLib();
      case 15 -> new FileLib();
      default -> throw new IndexOutOfBoundsException("no standard library " + position);
    };
  }
}
