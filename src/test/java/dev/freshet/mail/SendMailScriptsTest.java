package dev.freshet.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.freshet.cli.Main;
import dev.freshet.cli.Terminal;
import dev.freshet.golden.Formatted;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden sendmail scripts: each {@code src/test/resources/sendmail/NAME.dg} runs through the CLI as
 * {@code freshet run --tz UTC --mail-outbox TEMP NAME.dg}. Standard output must equal {@code NAME.out}; the exit code
 * {@code NAME.exit} (0 when absent); standard error one {@code sendmail: wrote TEMP/….eml} line per message, followed
 * by exactly {@code NAME.err} (nothing when absent). Each {@code .eml} written is read back with the mail library and
 * compared field by field with {@code NAME.mail} (or {@code NAME.1.mail}, {@code NAME.2.mail}, … in sending order):
 *
 * <pre>
 * From: Shop Team &lt;shop@example.com&gt;        the headers From, To, Cc, Bcc, Reply-To and Subject, decoded;
 * To: ada@example.com, Bob &lt;bob@example.org&gt;  one left out must be absent from the message
 * Subject: Order #42 shipped ✓
 * --- text/plain                               then the leaf parts in order: a text body …
 * Hi Ada,
 * --- attachment text/csv invoice-42.csv       … or an attachment: content type, file name, content as text
 * item,qty
 * --- attachment-base64 image/png logo.png     … or its content in base64
 * iVBORw0KGgo=
 * </pre>
 */
class SendMailScriptsTest {
  static final Path ROOT = Path.of("src/test/resources/sendmail");
  private static final List<String> HEADERS = List.of("From", "To", "Cc", "Bcc", "Reply-To", "Subject");

  @TempDir
  Path outboxes;

  @TestFactory
  Stream<DynamicTest> scripts() throws IOException {
    try (Stream<Path> files = Files.list(ROOT)) {
      return files.filter(p -> p.toString().endsWith(".dg")).sorted().toList().stream()
          .map(p -> dynamicTest(p.getFileName().toString(), p.toUri(), () -> check(p)));
    }
  }

  /** The same scripts formatted by {@code freshet fmt}: the same output, messages and problems (docs/editors.md). */
  @TestFactory
  Stream<DynamicTest> formattedScripts() throws IOException {
    try (Stream<Path> files = Files.list(ROOT)) {
      return files.filter(p -> p.toString().endsWith(".dg")).sorted().toList().stream()
          .map(p -> dynamicTest(p.getFileName().toString(), p.toUri(),
              () -> Formatted.roundTrip(p, copy -> check(p, copy))));
    }
  }

  private void check(Path script) throws Exception {
    check(script, null);
  }

  /** Runs the script, or its formatted copy {@code formatted} when that is not null, and compares. */
  private void check(Path script, Path formatted) throws Exception {
    String name = script.getFileName().toString();
    String base = name.substring(0, name.length() - 3);
    Path outbox = outboxes.resolve(base + (formatted == null ? "" : ".formatted"));
    Instant started = Instant.now();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, false, StandardCharsets.UTF_8);
    int exit = Main.execute(new String[] {"run", "--tz", "UTC", "--mail-outbox", outbox.toString(), name},
        new Terminal(formatted == null ? ROOT : formatted.getParent(), new ByteArrayInputStream(new byte[0]),
            outStream, new PrintStream(err, true, StandardCharsets.UTF_8)));
    outStream.flush();
    String stdout = out.toString(StandardCharsets.UTF_8);
    String stderr = err.toString(StandardCharsets.UTF_8);

    assertEquals(read(ROOT.resolve(base + ".out")), stdout, "standard output of " + name + "\nstderr:\n" + stderr);
    Path exitFile = ROOT.resolve(base + ".exit");
    assertEquals(Files.exists(exitFile) ? Integer.parseInt(read(exitFile).trim()) : 0, exit, "exit code\n" + stderr);

    List<Path> emls = new ArrayList<>();
    if (Files.isDirectory(outbox)) {
      try (Stream<Path> files = Files.list(outbox)) {
        emls.addAll(files.sorted().toList());
      }
    }
    StringBuilder wrote = new StringBuilder();
    for (Path eml : emls) {
      assertTrue(eml.getFileName().toString().matches("\\d{8}-\\d{6}-\\d{3}Z-\\d{4}-[0-9a-f]{6}\\.eml"),
          "outbox holds only messages named by time: " + eml);
      wrote.append("sendmail: wrote ").append(eml.toAbsolutePath()).append('\n');
    }
    Path errFile = ROOT.resolve(base + ".err");
    String expectedErr = wrote + (Files.exists(errFile) ? read(errFile) : "");
    if (formatted == null) {
      assertEquals(expectedErr, stderr, "standard error of " + name);
    } else {
      assertEquals(Formatted.problems(expectedErr), Formatted.problems(stderr), "standard error of " + name);
    }

