package dev.freshet.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The name index that lets the standard libraries register lazily must match what they register. */
class BuiltinIndexTest {
  @Test
  void theIndexIsUpToDate() {
    assertEquals(BuiltinIndex.text(), BuiltinIndexText.TEXT,
        "BuiltinIndexText is stale; regenerate it as the BuiltinIndex Javadoc says");
  }

  @Test
  void aLazyRegistryAnswersExactlyAsAnEagerOne() {
    BuiltinRegistry lazy = BuiltinRegistry.standard();
    BuiltinRegistry eager = BuiltinRegistry.standard();
    eager.entries(); // registers everything
    // looked up one by one, in an order unlike registration, overloads still come in registration order
    List<String> names = BuiltinRegistry.computeIndex().keySet().stream().sorted(java.util.Comparator.reverseOrder())
        .toList();
    for (String name : names) {
      assertEquals(signatures(eager.lookup(name)), signatures(lazy.lookup(name)), name);
      assertEquals(eager.systemValue(name) == null, lazy.systemValue(name) == null, name);
      assertEquals(eager.familyOfValue(name), lazy.familyOfValue(name), name);
    }
    assertEquals(eager.entries().stream().map(e -> e.family() + ":" + e.builtin().signature()).toList(),
        lazy.entries().stream().map(e -> e.family() + ":" + e.builtin().signature()).toList());
    assertEquals(eager.families(), lazy.families());
  }

  @Test
  void aScriptThatUsesNoBuiltInRegistersNoLibrary() {
    BuiltinRegistry r = BuiltinRegistry.standard();
    assertEquals(List.of(), r.lookup("noSuchFunction"));
    assertEquals(0, r.loadedLibraries());
    r.lookup("toUpperCase");
    assertEquals(1, r.loadedLibraries());
  }

  private static List<String> signatures(List<Builtin> overloads) {
    return overloads.stream().map(b -> b.signature() + (b.method() ? " m" : "") + (b.global() ? " g" : "")).toList();
  }
}
