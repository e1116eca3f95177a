package dev.freshet.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.freshet.files.OwnerOnly;
import dev.freshet.runtime.FileValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmlOutboxTest {
  static final Instant WHEN = Instant.parse("2025-03-14T09:30:15.123Z");

  @TempDir
  Path tmp;

  private final EmlOutbox outbox() {
    return new EmlOutbox(tmp.resolve("new/outbox"), Clock.fixed(WHEN, ZoneOffset.UTC));
  }

  private static MailMessage message(boolean html, List<FileValue> attachments) {
    return new MailMessage("Zoë Shop <shop@example.com>", List.of("ada@example.com", "Bob <bob@example.org>"),
        List.of("carol@example.com"), List.of("dave@example.com"), List.of("help@example.com"),
        "Commande n° 42 expédiée ✓",
        html ? "<p>Bonjour Ada,</p><p>C'est parti&nbsp;!</p>" : "Bonjour Ada,\nC'est parti !", html, attachments);
  }

  private static List<Path> emls(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.sorted().toList();
    }
  }

  @Test
  void writesOneEmlFileNamedByTime() throws Exception {
    EmlOutbox outbox = outbox();
    String first = outbox.send(message(false, List.of()));
    String second = outbox.send(message(false, List.of()));
    List<Path> files = emls(outbox.folder());
    assertEquals(2, files.size(), "no temporary file is left: " + files);
    assertEquals("wrote " + files.get(0), first);
    assertEquals("wrote " + files.get(1), second);
    assertTrue(files.get(0).getFileName().toString().matches("20250314-093015-123Z-\\d{4}-[0-9a-f]{6}\\.eml"),
        files.get(0).toString());
  }

  /** Mail is private (recipients, Bcc, a body that may carry links with tokens): only its owner may read it. */
  @Test
  void theFoldersItMakesAre0700AndMessages0600() throws Exception {
    assumeTrue(OwnerOnly.posix(tmp));
    EmlOutbox outbox = outbox();
    outbox.send(message(false, List.of()));
    for (Path folder : List.of(tmp.resolve("new"), outbox.folder())) {
      assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)), folder.toString());
    }
    Path eml = emls(outbox.folder()).get(0);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(eml)));
  }

  @Test
  void plainMessageHeadersAndBody() throws Exception {
    EmlOutbox outbox = outbox();
    outbox.send(message(false, List.of()));
    byte[] raw = Files.readAllBytes(emls(outbox.folder()).get(0));
    ParsedMail mail = ParsedMail.parse(raw);
    var m = mail.message();
    assertEquals("Zoë Shop <shop@example.com>", ParsedMail.addresses(m.getFrom()));
    assertEquals("ada@example.com, Bob <bob@example.org>", ParsedMail.addresses(m.getRecipients(
        jakarta.mail.Message.RecipientType.TO)));
    assertEquals("carol@example.com", ParsedMail.addresses(m.getRecipients(jakarta.mail.Message.RecipientType.CC)));
    assertEquals("dave@example.com", ParsedMail.addresses(m.getRecipients(jakarta.mail.Message.RecipientType.BCC)),
        "the outbox keeps Bcc, as a Sent folder does");
    assertEquals("help@example.com", ParsedMail.addresses(m.getReplyTo()));
    assertEquals("Commande n° 42 expédiée ✓", m.getSubject());
    assertTrue(mail.raw("Subject").startsWith("=?UTF-8?"), "RFC 2047: " + mail.raw("Subject"));
    assertTrue(mail.raw("From").startsWith("=?UTF-8?"), "RFC 2047: " + mail.raw("From"));
    assertEquals(Date.from(Instant.parse("2025-03-14T09:30:15Z")), m.getSentDate());
    assertTrue(m.getMessageID().matches("<1741944615123\\.[0-9a-f]{16}@example\\.com>"), m.getMessageID());
    assertEquals("1.0", mail.raw("MIME-Version"));
    assertEquals(1, mail.leaves().size());
    assertEquals("text/plain", mail.leaves().get(0).type());
    assertEquals("Bonjour Ada,\nC'est parti !", mail.leaves().get(0).text());
    String text = new String(raw, StandardCharsets.US_ASCII);
    assertTrue(text.replace("\r\n", "").indexOf('\n') < 0 && text.replace("\r\n", "").indexOf('\r') < 0,
        "every line ends in CRLF: " + text);
    assertTrue(text.contains("charset=UTF-8"), text);
    assertTrue(text.chars().allMatch(c -> c < 128), "headers and body are 7-bit clean");
  }

  @Test
  void htmlWithAttachmentsIsMultipart() throws Exception {
    byte[] binary = new byte[300];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    FileValue csv = new FileValue("facture-42 été.csv", "text/csv",
        "item,qty\nbook,1\n".getBytes(StandardCharsets.UTF_8));
    FileValue bin = new FileValue("", "not a type", binary);
    EmlOutbox outbox = outbox();
    outbox.send(message(true, List.of(csv, bin)));
    ParsedMail mail = ParsedMail.parse(Files.readAllBytes(emls(outbox.folder()).get(0)));
    assertTrue(mail.message().getContentType().startsWith("multipart/mixed"), mail.message().getContentType());
    List<ParsedMail.Leaf> parts = mail.leaves();
    assertEquals(4, parts.size());
    assertEquals("text/plain", parts.get(0).type());
    assertEquals("Bonjour Ada,\n\nC'est parti !", parts.get(0).text());
    assertNull(parts.get(0).name());
    assertEquals("text/html", parts.get(1).type());
    assertEquals("<p>Bonjour Ada,</p><p>C'est parti&nbsp;!</p>", parts.get(1).text());
    assertEquals("text/csv", parts.get(2).type());
    assertEquals("facture-42 été.csv", parts.get(2).name());
    assertEquals("item,qty\nbook,1\n", ParsedMail.text(parts.get(2).bytes()));
    assertEquals("application/octet-stream", parts.get(3).type());
    assertEquals("attachment", parts.get(3).name());
    assertArrayEquals(binary, parts.get(3).bytes());
  }

  @Test
  void aFileInTheWayIsAClearError() throws Exception {
    Path blocker = tmp.resolve("outbox");
    Files.writeString(blocker, "not a folder");
    IOException e = assertThrows(IOException.class,
        () -> new EmlOutbox(blocker).send(message(false, List.of())));
    assertTrue(e.getMessage().startsWith("cannot write to the mail outbox " + blocker + ": a file is in the way"),
        e.getMessage());
  }
}
