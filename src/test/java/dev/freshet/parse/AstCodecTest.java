package dev.freshet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.ast.Script;
import dev.freshet.source.SourceFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cache's encoding gives back exactly the AST the parser built, and refuses damaged bytes cleanly. */
class AstCodecTest {
  private static final String EVERY_CONSTRUCT = """
      string greet(string who, int times) {
        out = "";
        for each index i in {1, 2} { out += who; if (i > times) { break; } else if (i == 0) { continue; } }
        return out;
      }
      m = {"a": 1, "b": {1.50, -2, true, null, 'x'}};
      l = List:String();
      e = Collection();
      c = {};
      n = -9223372036854775808;
      s = "naïve — ✓" + zoho.currenttime + input.Name;
      x = if(m.get("a") > 0, !false, ifnull(null, 3) % 2);
      m.get("b").add(thisapp.helper(1));
      rec.Field = 4;
      rec.Total *= 2;
      try { throw "boom"; } catch (err) { info err.message; }
      try { info 1; } catch { info 2; }
      r = invokeurl [ url: "https://example.com" type: GET headers: {"k": "v"} ];
      sendmail [ from: zoho.adminuserid to: "a@b.c" subject: "s" message: "m" ];
      rows = Orders[Total > 10 && Status == "Open"];
      id = insert into Orders [ Total = 5 Status = "Open" ];
      cancel submit;
      alert "careful";
      info;
      """;

  @Test
  void everyScriptOfTheCorpusComesBackAsParsed() {
    List<Path> scripts = GrammarCorpusTest.corpus().stream().filter(p -> !GrammarCorpusTest.malformed(p)).toList();
    assertTrue(scripts.size() > 100, "expected the golden corpus, found " + scripts.size());
    for (Path p : scripts) {
      SourceFile source = new SourceFile(p.toString(), GrammarCorpusTest.read(p));
      Script parsed = Parser.parseScript(source);
      assertEquals(parsed, AstCodec.decode(AstCodec.encode(parsed), source), p.toString());
    }
  }

  @Test
  void everyConstructComesBackAsParsed() {
    SourceFile source = new SourceFile("all.dg", EVERY_CONSTRUCT);
    Script parsed = Parser.parseScript(source);
    assertEquals(parsed, AstCodec.decode(AstCodec.encode(parsed), source));
  }

  @Test
  void truncatedOrDamagedBytesAreRefusedWithoutAnyOtherFailure() {
    SourceFile source = new SourceFile("all.dg", EVERY_CONSTRUCT);
    Script parsed = Parser.parseScript(source);
    byte[] bytes = AstCodec.encode(parsed);
    for (int length = 0; length < bytes.length; length++) {
      byte[] cut = Arrays.copyOf(bytes, length);
      assertThrows(IllegalArgumentException.class, () -> AstCodec.decode(cut, source), "cut at " + length);
    }
    for (int i = 0; i < bytes.length; i++) {
      byte[] damaged = bytes.clone();
      damaged[i] ^= (byte) 0xA5;
      try {
        AstCodec.decode(damaged, source); // may decode to another tree: the cache's checksum catches that
      } catch (IllegalArgumentException expected) {
        // refused
      }
    }
  }
}
