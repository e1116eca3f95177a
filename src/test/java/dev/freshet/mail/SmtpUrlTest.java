package dev.freshet.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class SmtpUrlTest {
  @Test
  void credentialsArePercentDecodedAndNeverShown() {
    SmtpUrl u = SmtpUrl.parse("smtps://ada%40example.com:p%40ss+w0rd@smtp.example.com:465");
    assertEquals("smtps", u.protocol());
    assertEquals("smtp.example.com", u.host());
    assertEquals(465, u.port());
    assertEquals("ada@example.com", u.user());
    assertEquals("p@ss+w0rd", u.password());
    assertEquals("smtps://***@smtp.example.com:465", u.toString());
    assertEquals("SmtpSender[smtps://***@smtp.example.com:465]",
        SmtpSender.fromUrl("smtps://ada%40example.com:p%40ss+w0rd@smtp.example.com:465").toString());
  }

  @Test
  void defaultPortsAndNoLogin() {
    SmtpUrl plain = SmtpUrl.parse("SMTP://relay.example.com");
    assertEquals(25, plain.port());
    assertNull(plain.user());
    assertEquals("smtp://relay.example.com:25", plain.toString());
    assertEquals(465, SmtpUrl.parse("smtps://u:p@mail.example.com/").port());
  }

  @Test
  void malformedUrlsAreExplainedWithoutRepeatingThem() {
    for (String bad : new String[] {"https://u:s3cret-pw@example.com", "smtp://u:s3cret-pw@", "s3cret-pw",
        "smtp://u:s3cret-pw@host:25/path", "smtp://u:s3cret-pw@host?x=1", "smtp://u:s3cret%zz@host",
        "smtp://u:s3cret pw@h"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SmtpUrl.parse(bad), bad);
      assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
      assertTrue(e.getMessage().contains("smtp://[user:password@]host[:port]"), e.getMessage());
    }
  }

  @Test
  void aLoginNeedsTlsUnlessTheServerIsOnThisMachine() {
    Properties remote = SmtpSender.properties(SmtpUrl.parse("smtp://u:p@smtp.example.com:587"));
    assertEquals("true", remote.getProperty("mail.smtp.auth"));
    assertEquals("true", remote.getProperty("mail.smtp.starttls.enable"));
    assertEquals("true", remote.getProperty("mail.smtp.starttls.required"));
    assertEquals("false", SmtpSender.properties(SmtpUrl.parse("smtp://u:p@127.0.0.1:2525"))
        .getProperty("mail.smtp.starttls.required"));
    assertEquals("false", SmtpSender.properties(SmtpUrl.parse("smtp://u:p@localhost:2525"))
        .getProperty("mail.smtp.starttls.required"));
    assertEquals("false", SmtpSender.properties(SmtpUrl.parse("smtp://relay.example.com"))
        .getProperty("mail.smtp.starttls.required"));
    Properties tls = SmtpSender.properties(SmtpUrl.parse("smtps://u:p@smtp.example.com"));
    assertEquals("true", tls.getProperty("mail.smtps.auth"));
    assertEquals("true", tls.getProperty("mail.smtps.ssl.checkserveridentity"));
  }
}
