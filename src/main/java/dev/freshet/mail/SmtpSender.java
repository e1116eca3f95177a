package dev.freshet.mail;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.SSLException;

/**
 * A {@link MailSender} that delivers through an SMTP server named by a URL such as
 * {@code smtps://user:password@smtp.example.com:465} (TLS from the start) or {@code smtp://smtp.example.com:587}
 * (STARTTLS when the server offers it, and required before a login unless the server is on this machine). The
 * password is used only to log in: errors and {@link #toString()} show the server as {@code smtps://***@host:port}.
 */
public final class SmtpSender implements MailSender {
  private static final int CONNECT_TIMEOUT_MS = 15_000;
  private static final int IO_TIMEOUT_MS = 60_000;

  private final SmtpUrl url;
  private final Clock clock;
  private final Properties properties;

  SmtpSender(SmtpUrl url, Clock clock, Properties extra) {
    this.url = url;
    this.clock = clock;
    this.properties = properties(url);
    this.properties.putAll(extra);
  }

  /**
   * A sender for the server at {@code url} ({@code smtp://} or {@code smtps://}, credentials percent-encoded).
   *
   * @throws IllegalArgumentException when the URL is malformed; the message does not repeat the URL
   */
  public static SmtpSender fromUrl(String url) {
    return new SmtpSender(SmtpUrl.parse(url), Clock.systemUTC(), new Properties());
  }

  static Properties properties(SmtpUrl url) {
    String p = "mail." + url.protocol() + ".";
    Properties props = new Properties();
    props.setProperty(p + "auth", String.valueOf(url.hasLogin()));
    props.setProperty(p + "connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MS));
    props.setProperty(p + "timeout", String.valueOf(IO_TIMEOUT_MS));
    props.setProperty(p + "writetimeout", String.valueOf(IO_TIMEOUT_MS));
    props.setProperty(p + "ssl.checkserveridentity", "true");
    if (url.protocol().equals("smtp")) {
      props.setProperty(p + "starttls.enable", "true");
      // never send a password in the clear to another machine
      props.setProperty(p + "starttls.required", String.valueOf(url.hasLogin() && !url.isLoopback()));
    }
    return props;
  }

  @Override
  public String send(MailMessage message) throws IOException {
    Session session = Session.getInstance(properties);
    List<Address> recipients = new ArrayList<>();
    for (List<String> list : List.of(message.to(), message.cc(), message.bcc())) {
      recipients.addAll(Arrays.asList(Addresses.internet(list)));
    }
    try {
      MimeMessage mime = MimeBuilder.build(session, message, clock.instant());
      try (Transport transport = session.getTransport(url.protocol())) {
        transport.connect(url.host(), url.port(), url.user(), url.password());
        transport.sendMessage(mime, recipients.toArray(Address[]::new));
      }
    } catch (MessagingException e) {
      throw new IOException(masked("cannot send through " + url + ": " + reason(e)));
    }
    return "sent to " + recipients.size() + (recipients.size() == 1 ? " recipient" : " recipients") + " through "
        + url;
  }

  /** What went wrong, from the exception chain: the server's reply, or the network cause. */
  private static String reason(MessagingException e) {
    if (e instanceof AuthenticationFailedException) {
      return "the server refused the user name or password" + reply(e);
    }
    if (e instanceof SendFailedException s && s.getInvalidAddresses() != null && s.getInvalidAddresses().length > 0) {
      return "the server refused " + String.join(", ", Arrays.stream(s.getInvalidAddresses()).map(Address::toString)
          .toList()) + reply(s.getNextException() instanceof MessagingException next ? next : s);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException) {
        return "unknown host " + t.getMessage();
      } else if (t instanceof ConnectException) {
        return "cannot connect (" + t.getMessage() + ")";
      } else if (t instanceof SocketTimeoutException) {
        return "the server did not answer in time";
      } else if (t instanceof SSLException) {
        return "TLS failed (" + t.getMessage() + ")";
      }
    }
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    if (text.contains("STARTTLS")) {
      return text + " (use an smtps:// URL, or a server that offers STARTTLS)";
    }
    return text;
  }

  private static String reply(MessagingException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? "" : " (" + m.strip() + ")";
  }

  /** The password never appears in a message, even if a server or the library repeated it. */
  private String masked(String text) {
    String password = url.password();
    return password == null || password.length() < 3 ? text : text.replace(password, "***");
  }

  @Override
  public String toString() {
    return "SmtpSender[" + url + "]";
  }
}
