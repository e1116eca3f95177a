package dev.freshet.builtins;

import java.util.List;

/** The families that make up Deluge's standard library, in registration order. */
final class StandardLibraries {
  private StandardLibraries() {}

  /** Map functions come before list functions so that an undecided {@code {}} reads as an empty map. */
  static final List<Library> ALL = List.of(new TextLib(), new TextSearchLib(), new MapLib(), new ListLib(),
      new ListMathLib(), new CollectionLib(), new NumberLib(), new ConvertLib(), new JsonLib(), new DateLib(),
      new DateExtrasLib(), new EncodingLib(), new AesLib(), new XmlLib(), new WebLib(), new FileLib());
}
