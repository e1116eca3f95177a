package dev.freshet.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docs/builtins.md is what the registry generates; families, aliases and pages come out as declared. */
class BuiltinDocsTest {
  private static final BuiltinRegistry R = BuiltinRegistry.standard();
  private static final Path DOCS = Path.of("docs/builtins.md");

  @Test
  void committedDocsMatchTheRegistry() throws IOException, URISyntaxException {
    String fresh = BuiltinDocs.markdown(R);
    String committed = Files.exists(DOCS) ? Files.readString(DOCS, StandardCharsets.UTF_8).replace("\r\n", "\n") : "";
    if (!fresh.equals(committed)) {
      // The build directory is the parent of test-classes (it may be moved with -Dfreshet.buildDir).
      Path buildDir = Path.of(BuiltinDocsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .getParent();
      Path written = buildDir.resolve("builtins.md");
      Files.writeString(written, fresh, StandardCharsets.UTF_8);
      fail(DOCS + " is out of date with the built-in registry" + firstDifference(committed, fresh)
          + ".\nThe fresh file is at " + written + "; copy it:\n\n    cp " + written + " " + DOCS
          + "\n\nor regenerate it from the repository root:\n\n    " + BuiltinDocs.REGENERATE + "\n");
    }
  }

  private static String firstDifference(String committed, String fresh) {
    String[] a = committed.split("\n", -1);
    String[] b = fresh.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : "<end of file>";
      String y = i < b.length ? b[i] : "<end of file>";
      if (!x.equals(y)) {
        return " (first difference at line " + (i + 1) + ":\n  committed: " + x + "\n  generated: " + y + ")";
      }
    }
    return "";
  }

  @Test
  void handWrittenNotesLiveOutsideTheGeneratedFile() {
    assertTrue(Files.exists(Path.of("docs/builtins-notes.md")), "docs/builtins-notes.md holds the hand-written notes");
    String md = BuiltinDocs.markdown(R);
    assertTrue(md.startsWith("<!-- GENERATED FILE: do not edit."), md.substring(0, 80));
    assertTrue(md.contains("(builtins-notes.md)"));
    assertTrue(md.contains(BuiltinDocs.REGENERATE));
  }

  @Test
  void everyFunctionAndAliasIsDocumentedOnceInItsFamily() {
    List<BuiltinDocs.Family> families = BuiltinDocs.families(R);
    Set<String> documented = new HashSet<>();
    for (BuiltinDocs.Family f : families) {
      for (BuiltinDocs.Function fn : f.functions()) {
        assertEquals(f.name(), fn.family());
        assertTrue(documented.add(f.name() + "/" + fn.builtin().signature()), "twice: " + fn.builtin().signature());
        for (String alias : fn.aliases()) {
          assertTrue(documented.add(f.name() + "/alias " + alias), "alias twice: " + alias);
        }
      }
    }
    for (BuiltinRegistry.Entry e : R.entries()) {
      String id = e.isAlias() ? e.family() + "/alias " + e.builtin().name() : e.family() + "/" + e.builtin().signature();
      assertTrue(documented.contains(id), "not documented: " + id);
    }
    String md = BuiltinDocs.markdown(R);
    for (SystemValue v : R.allValues()) {
      assertTrue(md.contains("| `" + v.name() + "` |"), "system value not documented: " + v.name());
    }
  }

  @Test
  void familiesAreTheLibrariesThatRegistered() {
    assertEquals("TextLib", R.families().get("Text"));
    assertEquals("TextSearchLib", R.families().get("Text search"));
    assertEquals("JsonLib", R.families().get("JSON"));
    assertEquals(StandardLibraries.COUNT, R.families().size());
    assertEquals("Text", family("subString"));
    assertEquals("Text", family("mid"));
    assertEquals("Encoding", family("zoho.encryption.base64Encode"));
    assertEquals("Date extras", R.familyOfValue("ZOHO.CURRENTTIME"));
    String md = BuiltinDocs.markdown(R);
    assertTrue(md.contains("\n## Text search\n\nDeclared in `TextSearchLib`.\n"), "family heading");
    assertTrue(md.contains("- [Date extras](#date-extras)\n"), "contents link");
  }

  private static String family(String name) {
    return R.entries().stream().filter(e -> e.builtin().name().equalsIgnoreCase(name)).findFirst().orElseThrow()
        .family();
  }

