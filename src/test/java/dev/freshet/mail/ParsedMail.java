package dev.freshet.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** A message read back with the mail library, as a mail client would: headers, then its leaf parts in order. */
record ParsedMail(MimeMessage message, List<Leaf> leaves) {
  /** A text body ({@code name} null) or an attachment, with its base content type and decoded bytes. */
  record Leaf(String type, String name, byte[] bytes) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
  }

  static ParsedMail parse(byte[] raw) throws Exception {
    MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    List<Leaf> leaves = new ArrayList<>();
    collect(m, leaves);
    return new ParsedMail(m, leaves);
  }

  private static void collect(Part part, List<Leaf> out) throws Exception {
    Object content = part.getContent();
    if (content instanceof Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        BodyPart child = mp.getBodyPart(i);
        collect(child, out);
      }
      return;
    }
    String type = new ContentType(part.getContentType()).getBaseType().toLowerCase(java.util.Locale.ROOT);
    boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
    byte[] bytes;
    try (InputStream in = part.getInputStream()) {
      bytes = in.readAllBytes();
    }
    out.add(new Leaf(type, attachment ? part.getFileName() : null, bytes));
  }

  /** The raw (still encoded) value of a header, or null. */
  String raw(String name) throws Exception {
    String[] values = message.getHeader(name);
    return values == null ? null : values[0];
  }

  /** A header decoded for reading (RFC 2047 words turned back into text), or null when absent. */
  String decoded(String name) throws Exception {
    String v = message.getHeader(name, ", ");
    return v == null ? null : jakarta.mail.internet.MimeUtility.decodeText(jakarta.mail.internet.MimeUtility.unfold(v));
  }

  /** Addresses as a reader sees them: {@code Display Name <addr>} (decoded, unquoted), comma-separated. */
  static String addresses(jakarta.mail.Address[] list) {
    if (list == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (jakarta.mail.Address a : list) {
      jakarta.mail.internet.InternetAddress ia = (jakarta.mail.internet.InternetAddress) a;
      out.add(ia.getPersonal() == null ? ia.getAddress() : ia.getPersonal() + " <" + ia.getAddress() + ">");
    }
    return String.join(", ", out);
  }

  static String text(byte[] b) throws IOException {
    return new String(b, StandardCharsets.UTF_8);
  }
}
