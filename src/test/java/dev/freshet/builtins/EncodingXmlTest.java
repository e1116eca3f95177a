package dev.freshet.builtins;

import static dev.freshet.builtins.Fixture.call;
import static dev.freshet.builtins.Fixture.fails;
import static dev.freshet.builtins.Fixture.on;
import static dev.freshet.builtins.Fixture.prints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.freshet.runtime.DelugeCollection;
import org.junit.jupiter.api.Test;

/** URL / Base64 encoding, hashes (Zoho's documented examples), AES round trips and XML (DELUGE-FACTS 5.8, 5.1). */
class EncodingXmlTest {
  private static final String NS = "zoho.encryption.";

  @Test
  void urlEncoding() {
    prints("http%3A%2F%2Fwww.zoho.com%2Fzohotest%3Fname%3DJohn%26country%3DAustralia%26age%3D101",
        call("encodeUrl", "http://www.zoho.com/zohotest?name=John&country=Australia&age=101"));
    prints("a%20b%2Bc", call(NS + "urlEncode", "a b+c"));
    assertNull(call(NS + "urlEncode", 5L));
    prints("a b+c", call(NS + "urlDecode", "a%20b%2Bc"));
    prints("a b", call("decodeUrl", "a+b"));
    prints("%C3%A9", call("encodeUrl", "é"));
    fails("decodeUrl: \"%zz\" is not valid percent-encoded text", () -> call("decodeUrl", "%zz"));
    fails("zoho.encryption.urlEncode cannot be called as a method", () -> on("a", NS + "urlEncode"));
  }

  @Test
  void jsonAsXml() {
    prints("<root><Name>Lia</Name><No>1</No><No>2</No></root>", on("{Name:'Lia', No:[1,2]}", "toXml"));
    prints("<city>Surat</city>", on("{address:{city:'Surat'}}", "executeXPath", "/root/address/city"));
    fails("toXml: the text is not a JSON object", () -> on("[1]", "toXml"));
  }

  @Test
  void base32AndCharacterSets() {
    prints("NJXWQ3SAPJ4WY23FOIXGG33N", call(NS + "base32Encode", "john@zylker.com"));
    prints("john@zylker.com", call(NS + "base32Decode", "njxwq3sapj4wy23foixgg33n"));
    prints("AGEAcABpAF8AawBlAHk=", call(NS + "base64Encode", "api_key", "UTF-16BE"));
    prints("api_key", call(NS + "base64Decode", "AGEAcABpAF8AawBlAHk=", "utf-16be"));
    fails("character set \"latin1\" is not supported", () -> call(NS + "base64Encode", "x", "latin1"));
    assertNull(call(NS + "urlDecode", 5L));
    assertNull(call(NS + "md5", (Object) null));
  }

  @Test
  void base64() {
    prints("w6k=", call(NS + "base64Encode", "é"));
    prints("é", call(NS + "base64Decode", "w6k="));
    prints("hello", call(NS + "base64Decode", "aGVs\nbG8="));
    fails("zoho.encryption.base64Decode: the text is not valid Base64", () -> call(NS + "base64Decode", "*"));
  }

  @Test
  void hashesMatchZohoExamples() {
    prints("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", call(NS + "sha256", "hello"));
    prints("E3IZY+esQ59aLmPCYYVjk2R/P1G0k77r9ZGa9Lw94Zw=",
        call(NS + "hmacsha256", "sk_5Ow7B_4eC39H", "{Order ID: 0932, Currency: USD, Amount: 2500}"));
    prints("13721963e7ac439f5a2e63c261856393647f3f51b493beebf5919af4bc3de19c",
        call(NS + "hmacsha256", "sk_5Ow7B_4eC39H", "{Order ID: 0932, Currency: USD, Amount: 2500}", "hex"));
    prints("edYCyxkU4jL2dEjEDO8aUy8WZrpKRvQquNpgKUqe5vA=",
        call(NS + "hmacsha256", "Use me to generate hash", "My#New#Password"));
    prints("VK9VMxdsbxZBLHKgSEZYMEUlURs=", call(NS + "hmacsha1", "Use me to generate hash", "My#New#Password"));
    prints("5d41402abc4b2a76b9719d911017c592", call(NS + "md5", "hello"));
    prints("aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d", call(NS + "sha1", "hello"));
    assertEquals(128, call(NS + "sha512", "hello").toString().length());
    assertEquals(88, call(NS + "hmacsha512", "k", "hello").toString().length());
    fails("output type must be \"hex\", \"base64\" or \"binary\"", () -> call(NS + "md5", "x", "octal"));
  }

  @Test
  void aesRoundTrips() {
    String withIv = (String) call(NS + "aesEncode", "passkey", "Confidential details", "0000000000000000");
    assertEquals(44, withIv.length());
    prints("Confidential details", call(NS + "aesDecode", "passkey", withIv, "0000000000000000"));
    String noIv = (String) call(NS + "aesEncode", "passkey", "Confidential details");
    assertEquals(64, noIv.length());
    assertNotEquals(noIv, call(NS + "aesEncode", "passkey", "Confidential details"));
    prints("Confidential details", call(NS + "aesDecode", "passkey", noIv));
    fails("cannot decrypt: wrong key or IV", () -> call(NS + "aesDecode", "other", noIv));
    fails("the IV must be 16 characters, got 3", () -> call(NS + "aesEncode", "k", "x", "abc"));
  }

  @Test
  void executeXPath() {
    String xml = "<?xml version=\"1.0\"?><root xmlns=\"urn:x\"><item id=\"1\">A</item><item id=\"2\">B</item></root>";
    prints("<item id=\"1\">A</item><item id=\"2\">B</item>", call("executeXPath", xml, "/root/item"));
    prints("AB", on(xml, "executeXPath", "/root/item/text()"));
    prints("<id>2</id>", on(xml, "executeXPath", "/root/item[2]/@id"));
    prints("2", on(on(xml, "executeXPath", "/root/item[2]/@id"), "executeXPath", "/id/text()"));
    prints("2", on(xml, "executeXPath", "count(/root/item)"));
    prints("", on(xml, "executeXPath", "/root/none"));
    DelugeCollection items = (DelugeCollection) on(on(xml, "executeXPath", "/root/item"), "toXmlList");
    assertEquals(2, items.size());
    prints("<item id=\"2\">B</item>", items.list().get(1));
    prints("B", on(items.list().get(1), "executeXPath", "/item/text()"));
    fails("executeXPath: the text is not well-formed XML", () -> on("<a>", "executeXPath", "/a"));
    fails("executeXPath: invalid XPath expression \"/a[\"", () -> on("<a/>", "executeXPath", "/a["));
  }

  @Test
  void externalEntitiesAreRefused() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><r>&e;</r>";
    fails("XML with a DOCTYPE declaration is not supported", () -> on(xxe, "executeXPath", "/r"));
  }
}
