package dev.freshet.mail;

import java.io.IOException;

/**
 * Where {@code sendmail} messages go. The host supplies one (the CLI writes .eml files to an outbox folder, or sends
 * through SMTP); an engine without one reports a clear error when a script reaches {@code sendmail}.
 */
public interface MailSender {
  /** Delivers one message; returns a short description of where it went (shown by the CLI), never a secret. */
  String send(MailMessage message) throws IOException;
}
