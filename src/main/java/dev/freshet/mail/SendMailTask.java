package dev.freshet.mail;

import dev.freshet.runtime.DelugeCollection;
import dev.freshet.runtime.FileValue;
import dev.freshet.runtime.Ops;
import dev.freshet.runtime.ScriptError;
import dev.freshet.runtime.Values;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code sendmail} task: checks the block's evaluated keys, builds a {@link MailMessage} and hands it to the host's
 * {@link MailSender}. Every problem (a missing or malformed address, a wrong value type, a failed delivery) is a
 * runtime error naming the key or the cause. Zoho's anti-spam rule on {@code from} is not enforced: it depends on the
 * addresses verified in a Zoho organization, which Freshet cannot know (docs/sendmail.md).
 */
public final class SendMailTask {
  /** The sender used when a block has no {@code from:} and the host names no user. */
  public static final String DEFAULT_FROM = "freshet@localhost";

  private final MailSender sender;
  private final String defaultFrom;

  public SendMailTask(MailSender sender) {
    this(sender, DEFAULT_FROM);
  }

  /** {@code defaultFrom} is the engine's user: the sender of a block without {@code from:}. */
  public SendMailTask(MailSender sender, String defaultFrom) {
    this.sender = Objects.requireNonNull(sender);
    this.defaultFrom = Objects.requireNonNull(defaultFrom);
  }

  /** Runs one sendmail block; {@code params} maps each lower-case key ({@code reply to}, …) to its value. */
  public void run(Map<String, Object> params) {
    MailMessage message = message(params);
    try {
      sender.send(message);
    } catch (IOException e) {
      throw new ScriptError("sendmail: " + e.getMessage());
    }
  }

  MailMessage message(Map<String, Object> params) {
    List<String> from = Addresses.of("from", params.containsKey("from") ? params.get("from") : defaultFrom);
    if (from.size() != 1) {
      throw new ScriptError("sendmail: from must be one email address, got " + (from.isEmpty() ? "none"
          : from.size() + " (" + String.join(", ", from) + ")"));
    }
    List<String> to = Addresses.of("to", params.get("to"));
    if (to.isEmpty()) {
      throw new ScriptError("sendmail: to has no address, got " + Ops.describe(params.get("to")));
    }
    String body = text("message", params.get("message"));
    return new MailMessage(from.get(0), to, Addresses.of("cc", params.get("cc")),
        Addresses.of("bcc", params.get("bcc")), Addresses.of("reply to", params.get("reply to")),
        oneLine(text("subject", params.get("subject"))), body, isHtml(params.get("content type"), body),
        attachments(params.get("attachments")));
  }

  /** Any value but a FILE is sent as it prints with {@code info}. */
  private static String text(String key, Object value) {
    if (value instanceof FileValue) {
      throw new ScriptError("sendmail: " + key + " must be TEXT, got a FILE (send files with attachments:)");
    }
    return Values.toText(value);
  }

  /** A subject is one header line: line breaks in it become spaces. */
  private static String oneLine(String subject) {
    return subject.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }

  /** {@code html}/{@code text/html} or {@code plain}/{@code text/plain}; without it, HTML when the body has tags. */
  private static boolean isHtml(Object contentType, String body) {
    if (contentType == null) {
      return HtmlText.looksLikeHtml(body);
    }
    String t = Values.toText(contentType).split(";")[0].strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "html", "text/html" -> true;
      case "plain", "plaintext", "plain text", "text", "text/plain" -> false;
      default -> throw new ScriptError("sendmail: content type must be \"html\" or \"plain\" (or text/html,"
          + " text/plain), got " + Ops.describe(contentType));
    };
  }

  /** A FILE, a LIST of them, or (from {@code attachments: file: a, file: b}) a LIST holding both. */
  private static List<FileValue> attachments(Object value) {
    List<FileValue> files = new ArrayList<>();
    if (value == null || value instanceof DelugeCollection c && c.isUndecided()) {
      return files;
    }
    if (!(value instanceof FileValue) && !(value instanceof DelugeCollection c && c.isList())) {
      throw new ScriptError("sendmail: attachments must be a FILE or a LIST of FILE, got " + Ops.describe(value));
    }
    addFiles(value, files);
    return files;
  }

  private static void addFiles(Object value, List<FileValue> files) {
    if (value instanceof FileValue f) {
      files.add(f);
    } else if (value instanceof DelugeCollection c && c.isList()) {
      for (Object item : c.list()) {
        addFiles(item, files);
      }
    } else {
      throw new ScriptError("sendmail: attachments must hold FILE values, got " + Ops.describe(value));
    }
  }
}