    List<Path> expected = expectedMails(base);
    assertEquals(expected.size(), emls.size(), "messages written by " + name);
    for (int i = 0; i < emls.size(); i++) {
      compare(expected.get(i), ParsedMail.parse(Files.readAllBytes(emls.get(i))), started);
    }
  }

  private static List<Path> expectedMails(String base) {
    List<Path> mails = new ArrayList<>();
    if (Files.exists(ROOT.resolve(base + ".mail"))) {
      mails.add(ROOT.resolve(base + ".mail"));
    }
    for (int i = 1; Files.exists(ROOT.resolve(base + "." + i + ".mail")); i++) {
      mails.add(ROOT.resolve(base + "." + i + ".mail"));
    }
    return mails;
  }

  /** One expected leaf part: {@code kind} is a content type, {@code attachment} or {@code attachment-base64}. */
  private record Part(String kind, String type, String name, StringBuilder content) {}

  private static void compare(Path expectedFile, ParsedMail mail, Instant started) throws Exception {
    String what = expectedFile.getFileName().toString();
    Map<String, String> headers = new LinkedHashMap<>();
    List<Part> parts = new ArrayList<>();
    for (String line : read(expectedFile).split("\n", -1)) {
      if (line.startsWith("--- ")) {
        String[] words = line.substring(4).split(" ", 3);
        boolean attachment = words[0].startsWith("attachment");
        parts.add(new Part(words[0], attachment ? words[1] : words[0], attachment ? words[2] : null,
            new StringBuilder()));
      } else if (!parts.isEmpty()) {
        parts.get(parts.size() - 1).content().append(line).append('\n');
      } else if (!line.isBlank()) {
        int colon = line.indexOf(':');
        headers.put(line.substring(0, colon), line.substring(colon + 1).strip());
      }
    }
    assertTrue(HEADERS.containsAll(headers.keySet()), what + " checks only " + HEADERS);
    for (String h : HEADERS) {
      assertEquals(headers.get(h), header(mail, h), h + " of " + what);
    }
    assertEquals("1.0", mail.raw("MIME-Version"), what);
    String fromDomain = ((InternetAddress) mail.message().getFrom()[0]).getAddress().replaceAll(".*@", "");
    assertTrue(mail.raw("Message-ID").matches("<[0-9a-f.]+@" + java.util.regex.Pattern.quote(fromDomain) + ">"),
        "Message-ID " + mail.raw("Message-ID"));
    assertNotNull(mail.message().getSentDate(), "Date of " + what);
    Instant sent = mail.message().getSentDate().toInstant();
    assertTrue(!sent.isBefore(started.minusSeconds(1)) && sent.isBefore(Instant.now().plus(Duration.ofSeconds(1))),
        "Date " + mail.raw("Date"));

    List<ParsedMail.Leaf> leaves = mail.leaves();
    assertEquals(parts.size(), leaves.size(), "parts of " + what + ": " + leaves);
    for (int i = 0; i < parts.size(); i++) {
      Part p = parts.get(i);
      ParsedMail.Leaf leaf = leaves.get(i);
      String expected = trimEnd(p.content().toString());
      assertEquals(p.type(), leaf.type(), "type of part " + (i + 1) + " of " + what);
      assertEquals(p.name(), leaf.name(), "attachment name of part " + (i + 1) + " of " + what);
      if (p.kind().equals("attachment-base64")) {
        assertEquals(expected.replaceAll("\\s", ""), Base64.getEncoder().encodeToString(leaf.bytes()),
            "bytes of " + p.name());
      } else {
        assertEquals(expected, trimEnd(leaf.text()), "content of part " + (i + 1) + " of " + what);
      }
    }
  }

  /** An address header as {@code Name <addr>, addr}; the Subject decoded; null when absent. */
  private static String header(ParsedMail mail, String name) throws Exception {
    String raw = mail.message().getHeader(name, ",");
    if (raw == null) {
      return null;
    }
    if (name.equals("Subject")) {
      return mail.message().getSubject();
    }
    return ParsedMail.addresses(InternetAddress.parseHeader(raw, false));
  }

  private static String trimEnd(String s) {
    return s.replace("\r\n", "\n").replaceAll("\n+$", "");
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }
}
