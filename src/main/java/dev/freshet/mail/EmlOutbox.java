package dev.freshet.mail;

import dev.freshet.files.OwnerOnly;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link MailSender} that delivers nothing: it writes each message as an RFC 5322 {@code .eml} file into a folder
 * (created 0700 when the first message is written, files 0600: mail is private), as a Sent folder keeps it: Bcc
 * recipients stay in the file. Files are written under a temporary name and renamed, so a reader never sees half a
 * message, and their names sort by time:
 * {@code 20250314-093015-123Z-0001-4fa2c1.eml} (UTC, a counter for messages in the same millisecond, random letters).
 */
public final class EmlOutbox implements MailSender {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS'Z'")
      .withZone(ZoneOffset.UTC);
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final Path folder;
  private final Clock clock;
  private final Session session = Session.getInstance(new Properties());

  public EmlOutbox(Path folder) {
    this(folder, Clock.systemUTC());
  }

  /** With a fixed clock for the Date header and file name (tests). */
  public EmlOutbox(Path folder, Clock clock) {
    this.folder = folder.toAbsolutePath().normalize();
    this.clock = clock;
  }

  public Path folder() {
    return folder;
  }

  @Override
  public String send(MailMessage message) throws IOException {
    Instant now = clock.instant();
    MimeMessage mime;
    try {
      mime = MimeBuilder.build(session, message, now);
    } catch (MessagingException e) {
      throw new IOException("cannot build the message: " + e.getMessage(), e);
    }
    Path target = folder.resolve(STAMP.format(now) + String.format("-%04d-", SEQUENCE.incrementAndGet() % 10000)
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2) + ".eml");
    try {
      OwnerOnly.createDirectories(folder);
      // hidden, and not *.eml: readers skip it; 0600 from the start, as the message is
      Path temp = Files.createTempFile(folder, ".writing-", ".tmp", OwnerOnly.fileAttributes(folder));
      try {
        try (OutputStream out = new CrlfOutputStream(new BufferedOutputStream(Files.newOutputStream(temp)))) {
          mime.writeTo(out);
        }
        move(temp, target);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (MessagingException e) {
      throw new IOException("cannot write the message: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IOException("cannot write to the mail outbox " + folder + ": " + reason(e), e);
    }
    return "wrote " + target;
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException a) {
      return "permission denied (" + a.getFile() + ")";
    } else if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
      return "a file is in the way (" + ((FileSystemException) e).getFile() + ")";
    } else if (e instanceof NoSuchFileException n) {
      return "no such folder (" + n.getFile() + ")";
    } else if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(java.util.Locale.ROOT) + " (" + f.getFile() + ")";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  @Override
  public String toString() {
    return "EmlOutbox[" + folder + "]";
  }
}
