package dev.freshet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** samples/testing runs green offline, as in CI, from its committed cassettes, and changes none of its files. */
class TestingSampleTest {
  @TempDir
  Path home;

  @Test
  void theSampleProjectPassesOfflineInCi() throws IOException {
    Path sample = Path.of("samples/testing");
    Map<String, String> before = files(sample);
    ProjectDir p = new ProjectDir(sample);
    p.env.put("FRESHET_HOME", home.toString()); // no connection store: replay needs none
    p.env.put("CI", "true");
    ProjectDir.Run r = p.test();
    assertEquals(0, r.exit(), r.all());
    assertEquals("""
        freshet test: record mode replay (CI=true)
        tests/crm/createContact.test.dg
          ✓ test_creates_contact_and_returns_id
          ✓ test_duplicate_email_is_reported
          ✓ test_crm_outage_is_handled
          ✓ test_rejects_bad_email

        HTTP: 2 replayed, 0 recorded, 0 live, 0 unused, 1 stubbed

        4 passed, 0 failed, 0 skipped
        """, r.out());
    assertEquals(before, files(sample));
  }

  private static Map<String, String> files(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(f).toString(), Files.readString(f));
      }
    }
    return out;
  }
}
