package dev.freshet.mail;

import dev.freshet.runtime.FileValue;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParameterList;
import jakarta.mail.internet.ParseException;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.activation.DataHandler;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns a {@link MailMessage} into a MIME message: text/plain, or multipart/alternative (plain text derived from the
 * HTML, then the HTML), inside multipart/mixed when there are attachments. Every header and text part is UTF-8,
 * whatever the platform's default charset.
 */
final class MimeBuilder {
  private MimeBuilder() {}

  static final String UTF8 = "UTF-8";

  static MimeMessage build(Session session, MailMessage m, Instant date) throws MessagingException {
    String id = "<" + date.toEpochMilli() + "." + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
        + "@" + Addresses.domain(m.from()) + ">";
    MimeMessage msg = new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        setHeader("Message-ID", id); // the library's default looks up the local host name, which can be slow
      }
    };
    msg.setFrom(Addresses.internet(m.from()));
    setRecipients(msg, RecipientType.TO, m.to());
    setRecipients(msg, RecipientType.CC, m.cc());
    setRecipients(msg, RecipientType.BCC, m.bcc());
    if (!m.replyTo().isEmpty()) {
      msg.setReplyTo(Addresses.internet(m.replyTo()));
    }
    msg.setSubject(m.subject(), UTF8);
    msg.setSentDate(Date.from(date));
    if (m.attachments().isEmpty()) {
      setBody(msg, m);
    } else {
      MimeMultipart mixed = new MimeMultipart("mixed");
      MimeBodyPart body = new MimeBodyPart();
      setBody(body, m);
      mixed.addBodyPart(body);
      for (FileValue f : m.attachments()) {
        mixed.addBodyPart(attachment(f));
      }
      msg.setContent(mixed);
    }
    msg.saveChanges();
    return msg;
  }

  private static void setRecipients(MimeMessage msg, RecipientType type, List<String> addresses)
      throws MessagingException {
    if (!addresses.isEmpty()) {
      msg.setRecipients(type, Addresses.internet(addresses));
    }
  }

  private static void setBody(jakarta.mail.internet.MimePart part, MailMessage m) throws MessagingException {
    if (!m.html()) {
      part.setText(m.body(), UTF8, "plain");
      return;
    }
    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart plain = new MimeBodyPart();
    plain.setText(HtmlText.toPlain(m.body()), UTF8, "plain");
    alternative.addBodyPart(plain);
    MimeBodyPart html = new MimeBodyPart();
    html.setText(m.body(), UTF8, "html");
    alternative.addBodyPart(html);
    part.setContent(alternative);
  }

  private static MimeBodyPart attachment(FileValue f) throws MessagingException {
    String name = f.name().isBlank() ? "attachment" : f.name();
    String type = mediaType(f.contentType());
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(new DataHandler(new ByteArrayDataSource(f.bytes(), type)));
    ParameterList nameParam = new ParameterList();
    nameParam.set("name", name, UTF8); // RFC 2231, so non-ASCII names survive
    ContentType contentType = new ContentType(type);
    part.setHeader("Content-Type", new ContentType(contentType.getPrimaryType(), contentType.getSubType(), nameParam)
        .toString());
    ParameterList fileParam = new ParameterList();
    fileParam.set("filename", name, UTF8);
    part.setHeader("Content-Disposition", new ContentDisposition("attachment", fileParam).toString());
    part.setHeader("Content-Transfer-Encoding", "base64");
    return part;
  }

  /** The file's content type if it is a well-formed {@code type/subtype}, else application/octet-stream. */
  private static String mediaType(String given) {
    try {
      ContentType t = new ContentType(given);
      return t.getBaseType();
    } catch (ParseException | RuntimeException e) {
      return "application/octet-stream";
    }
  }
}
