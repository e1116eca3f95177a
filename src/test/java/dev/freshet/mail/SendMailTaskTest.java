package dev.freshet.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.FileValue;
import dev.freshet.runtime.ScriptError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendMailTaskTest {
  private final List<MailMessage> sent = new ArrayList<>();
  private final SendMailTask task = new SendMailTask(m -> {
    sent.add(m);
    return "kept";
  }, "owner@example.com");

  private static Map<String, Object> block(Object... keyValues) {
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      params.put((String) keyValues[i], keyValues[i + 1]);
    }
    return params;
  }

  private MailMessage send(Object... keyValues) {
    task.run(block(keyValues));
    return sent.get(sent.size() - 1);
  }

  private String error(Object... keyValues) {
    int before = sent.size();
    ScriptError e = assertThrows(ScriptError.class, () -> task.run(block(keyValues)));
    assertEquals(before, sent.size(), "nothing is sent when the block is wrong");
    return e.getMessage();
  }

  private static DelugeCollection list(Object... items) {
    return DelugeCollection.listOf(List.of(items));
  }

  @Test
  void addressesFromCommaSeparatedTextOrList() {
    MailMessage m = send("from", "Orders <orders@example.com>",
        "to", "ada@example.com, \"Stone, Bob\" <bob@example.org>",
        "cc", list("carol@example.com", "dan@example.com,erin@example.com"), "bcc", "frank@example.com",
        "reply to", "help@example.com");
    assertEquals("Orders <orders@example.com>", m.from());
    assertEquals(List.of("ada@example.com", "\"Stone, Bob\" <bob@example.org>"), m.to());
    assertEquals(List.of("carol@example.com", "dan@example.com", "erin@example.com"), m.cc());
    assertEquals(List.of("frank@example.com"), m.bcc());
    assertEquals(List.of("help@example.com"), m.replyTo());
  }

  @Test
  void fromDefaultsToTheEnginesUserAndOptionalKeysToNothing() {
    MailMessage m = send("to", "ada@example.com");
    assertEquals("owner@example.com", m.from());
    assertEquals(List.of(), m.cc());
    assertEquals("", m.subject());
    assertEquals("", m.body());
    assertEquals(List.of(), m.attachments());
  }

  @Test
  void withoutAHostUserTheSenderIsFreshetAtLocalhost() {
    MailMessage[] got = new MailMessage[1];
    new SendMailTask(m -> {
      got[0] = m;
      return "";
    }).run(block("to", "a@example.com"));
    assertEquals("freshet@localhost", got[0].from());
  }

  @Test
  void emptyOptionalAddressesMeanNone() {
    MailMessage m = send("to", "ada@example.com", "cc", "", "bcc", null, "reply to", DelugeCollection.newEmpty());
    assertEquals(List.of(), m.cc());
    assertEquals(List.of(), m.bcc());
    assertEquals(List.of(), m.replyTo());
  }

  @Test
  void missingOrEmptyToIsAnError() {
    assertEquals("sendmail: to has no address, got NULL", error("from", "a@example.com"));
    assertEquals("sendmail: to has no address, got TEXT \"\"", error("to", ""));
    assertEquals("sendmail: to has no address, got LIST", error("to", list()));
  }

  @Test
  void invalidAddressesNameTheKey() {
    assertEquals("sendmail: to: \"ada.example.com\" is not a valid email address (missing final '@domain')",
        error("to", "ada.example.com"));
    assertEquals("sendmail: to: \"a@example.com;b@example.com\" is not a valid email address (illegal semicolon, not"
        + " in group; separate addresses with commas)", error("to", "a@example.com;b@example.com"));
    assertTrue(error("to", "ada@example.com", "cc", "bob@").startsWith("sendmail: cc: \"bob@\" is not a valid email"));
    assertTrue(error("to", "a@example.com", "reply to", list("x y@z")).startsWith("sendmail: reply to: "));
    assertTrue(error("from", "nobody", "to", "a@example.com").startsWith("sendmail: from: \"nobody\" is not a valid"));
    assertEquals("sendmail: from must be one email address, got 2 (a@example.com, b@example.com)",
        error("from", "a@example.com, b@example.com", "to", "c@example.com"));
  }

  @Test
  void wrongValueTypesAreErrors() {
    assertEquals("sendmail: to must be an email address (TEXT, comma-separated for several) or a LIST of them, got"
        + " NUMBER 42", error("to", 42L));
    assertEquals("sendmail: bcc must hold email addresses (TEXT), got NUMBER 7", error("to", "a@example.com", "bcc",
        list("b@example.com", 7L)));
    assertEquals("sendmail: message must be TEXT, got a FILE (send files with attachments:)",
        error("to", "a@example.com", "message", file("a.txt", "x")));
  }

  @Test
  void contentTypeIsExplicitOrGuessedFromTags() {
    assertFalse(send("to", "a@example.com", "message", "Line 1\nLine 2 < 3").html());
    assertTrue(send("to", "a@example.com", "message", "Hi<br>there").html());
    assertFalse(send("to", "a@example.com", "message", "<b>kept as text</b>", "content type", "text/plain").html());
    assertFalse(send("to", "a@example.com", "message", "<b>x</b>", "content type", "Plain").html());
    assertTrue(send("to", "a@example.com", "message", "no tags", "content type", "HTML").html());
    assertTrue(send("to", "a@example.com", "content type", "text/html; charset=UTF-8").html());
    assertEquals("sendmail: content type must be \"html\" or \"plain\" (or text/html, text/plain), got TEXT \"pdf\"",
        error("to", "a@example.com", "content type", "pdf"));
  }

  @Test
  void subjectIsOneLineAndValuesPrintAsText() {
    MailMessage m = send("to", "a@example.com", "subject", "Order\n  shipped\r\n", "message", 42L);
    assertEquals("Order shipped", m.subject());
    assertEquals("42", m.body());
    assertEquals("a,b", send("to", "a@example.com", "message", list("a", "b")).body());
  }

  @Test
  void attachmentsAreFilesOrListsOfFiles() {
    FileValue a = file("a.txt", "A");
    FileValue b = file("b.csv", "x,y");
    assertEquals(List.of(a), send("to", "a@example.com", "attachments", a).attachments());
    assertEquals(List.of(a, b), send("to", "a@example.com", "attachments", list(a, b)).attachments());
    assertEquals("sendmail: attachments must be a FILE or a LIST of FILE, got TEXT \"a.txt\"",
        error("to", "a@example.com", "attachments", "a.txt"));
    assertEquals("sendmail: attachments must hold FILE values, got TEXT \"b\"",
        error("to", "a@example.com", "attachments", list(a, "b")));
  }

  @Test
  void deliveryFailureIsARuntimeError() {
    SendMailTask failing = new SendMailTask(m -> {
      throw new IOException("cannot send through smtp://***@127.0.0.1:1: cannot connect (Connection refused)");
    });
    ScriptError e = assertThrows(ScriptError.class, () -> failing.run(block("to", "a@example.com")));
    assertEquals("sendmail: cannot send through smtp://***@127.0.0.1:1: cannot connect (Connection refused)",
        e.getMessage());
  }

  static FileValue file(String name, String text) {
    return new FileValue(name, "text/plain", text.getBytes(StandardCharsets.UTF_8));
  }
}
