package dev.freshet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code freshet test} on small projects: discovery, setup/teardown, assertions, exit codes. */
class TestCommandTest {
  @TempDir
  Path dir;

  private ProjectDir project() {
    return new ProjectDir(dir)
        .file("functions/math/discount.dg", """
            decimal standalone.discount(decimal total)
            {
                if (total > 100)
                {
                    return total * 0.9;
                }
                return total;
            }
            """)
        .file("functions/greet.dg", """
            string greet(string name)
            {
                info "greeting " + name;
                return "Hello, " + name + "!";
            }
            """);
  }

  @Test
  void passingFailingAndSkippedTestsAreCountedAndTheExitCodeSaysSo() {
    ProjectDir p = project().file("tests/math/discount.test.dg", """
        void test_big_orders_get_ten_percent()
        {
            assertEquals(180.0, standalone.discount(200));
        }
        void test_types_matter()
        {
            assertEquals("1", 1);
        }
        void test_not_yet()
        {
            skip("waiting for the tax rules");
        }
        void helper()
        {
        }
        """);
    ProjectDir.Run r = p.test();
    assertEquals(1, r.exit(), r.all());
    assertTrue(r.out().contains("✓ test_big_orders_get_ten_percent"), r.out());
    assertTrue(r.out().contains("✗ test_types_matter"), r.out());
    assertTrue(r.out().contains("↷ test_not_yet  (skipped: waiting for the tax rules)"), r.out());
    assertTrue(r.out().contains("assertEquals: $: expected \"1\" (TEXT), got 1 (NUMBER)"), r.out());
    assertTrue(r.out().contains("tests/math/discount.test.dg:7:5"), r.out());
    assertTrue(r.out().endsWith("1 passed, 1 failed, 1 skipped\n"), r.out());
    assertFalse(r.out().contains("helper"), r.out());
  }

  @Test
  void setupAndTeardownRunAroundEachTestAndFailuresCannotBeCaught() {
    ProjectDir p = project().file("tests/greet.test.dg", """
        void setup()
        {
            info "setup";
        }
        void teardown()
        {
            info "teardown";
        }
        void test_greets()
        {
            assertEquals("Hello, Ada!", greet("Ada"));
            assertEquals(list("setup", "greeting Ada"), infoLog());
        }
        void test_fail_is_not_swallowed_by_catch()
        {
            try
            {
                fail("expected an error");
            }
            catch (e)
            {
                info "caught";
            }
        }
        """);
    ProjectDir.Run r = p.test();
    assertEquals(1, r.exit(), r.all());
    assertTrue(r.out().contains("✓ test_greets"), r.out());
    assertTrue(r.out().contains("expected an error"), r.out());
    assertFalse(r.out().contains("caught"), r.out());
    assertTrue(r.out().contains("teardown"), r.out()); // the failed test's info log shows teardown ran
  }

  @Test
  void allPassingExitsZeroAndFileColonColonNameRunsOneTest() {
    ProjectDir p = project().file("tests/a.test.dg", """
        void test_one()
        {
            assert(greet("x") == "Hello, x!");
        }
        void test_two()
        {
            fail("not run");
        }
        """);
    ProjectDir.Run r = p.test("tests/a.test.dg::test_one");
    assertEquals(0, r.exit(), r.all());
    assertTrue(r.out().endsWith("1 passed, 0 failed, 0 skipped\n"), r.out());
    ProjectDir.Run filtered = p.test("--filter", "two$");
    assertEquals(1, filtered.exit(), filtered.all());
    assertTrue(filtered.out().endsWith("0 passed, 1 failed, 0 skipped\n"), filtered.out());
  }

  @Test
  void aFileThatDoesNotCheckExits65AndBadUsageExits64() {
    ProjectDir p = project().file("tests/bad.test.dg", """
        void test_x()
        {
            assertEquals(1, undefinedName);
        }
        """);
    ProjectDir.Run r = p.test();
    assertEquals(65, r.exit(), r.all());
    assertTrue(r.err().contains("tests/bad.test.dg:3:21"), r.err());
    assertEquals(64, p.test("--jobs", "0").exit());
    assertEquals(64, p.test("tests/none.test.dg").exit());
    assertEquals(64, p.test("tests/bad.test.dg::test_missing").exit());
  }

