package dev.freshet.cli;

import dev.freshet.mail.EmlOutbox;
import dev.freshet.mail.MailMessage;
import dev.freshet.mail.MailSender;
import dev.freshet.mail.SmtpSender;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where {@code freshet run} sends sendmail messages: into {@code --mail-outbox DIR} when given; else through the SMTP
 * server in {@code FRESHET_SMTP_URL} when set; else into {@code outbox} under {@code $FRESHET_HOME} (default {@code ~/.freshet}). Each message prints one line to
 * standard error ({@code sendmail: wrote /home/ada/.freshet/outbox/….eml}).
 */
final class MailOptions {
  static final String SMTP_URL_VARIABLE = "FRESHET_SMTP_URL";

  private MailOptions() {}

  /** {@code outbox} is the {@code --mail-outbox} value as typed (or null); {@code env} the process environment. */
  static MailSender sender(String outbox, Map<String, String> env, Terminal terminal) {
    MailSender target = target(outbox, env, terminal);
    return new MailSender() {
      @Override
      public String send(MailMessage message) throws IOException {
        String where = target.send(message);
        terminal.out().flush(); // after the info lines printed before it, also on a terminal
        terminal.err().println("sendmail: " + where);
        return where;
      }

      @Override
      public String toString() {
        return target.toString();
      }
    };
  }

  static MailSender target(String outbox, Map<String, String> env, Terminal terminal) {
    String smtp = env.get(SMTP_URL_VARIABLE);
    if (outbox == null && smtp != null && !smtp.isBlank()) {
      try {
        return SmtpSender.fromUrl(smtp);
      } catch (IllegalArgumentException e) {
        String problem = SMTP_URL_VARIABLE + " is not usable: " + e.getMessage();
        return message -> {
          throw new IOException(problem); // reported when a script sends mail, not on every run
        };
      }
    }
    String home = System.getProperty("user.home");
    Path folder = outbox == null ? terminal.home().resolve("outbox")
        : outbox.equals("~") || outbox.startsWith("~/") ? Path.of(home, outbox.substring(1).replaceFirst("^/", ""))
        : terminal.resolve(outbox);
    return lazy(new Supplier<>() { // not a lambda: see Main.main
      @Override
      public MailSender get() {
        return new EmlOutbox(folder);
      }
    });
  }

  /** Makes the sender when a script first sends mail: an outbox opens a Jakarta Mail session, slow to start. */
  private static MailSender lazy(Supplier<MailSender> make) {
    return new MailSender() {
      private MailSender made;

      private synchronized MailSender sender() {
        if (made == null) {
          made = make.get();
        }
        return made;
      }

      @Override
      public String send(MailMessage message) throws IOException {
        return sender().send(message);
      }

      @Override
      public String toString() {
        return sender().toString();
      }
    };
  }
}
