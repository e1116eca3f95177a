package dev.freshet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.freshet.ast.Script;
import dev.freshet.source.Diagnostic;
import dev.freshet.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hand-written parser ({@link DirectParser}) against ANTLR's: whenever it accepts a script, ANTLR must accept it
 * too and build the equal AST (every node and span) with the equal warnings, in the same order. Checked on every
 * golden script (the malformed ones included), every sample and benchmark script, the real-world corpus under
 * /tmp/corpus/scripts when it is there, and seeded token-level mutations of all of them.
 */
class DirectParserTest {
  static final Path CORPUS = Path.of("/tmp/corpus/scripts");

  static List<Path> scripts() {
    List<Path> all = new ArrayList<>();
    for (Path root : List.of(Path.of("samples"), Path.of("src/test/resources"), Path.of("src/jmh/resources"),
        CORPUS)) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          files.filter(f -> f.toString().endsWith(".dg")).sorted().forEach(all::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return all;
  }

  /** Returns whether the direct parser took the text; fails when it differs from ANTLR. */
  static boolean same(String label, String text) {
    SourceFile source = new SourceFile(label, text);
    List<Diagnostic> directWarnings = new ArrayList<>();
    Script direct = DirectParser.parse(source, directWarnings);
    if (direct == null) {
      return false;
    }
    List<Diagnostic> antlrWarnings = new ArrayList<>();
    Script antlr;
    try {
      antlr = AntlrParser.script(source, antlrWarnings);
    } catch (SyntaxError e) {
      fail(label + ": the direct parser accepted what ANTLR rejects: " + e.diagnostics() + "\n" + text);
      return false;
    }
    assertEquals(antlr, direct, label + "\n" + text);
    assertEquals(antlrWarnings, directWarnings, label);
    return true;
  }

  @Test
  void everyScriptTheDirectParserTakesParsesTheSameWithAntlr() throws IOException {
    int taken = 0;
    List<Path> scripts = scripts();
    for (Path script : scripts) {
      if (same(script.toString(), Files.readString(script))) {
        taken++;
      }
    }
    // most scripts take the direct path (the rest use Creator's forms, forms two parses fit, or have errors)
    assertTrue(scripts.size() > 500 && taken * 10 > scripts.size() * 8,
        "the direct parser took " + taken + " of " + scripts.size() + " scripts");
  }

  @Test
  void mutatedScriptsParseTheSameOrGoToAntlr() throws IOException {
    Random random = new Random(0x51DE_C0DEL);
    String[] pieces = {";", "=", "==", "(", ")", "{", "}", "[", "]", ",", ":", ".", "-", "!", "+", "info", "if",
        "else", "for each", "index", "in", "return", "x", "1", "\"t\"", "list", "map", "zoho", "input", "&&", "/*", "*/",
        "//", "\n", "9223372036854775808", "-9223372036854775808", "1.5", ".5", "'q'", "try", "catch", "alert", "show",
        "invokeurl", "invokeurl [", "sendmail", "url:", "type: GET", "to:", "reply to:", "file:", "content-type:",
        "attachments:", "-type", ", x", "r = invokeurl [ url: u ]", "input.x", "insert into F [", "delete from",
        "F[", ":ui.add(", "cancel submit", "hide x;", "List:String()", "stub [", "😀", "\"😀\""};
    int mutants = 0;
    for (Path script : scripts()) {
      String text = Files.readString(script);
      if (text.length() > 20_000) {
        continue;
      }
      for (int k = 0; k < 6; k++) {
        int at = random.nextInt(text.length() + 1);
        String mutant = switch (k % 3) {
          case 0 -> text.substring(0, at) + pieces[random.nextInt(pieces.length)] + text.substring(at);
          case 1 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(4)));
          default -> text.substring(0, at) + " " + pieces[random.nextInt(pieces.length)] + " " + text.substring(at);
        };
        same(script + " mutant " + k, mutant);
        mutants++;
      }
    }
    assertTrue(mutants > 3000, "mutants: " + mutants);
  }

  @Test
  void hardCasesAreEitherTheSameOrLeftToAntlr() {
    String[] cases = {
        "return 1 + 1;", "x = -9223372036854775808; y = - 5; z = -(5); w = --3; v = -x.y;",
        "if (a = b = c) { info 1; } else if (d = 1 || e) {} else { info 2; }",
        "x.y(if(a = b, 1, 2)).z = if(c = d, 1, 2);", "info;", "info x;", "info = Map(); info.put(1, 2);",
        "info -x;", "info [1];", "info * 2;", "m = {\"a\": 1, \"b\": {1, 2,},}; l = [1, 2,]; e = {}; f = [];",
        "c = Collection(); d = Collection(1, 2); g = Collection(\"k\": 1); h = Map({\"a\": 1}); i = ifnull(a, b);",
        "m.insert(\"k\": 1); zoho.crm.getRecordById(\"Leads\", 1).get(\"x\"); r = zoho.currenttime.toString();",
        "string standalone.fn(list:string a, int b) { return a.size() + b; }", "list:string f() { return {}; }",
        "for each index i in l { continue; } for each index in l { break; }",
        "try { throw \"x\"; } catch (e) { info e.message; } try {} catch {} try {} catch () {}",
        "alert(\"hi\");", "show x;", "delete = 1;", "cancel submit;", "x = List:String();", "Form[ID == 1];",
        "x = invokeurl [ url: \"u\" type: GET ];", "sendmail [ from: a to: b subject: c message: d ]",
        "if (a, b, c);", "while (x) {}", "1.5.3;", "a = .5 + 1.; ", "x = 99999999999999999999;",
        "a = b\n(c);", "x = \"\\u0041\\n\" + 'it\\'s';", "/* c */ x = 1; // d\r\ny = 2;\u00A0\uFEFF",
        "x = \"😀\";", "x = 1 & 2;", "x = \"open", "/* open", "void f( { }", "input.x = 1;", "input.Field:ui.add(1);",
        "x = insert into F [ a = 1 ];", "a = invokeapi [ service: s ];", "{1, 2}.size();", "INFO \"x\"; IF (TRUE) {}",
        "For Each x In l { Info x; } If (a) {} Else If (b) {} ELSE {} x = NULL; y = True;",
        "a += 1; a -= 1; a *= 2; a /= 2; a %= 2; s = s + \"x\";", "x = a < b < c; y = !a == b; z = a != b;",
        "x = 1 - -1; y = 2 * -3 % 4 / 5; z = (1 + 2) * (3 - 4);", "d = '2020-01-01'; t = '01-Jan-2020 10:00:00';",
        "x = a.get(0).get(\"k\").toList().size(); x.list(); y = x.index; z = m.info;",
        "x = {\"a\": {\"b\": [1, {\"c\": 2}]}}.get(\"a\");", "void f() {} int g(int a) { return f(); }",
        "x = a && b || !c && (d || e);", "return;", "x = \"a\\\\b\";", "x = 0.10; y = 010; z = 1.0e5;",
    };
    int taken = 0;
    for (String text : cases) {
      taken += same("case.dg", text) ? 1 : 0;
    }
    assertTrue(taken >= 15, "taken: " + taken);
  }

  /** The task blocks real scripts use: the direct parser takes them, and builds what ANTLR's path builds. */
  @Test
  void taskBlocksTakeTheDirectPathAndParseTheSame() {
    String[] taken = {
        "r = invokeurl [ url: \"https://x.test/a\" type: GET ];",
        "r = invokeurl\n[\n\turl: base + \"/v2/\" + id\n\ttype: POST\n\tparameters: params.toString()\n"
            + "\theaders: {\"Authorization\": \"Bearer \" + token}\n\tconnection: \"crm\"\n]\ninfo r;",
        "r = invokeurl [ url: u type: PATCH body: b content-type: \"application/json\" files: f detailed: true"
            + " response-format: TEXT response-decoding: \"UTF-8\" ]; return r;",
        "r = invokeurl [ url: u, type: GET, headers: h, ]; x = invokeurl [ URL: u Type: PUT ]",
        "invokeurl [ url: u type: DELETE ]; invokeurl [ url: u ]\ninfo 1;",
        "return invokeurl [ url: u ];", "info invokeurl [ url: if(a = b, u, v) ];",
        "m = {\"r\": invokeurl [ url: u ]}; n = 1 + invokeurl [ url: u ].get(\"k\");",
        "r = invokeUrl(\"https://x.test\", \"GET\"); invokeurl(u);",
        "sendmail [ from: zoho.adminuserid to: \"a@x.test\", b, c.get(0) cc: c bcc: d reply to: r subject: s"
            + " message: m content type: html ]",
        "sendmail\n[\n\tfrom: f\n\tto: t,\n\tsubject: \"s\"\n\tmessage: \"m\"\n\tattachments: a\n];",
        "r = invokeapi [ service: zohobilling path: \"/x\" type: GET parameters: p ]; s = invokeapi [ service: \"s\" ];",
        "if (a) { r = invokeurl [ url: u type: GET ] } else { sendmail [ to: t ] }",
        "r = invokeurl [ url: u ]\nx = -1;",
    };
    String[] leftToAntlr = {
        "sendmail [ to: a, b\nsubject: s ]", "sendmail [ to: a, b - c subject: s ]", "r = invokeurl [ url: u ] - 1;",
        "r = invokeurl [ url: u ].get(\"k\");", "r = invokeurl [ url: u ]\n[1].size();", "invokeapi [ service: s ];",
        "r = invokeurl [ type: GET ];", "r = invokeurl [ url: a url: b ];", "r = invokeurl [ url: a, b ];",
        "r = invokeurl [ url: u method: GET ];", "r = invokeurl [ url: u content-: x ];", "sendmail [ ]",
        "sendmail [ to: t attachments: file: f, file: g ]", "r = invokeurl [ url: file: u ];", "r = invokeurl [ url: u",
        "r = invokeurl ( url: u );", "sendmail ( to: t );",
    };
    takenAndSame(taken, leftToAntlr);
  }

  /**
   * Creator's form scripts, the test runner's stub block, texts with emoji (spans count code points) and the info
   * statements that could also be expressions: taken, and the same.
   */
  @Test
  void creatorFormsAndAmbiguousInfoTakeTheDirectPathAndParseTheSame() {
    String[] taken = {
        "alert \"saved\"; alert x + 1; alert {1}; alert !a; hide Discount; show a.b; enable x; disable y; clear z.if;",
        "delete from Orders[ID == input.ID]; cancel submit; Delete From F[a.b(1)]; CANCEL SUBMIT;",
        "r = insert into Orders [ Name = \"a\", Qty = 2 Total = q * 2 ]; s = insert into O [ ];",
        "input.Country:ui.add(\"NZ\"); input.a.b:ui.clear(); input.Name = \"x\"; x = Input.Qty + input.if;",
        "rows = Orders[Qty > 1 && Name != \"\"]; n = Orders[ID == 1].count(); all = Orders[]; o = input[1];",
        "for each r in Orders[ID > 0] { info r.Name; } if (F[a == b].x) { info F[c]; }",
        "delete = 1; clear(m); show.x = 1; hide(m); alert = 2; cancel.x = 3; x = input.get(1);",
        "info -x; info - 1; info +\"a\"; info [1, 2]; info -x.y(1) * 2; info [];",
        "sendmail [ to: t attachments: file: f ]", "sendmail [ to: t attachments: file: f, g, h ]",
        "x = List:String(); y = list:int(); if (a) { z = LIST:Map(); }",
        "stub [ url: \"https://x.test\" type: POST status: 201 body: {\"id\": 1} ]; Stub [ url: u, ];",
        "s = \"😀 a\"; /* 👍👍 */ t = s + 'é😀' + x; y = \"\n😀\" +\n z;",
    };
    String[] leftToAntlr = {
        "alert (x);", "alert -x;", "alert [1];", "Orders[ID == 1];", "x = a.b[1];", "x = (a)[1];", "x = O[1][2];",
        "x = zoho.a[1];", "x = info[1];", "info - x = 1;", "delete from F;", "cancel;", "show x.y();", "hide 1;",
        "input.x:ui.add(a : b);", "input.x:ui;", "x = List:String(1);", "r = insert into O [ a == 1 ];",
        "fetch [ url: u ];", "stub [ uri: u ];", "stub [ a - b ];", "x = 😀;", "x = \"\uD83D\";",
    };
    takenAndSame(taken, leftToAntlr);
  }

  private static void takenAndSame(String[] taken, String[] leftToAntlr) {
    for (String text : taken) {
      assertTrue(same("case.dg", text), "the direct parser takes: " + text);
    }
    for (String text : leftToAntlr) {
      assertNull(DirectParser.parse(new SourceFile("case.dg", text), null), "left to ANTLR: " + text);
    }
  }

  @Test
  void theEmbeddedAndHelloScriptsTakeTheDirectPath() throws IOException {
    assertNotNull(DirectParser.parse(new SourceFile("e.dg", "return 1 + 1;"), null));
    assertNotNull(DirectParser.parse(new SourceFile("hello.dg", Files.readString(Path.of("samples/hello.dg"))), null));
    assertNull(DirectParser.parse(new SourceFile("e.dg", "return 1 +;"), null), "errors are ANTLR's to report");
  }
}
