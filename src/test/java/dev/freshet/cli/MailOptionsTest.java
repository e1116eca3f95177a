package dev.freshet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.mail.MailMessage;
import dev.freshet.mail.MailSender;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailOptionsTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private Terminal terminal() {
    return new Terminal(dir, new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()); // no FRESHET_HOME: the default home
  }

  private static final MailMessage MESSAGE = new MailMessage("a@example.com", List.of("b@example.com"), List.of(),
      List.of(), List.of(), "Hi", "Body", false, List.of());

  @Test
  void outboxOptionWinsAndIsResolvedAgainstTheWorkingDirectory() throws IOException {
    Map<String, String> env = Map.of("FRESHET_SMTP_URL", "smtp://u:pw@smtp.example.com");
    MailSender sender = MailOptions.sender("mail/out", env, terminal());
    assertEquals("EmlOutbox[" + dir.resolve("mail/out").toAbsolutePath() + "]", sender.toString());
    String where = sender.send(MESSAGE);
    Path written = Path.of(where.substring("wrote ".length()));
    assertTrue(Files.exists(written) && written.startsWith(dir.resolve("mail/out").toAbsolutePath()), where);
    assertEquals("sendmail: wrote " + written + "\n", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void smtpUrlFromTheEnvironmentWhenNoOutboxIsGiven() {
    MailSender sender = MailOptions.sender(null, Map.of("FRESHET_SMTP_URL", "smtps://u:pw-123@smtp.example.com:465"),
        terminal());
    assertEquals("SmtpSender[smtps://***@smtp.example.com:465]", sender.toString());
  }

  @Test
  void defaultOutboxIsInTheHomeFolder() {
    String home = System.getProperty("user.home");
    assertEquals("EmlOutbox[" + Path.of(home, ".freshet", "outbox").toAbsolutePath().normalize() + "]",
        MailOptions.sender(null, Map.of(), terminal()).toString());
    assertEquals("EmlOutbox[" + Path.of(home, ".freshet", "outbox").toAbsolutePath().normalize() + "]",
        MailOptions.sender(null, Map.of("FRESHET_SMTP_URL", " "), terminal()).toString());
    assertEquals("EmlOutbox[" + Path.of(home, "mail").toAbsolutePath().normalize() + "]",
        MailOptions.sender("~/mail", Map.of(), terminal()).toString());
  }

  @Test
  void aBadSmtpUrlFailsWhenMailIsSentAndNeverShowsThePassword() {
    MailSender sender = MailOptions.sender(null, Map.of("FRESHET_SMTP_URL", "smtp://u:hunter22@mail host"), terminal());
    IOException e = assertThrows(IOException.class, () -> sender.send(MESSAGE));
    assertTrue(e.getMessage().startsWith("FRESHET_SMTP_URL is not usable: not a valid URL; expected smtp://"),
        e.getMessage());
    assertFalse(e.getMessage().contains("hunter22"));
    assertEquals("", err.toString(StandardCharsets.UTF_8), "nothing was sent, nothing is printed");
  }
}
