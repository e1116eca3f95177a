package dev.freshet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed {@code assert} shows the value of every subexpression of its condition, and the line as written. */
class PowerAssertTest {
  @TempDir
  Path dir;

  @Test
  void aFailedAssertShowsEverySubexpressionAndTheLineAsWritten() {
    ProjectDir p = new ProjectDir(dir)
        .file("functions/f.dg", """
            map lookup(string name)
            {
                return {"status": "success", "name": name, "tags": {"a", "b"}};
            }
            """)
        .file("tests/a.test.dg", """
            void test_status()
            {
                result = lookup("Ada");
                limit = 1;
                assert(result.get("status") == "duplicate" || result.get("tags").size() > limit + 1);
            }
            void test_passes_and_loops()
            {
                for each  i in {1, 2, 3}
                {
                    assert(i > 0 && (i < 3 || i == 3), "in range");
                }
            }
            void test_short_circuit_and_message()
            {
                x = 5;
                assert(x < 3 && lookup("never").get("status") == "x", "x is small");
            }
            """);
    ProjectDir.Run r = p.test();
    assertEquals(1, r.exit(), r.all());
    assertTrue(r.out().contains("""
          tests/a.test.dg:5:5: runtime error: assert failed: result.get("status") == "duplicate" || \
        result.get("tags").size() > limit + 1
              assert(result.get("status") == "duplicate" || result.get("tags").size() > limit + 1);
              ^
            in test_status(), called from tests/a.test.dg (test_status):1:1
            result.get("status") == "duplicate" = false (BOOLEAN)
            result.get("status") = "success" (TEXT)
            result = {"status":"success","name":"Ada","tags":["a","b"]} (MAP)
            result.get("tags").size() > limit + 1 = false (BOOLEAN)
            result.get("tags").size() = 2 (NUMBER)
            result.get("tags") = ["a","b"] (LIST)
            limit + 1 = 2 (NUMBER)
            limit = 1 (NUMBER)
        """), r.out());
    assertTrue(r.out().contains("✓ test_passes_and_loops"), r.out());
    assertTrue(r.out().contains("runtime error: x is small (assert failed: x < 3 && lookup(\"never\")"
        + ".get(\"status\") == \"x\")\n"), r.out());
    assertTrue(r.out().contains("    x < 3 = false (BOOLEAN)\n    x = 5 (NUMBER)\n"), r.out());
    assertFalse(r.out().contains("\n    lookup(\"never\")"), "not evaluated, not shown: " + r.out());
    assertFalse(r.all().contains("freshetAssert"), "the rewriting is never seen: " + r.all());
  }

  @Test
  void aRuntimeErrorOnAnAssertLineShowsTheLineAsWritten() {
    ProjectDir p = new ProjectDir(dir).file("tests/a.test.dg", """
        void test_x()
        {
            m = {"a": 1};
            assert(m.get("a").toList().get(5) == 1);
        }
        """);
    ProjectDir.Run r = p.test();
    assertEquals(1, r.exit(), r.all());
    assertTrue(r.out().contains("tests/a.test.dg:4:32: runtime error: get: index 5 is out of range for a LIST of"
        + " size 1 (indexes go from 0 to 0)\n      assert(m.get(\"a\").toList().get(5) == 1);\n"
        + "                                 ^\n"), "the column as written: " + r.out());
    assertFalse(r.all().contains("freshetAssert"), r.all());
  }
}