  @Test
  void familyNamesComeFromTheClassName() {
    assertEquals("Text search", Library.familyName(TextSearchLib.class));
    assertEquals("Date extras", Library.familyName(DateExtrasLib.class));
    assertEquals("AES", Library.familyName(AesLib.class));
    assertEquals("XML", Library.familyName(XmlLib.class));
    Library lambda = r -> {};
    assertEquals("Other", lambda.family());
  }

  @Test
  void hostFunctionsOutsideALibraryAreOther() {
    BuiltinRegistry r = new BuiltinRegistry();
    r.fn("shout", "Upper case | with a bar").param("text", ParamType.TEXT).returns("TEXT").alias("yell")
        .impl((env, a) -> ((String) a[0]).toUpperCase());
    r.include(new Library() {
      @Override
      public void register(BuiltinRegistry registry) {
        registry.fn("whisper", "Lower case").param("text", ParamType.TEXT).globalOnly().impl((env, a) -> a[0]);
        registry.value("host.answer", "Always 42", env -> 42L);
      }

      @Override
      public String family() {
        return "Host tools";
      }
    });
    List<BuiltinDocs.Family> families = BuiltinDocs.families(r);
    assertEquals(List.of("Host tools", BuiltinRegistry.OTHER_FAMILY), families.stream().map(BuiltinDocs.Family::name)
        .toList());
    BuiltinDocs.Function shout = families.get(1).functions().get(0);
    assertEquals(List.of("yell"), shout.aliases());
    assertEquals(List.of("text.shout()", "shout(text)"), shout.forms());
    assertEquals(List.of("whisper(text)"), families.get(0).functions().get(0).forms());
    String md = BuiltinDocs.markdown(r);
    assertTrue(md.contains("| Upper case \\| with a bar |"), md);
    assertTrue(md.contains("| `host.answer` | Host tools | Always 42 |"), md);
  }

  @Test
  void pagesFindNamesAliasesAndDottedNamesInAnyCase() {
    String page = BuiltinDocs.page(R, "SUBSTRING");
    assertNotNull(page);
    assertTrue(page.contains("  text.subString(start[, end])\n  subString(text, start[, end])\n"), page);
    assertTrue(page.contains("  end    NUMBER (optional)\n"), page);
    assertTrue(page.contains("Returns: TEXT\nAliases: subText, mid\n"), page);
    String alias = BuiltinDocs.page(R, "mid");
    assertTrue(alias.startsWith("mid is another name for subString.\n\nsubString  (Text)\n"), alias);
    String dotted = BuiltinDocs.page(R, "zoho.encryption.BASE64ENCODE");
    assertTrue(dotted.startsWith("zoho.encryption.base64Encode  (Encoding)\n\n  zoho.encryption.base64Encode("), dotted);
    assertFalse(dotted.contains(".zoho.encryption"), "dotted names are global-only: " + dotted);
    assertTrue(BuiltinDocs.page(R, "today").contains("system value"));
    assertNull(BuiltinDocs.page(R, "noSuchFunction"));
  }

  @Test
  void suggestionsForMisspeltNames() {
    assertEquals("subString", BuiltinDocs.suggest(R, "substrin"));
    assertEquals("zoho.encryption.base64Encode", BuiltinDocs.suggest(R, "base64encode"));
    assertEquals("toUpperCase", BuiltinDocs.suggest(R, "toUppercse"));
    assertNull(BuiltinDocs.suggest(R, "xyzzyplugh"));
  }

  @Test
  void listHasEveryFamilyAndAlignsNames() {
    String list = BuiltinDocs.list(R);
    for (String family : R.families().keySet()) {
      assertTrue(list.contains("\n" + family + "\n") || list.startsWith(family + "\n"), "family " + family);
    }
    assertTrue(list.contains("\nSystem values\n"), list);
    for (String block : list.split("\n\n")) {
      List<String> rows = block.lines().filter(l -> l.startsWith("  ")).toList();
      Set<Integer> columns = new HashSet<>();
      for (String row : rows) {
        columns.add(descriptionColumn(row));
      }
      assertTrue(columns.size() <= 1, "descriptions not aligned in:\n" + block);
    }
  }

  private static int descriptionColumn(String row) {
    int i = 2;
    while (row.charAt(i) != ' ') {
      i++;
    }
    while (row.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
