package dev.freshet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The github reporter: ::error annotations at the failing Deluge line, and the step summary, with no secret. */
class GitHubReporterTest {
  static final String SECRET = "gh-secret-value-93ad1f";

  @TempDir
  Path dir;

  private ProjectDir project() {
    ProjectDir p = new ProjectDir(dir)
        .file("functions/f.dg", """
            string fetch()
            {
                return invokeurl [ url: "https://api.example.com/x" type: GET ];
            }
            """)
        .file("tests/a.test.dg", """
            void test_ok()
            {
            }
            // @arg key env:GH_KEY
            void test_bad(string key)
            {
                assertEquals("a, b: 100%", key);
            }
            void test_miss()
            {
                fetch();
            }
            """);
    p.env.put("GH_KEY", SECRET);
    p.env.put("CI", "true");
    return p;
  }

  @Test
  void annotationsPointAtTheAssertionAndAtTheUnansweredCall() throws IOException {
    ProjectDir p = project();
    p.env.put("GITHUB_ACTIONS", "true");
    p.env.put("GITHUB_STEP_SUMMARY", "summary.md");
    ProjectDir.Run r = p.test();
    assertEquals(1, r.exit(), r.all());
    assertTrue(r.out().startsWith("freshet test: record mode replay (CI=true)\n"), "pretty stays: " + r.out());
    assertTrue(r.out().contains("::error file=tests/a.test.dg,line=7,col=5,title=tests/a.test.dg › test_bad::"
        + "tests/a.test.dg:7:5: runtime error: assertEquals: $: expected \"a, b: 100%25\" (TEXT), got"
        + " \"<redacted:env:gh_key#1>\" (TEXT)%0A"), r.out());
    assertTrue(r.out().contains("\n::error file=functions/f.dg,line=3,col=5,title=tests/a.test.dg › test_miss::"
        + "functions/f.dg:3:5: runtime error: no cassette to answer GET https://api.example.com/x — mode replay%0A"),
        r.out());
    assertTrue(r.out().endsWith("1 passed, 2 failed, 0 skipped\n::error file=tests/a.test.dg,line=7,col=5,title="
        + "tests/a.test.dg › test_bad::" + r.out().split("test_bad::", 2)[1]), "annotations come last: " + r.out());
    assertFalse(r.out().contains("::error file=tests/a.test.dg,line=1"), "no annotation for a pass: " + r.out());
    String summary = p.read("summary.md");
    assertTrue(summary.startsWith("### freshet test\n\n1 passed, 2 failed, 0 skipped\n\n| Test | Result | Where |"
        + " Message |\n|---|---|---|---|\n| `tests/a.test.dg::test_bad` | failed | tests/a.test.dg:7 |"), summary);
    assertTrue(summary.contains("| `tests/a.test.dg::test_miss` | error | functions/f.dg:3 |"), summary);
    assertFalse((r.all() + summary).contains(SECRET), r.all() + summary);
  }

  @Test
  void onlyWithGithubActionsOrWhenAsked() {
    ProjectDir p = project();
    assertFalse(p.test().out().contains("::error"));
    ProjectDir.Run asked = p.test("--reporter", "github", "--reporter", "tap");
    assertTrue(asked.out().contains("::error file=tests/a.test.dg,line=7,col=5"), asked.out());
    assertTrue(asked.out().contains("TAP version 14") && !asked.out().contains("✗"), asked.out());
  }
}
