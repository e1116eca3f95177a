package dev.freshet.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.api.Engine;
import dev.freshet.api.RunException;
import dev.freshet.runtime.FileValue;
import dev.freshet.runtime.ScriptError;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery through a real SMTP conversation with a loopback server started by the test. */
class SmtpSenderTest {
  private static final String PASSWORD = "s3cret-Pa55";

  @TempDir
  Path tmp;

  private static MailMessage message(String... to) {
    return new MailMessage("Shop <shop@example.com>", List.of(to), List.of("carol@example.com"),
        List.of("dave@example.com"), List.of(), "Order 42 shipped ✓", "Hi Ada,\n.\nA line with a lone dot above.",
        false, List.of(new FileValue("note.txt", "text/plain", "attached".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void sendsWithLoginToEveryRecipientWithoutRevealingBcc() throws Exception {
    try (TinySmtpServer server = new TinySmtpServer(ServerSocketFactory.getDefault(), "ada@example.com", PASSWORD)) {
      SmtpSender sender = SmtpSender.fromUrl("smtp://ada%40example.com:" + PASSWORD + "@127.0.0.1:" + server.port());
      String where = sender.send(message("ada@example.com", "Bob <bob@example.org>"));
      assertEquals("sent to 4 recipients through smtp://***@127.0.0.1:" + server.port(), where);
      assertEquals(1, server.deliveries.size());
      TinySmtpServer.Delivery d = server.deliveries.get(0);
      assertEquals("ada@example.com", d.login());
      assertEquals("shop@example.com", d.mailFrom());
      assertEquals(List.of("ada@example.com", "bob@example.org", "carol@example.com", "dave@example.com"), d.rcptTo());
      ParsedMail mail = ParsedMail.parse(d.data().getBytes(StandardCharsets.UTF_8));
      assertNull(mail.raw("Bcc"), "Bcc recipients are not shown to the others");
      assertEquals("Shop <shop@example.com>", ParsedMail.addresses(mail.message().getFrom()));
      assertEquals("carol@example.com", mail.decoded("Cc"));
      assertEquals("Order 42 shipped ✓", mail.message().getSubject());
      assertEquals("Hi Ada,\n.\nA line with a lone dot above.", mail.leaves().get(0).text());
      assertEquals("note.txt", mail.leaves().get(1).name());
      assertEquals("attached", ParsedMail.text(mail.leaves().get(1).bytes()));
    }
  }

  @Test
  void aScriptSendsThroughTheEnginesSender() throws Exception {
    try (TinySmtpServer server = new TinySmtpServer(ServerSocketFactory.getDefault(), "owner", PASSWORD)) {
      Engine engine = Engine.builder().user("owner@example.com").output(line -> { })
          .mail(SmtpSender.fromUrl("smtp://owner:" + PASSWORD + "@127.0.0.1:" + server.port())).build();
      engine.compile("notify.dg", """
          for each who in {"ada@example.com", "bob@example.org"}
          {
          	sendmail
          	[
          		from: zoho.adminuserid
          		to: who
          		subject: "Hi " + who.getPrefix("@")
          		message: "<p>Welcome</p>"
          	];
          }
          sendmail [ to: "carol@example.com" subject: "no from" message: "plain" ];
          """).run(Map.of());
      assertEquals(3, server.deliveries.size());
      assertEquals(List.of("ada@example.com"), server.deliveries.get(0).rcptTo());
      assertEquals(List.of("bob@example.org"), server.deliveries.get(1).rcptTo());
      for (TinySmtpServer.Delivery d : server.deliveries) {
        assertEquals("owner@example.com", d.mailFrom(), "zoho.adminuserid and a missing from are the engine's user");
      }
      ParsedMail first = ParsedMail.parse(server.deliveries.get(0).data().getBytes(StandardCharsets.UTF_8));
      assertEquals("Hi ada", first.message().getSubject());
      assertEquals(List.of("text/plain", "text/html"), first.leaves().stream().map(ParsedMail.Leaf::type).toList());
      assertEquals("Welcome", first.leaves().get(0).text().strip());
    }
  }

  @Test
  void anUnreachableServerFailsTheScriptAtTheSendmailLine() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    Engine engine = Engine.builder().output(line -> { })
        .mail(SmtpSender.fromUrl("smtp://owner:" + PASSWORD + "@127.0.0.1:" + closedPort)).build();
    RunException e = assertThrows(RunException.class, () -> engine.compile("notify.dg",
        "info 1;\nsendmail [ to: \"ada@example.com\" ];").run(Map.of()));
    String shown = e.render();
    assertTrue(shown.startsWith("notify.dg:2:1: runtime error: sendmail: cannot send through smtp://***@127.0.0.1:"
        + closedPort + ": cannot connect ("), shown);
    assertFalse(shown.contains(PASSWORD));
  }

  @Test
  void sendsWithoutLoginWhenTheUrlHasNone() throws Exception {
    try (TinySmtpServer server = new TinySmtpServer(ServerSocketFactory.getDefault(), null, null)) {
      String where = SmtpSender.fromUrl("smtp://localhost:" + server.port()).send(message("ada@example.com"));
      assertEquals("sent to 3 recipients through smtp://localhost:" + server.port(), where);
      assertNull(server.deliveries.get(0).login());
    }
  }

  @Test
  void wrongPasswordIsExplainedWithoutIt() throws Exception {
    try (TinySmtpServer server = new TinySmtpServer(ServerSocketFactory.getDefault(), "ada", "other-password")) {
      IOException e = assertThrows(IOException.class, () -> SmtpSender.fromUrl("smtp://ada:" + PASSWORD
          + "@127.0.0.1:" + server.port()).send(message("ada@example.com")));
      assertEquals("cannot send through smtp://***@127.0.0.1:" + server.port() + ": the server refused the user name"
          + " or password (535 5.7.8 Authentication credentials invalid)", e.getMessage());
      assertEquals(List.of("ada:" + PASSWORD), server.logins, "the password was sent, to the server only");
      assertTrue(server.deliveries.isEmpty());
    }
  }

  @Test
  void refusedRecipientNamesTheAddressAndSendsNothing() throws Exception {
    try (TinySmtpServer server = new TinySmtpServer(ServerSocketFactory.getDefault(), null, null)) {
      IOException e = assertThrows(IOException.class, () -> SmtpSender.fromUrl("smtp://127.0.0.1:" + server.port())
          .send(message("ada@example.com", "reject-me@example.com")));
      assertTrue(e.getMessage().startsWith("cannot send through smtp://127.0.0.1:" + server.port()
          + ": the server refused reject-me@example.com (550 5.1.1 No such user reject-me@example.com"),
          e.getMessage());
      assertTrue(server.deliveries.isEmpty());
    }
  }

  @Test
  void unreachableServerIsARuntimeErrorWithoutThePassword() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    SendMailTask task = new SendMailTask(SmtpSender.fromUrl("smtps://ada:" + PASSWORD + "@127.0.0.1:" + closedPort));
    ScriptError e = assertThrows(ScriptError.class, () -> task.run(Map.of("to", "bob@example.com")));
    assertTrue(e.getMessage().startsWith("sendmail: cannot send through smtps://***@127.0.0.1:" + closedPort
        + ": cannot connect ("), e.getMessage());
    assertFalse(e.getMessage().contains(PASSWORD));
  }

  @Test
  void smtpsSpeaksTlsFromTheStart() throws Exception {
    char[] storePassword = "changeit".toCharArray();
    Path keystore = tmp.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "smtp", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", "changeit").redirectErrorStream(true).start();
    assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0,
        new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(keystore.toFile())) {
      ks.load(in, storePassword);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, storePassword);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(kmf.getKeyManagers(), null, null);

    try (TinySmtpServer server = new TinySmtpServer(tls.getServerSocketFactory(), "ada", PASSWORD)) {
      SmtpUrl url = SmtpUrl.parse("smtps://ada:" + PASSWORD + "@127.0.0.1:" + server.port());
      // the server's certificate is self-signed: without trusting it the handshake fails, and says so
      IOException untrusted = assertThrows(IOException.class,
          () -> new SmtpSender(url, Clock.systemUTC(), new Properties()).send(message("bob@example.com")));
      assertTrue(untrusted.getMessage().startsWith("cannot send through smtps://***@127.0.0.1:" + server.port()
          + ": TLS failed"), untrusted.getMessage());
      assertTrue(server.logins.isEmpty(), "no password before the server is trusted");

      Properties trust = new Properties();
      trust.setProperty("mail.smtps.ssl.trust", "127.0.0.1");
      new SmtpSender(url, Clock.systemUTC(), trust).send(message("bob@example.com"));
      assertEquals("ada", server.deliveries.get(0).login());
      assertEquals(List.of("bob@example.com", "carol@example.com", "dave@example.com"),
          server.deliveries.get(0).rcptTo());
    }
  }
}