  @Test
  void sendmailIsCapturedNeverSentAndFixturesAreRead() {
    ProjectDir p = project()
        .file("tests/fixtures/contacts/ada.json", "{\"Email\": \"ada@example.com\", \"Age\": 36}")
        .file("tests/mail.test.dg", """
            void test_mail()
            {
                ada = fixture("contacts/ada.json");
                sendmail
                [
                    from: zoho.adminuserid
                    to: ada.get("Email")
                    subject: "Hi"
                    message: "Hello"
                ];
                mails = sentMail();
                assertEquals(1, mails.size());
                assertEquals("ada@example.com", mails.get(0).get("to").get(0));
                assertEquals(36, ada.get("Age"));
            }
            """);
    ProjectDir.Run r = p.test();
    assertEquals(0, r.exit(), r.all());
  }

  @Test
  void noTestsExits5() {
    assertEquals(5, project().test().exit());
  }

  @Test
  void stubsAnswerBeforeAnyNetworkAndAreNeverRecorded() {
    ProjectDir p = project()
        .file("functions/orders.dg", """
            string placeOrder()
            {
                try
                {
                    r = invokeurl
                    [
                        url: "https://orders.invalid/api/orders?x=1"
                        type: POST
                        body: {"item": "tea"}
                        detailed: true
                    ];
                    if (r.get("responseCode") >= 500)
                    {
                        return "retry_later";
                    }
                    return r.get("responseText").get("id");
                }
                catch (e)
                {
                    return "network: " + e;
                }
            }
            """)
        .file("tests/orders.test.dg", """
            void test_outage()
            {
                stub
                [
                    url: "https://orders.invalid/api/orders"
                    type: POST
                    status: 503
                    body: {"code": "DOWN"}
                ];
                assertEquals("retry_later", placeOrder());
                assertCalled("POST", "https://orders.invalid/api/orders", 1);
            }
            void test_created()
            {
                stub [ url: "https://orders.invalid/api/orders" status: 201 body: {"id": "o-1"} ];
                assertEquals("o-1", placeOrder());
            }
            void test_timeout()
            {
                stub [ url: "https://orders.invalid/api/orders" fault: "timeout" ];
                assertContains(placeOrder(), "timed out");
            }
            """);
    ProjectDir.Run r = p.test();
    assertEquals(0, r.exit(), r.all());
    assertFalse(p.exists("tests/cassettes"), "stubbed calls are never recorded");
  }

  @Test
  void tapJsonAndJunitReportersDescribeTheSameRun() throws java.io.IOException {
    ProjectDir p = project().file("tests/a.test.dg", """
        void test_ok()
        {
            info "hello <world>";
        }
        void test_bad()
        {
            assertTrue(false, "it is false");
        }
        void test_later()
        {
            skip("later");
        }
        """);
    ProjectDir.Run tap = p.test("--reporter", "tap", "--junit-path", "build/junit.xml");
    assertEquals(1, tap.exit(), tap.all());
    assertTrue(tap.out().startsWith("TAP version 14\n1..3\nok 1 - tests/a.test.dg > test_ok\n"
        + "not ok 2 - tests/a.test.dg > test_bad\n  ---\n  severity: fail\n  at: {file: tests/a.test.dg, line: 7, column: 5}\n"
        + "  message: |\n    tests/a.test.dg:7:5: runtime error: it is false"), tap.out());
    assertTrue(tap.out().endsWith("  ...\nok 3 - tests/a.test.dg > test_later # SKIP later\n"
        + "# 1 passed, 1 failed, 1 skipped\n"), tap.out());
    String xml = p.read("build/junit.xml");
    assertTrue(xml.contains("<testsuite name=\"tests/a.test.dg\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\""),
        xml);
    assertTrue(xml.contains("<failure type=\"AssertionFailed\" message=\"tests/a.test.dg:7:5: runtime error: it is false"),
        xml);
    assertTrue(xml.contains("<system-out>hello &lt;world&gt;</system-out>"), xml);
    ProjectDir.Run json = p.test("--reporter", "json");
    assertTrue(json.out().contains("{\"event\":\"test\",\"file\":\"tests/a.test.dg\",\"name\":\"test_ok\",\"line\":1,"
        + "\"status\":\"passed\""), json.out());
    assertTrue(json.out().endsWith("{\"event\":\"end\",\"passed\":1,\"failed\":1,\"skipped\":1}\n"), json.out());
    assertEquals(64, p.test("--reporter", "junit").exit());
  }
}
