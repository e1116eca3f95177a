package dev.freshet.mail;

import dev.freshet.runtime.FileValue;
import java.util.List;

/** One message built from a sendmail block: addresses already split and checked, HTML or plain text body. */
public record MailMessage(String from, List<String> to, List<String> cc, List<String> bcc, List<String> replyTo,
    String subject, String body, boolean html, List<FileValue> attachments) {

  public MailMessage {
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    bcc = List.copyOf(bcc);
    replyTo = List.copyOf(replyTo);
    attachments = List.copyOf(attachments);
  }
}
