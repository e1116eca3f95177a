package dev.freshet.mail;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes every line break as CRLF, as RFC 5322 requires of a message file: the mail library writes headers with CRLF
 * but 7-bit text parts as given (an SMTP transport converts them on the wire; a file needs it done here).
 */
final class CrlfOutputStream extends FilterOutputStream {
  private int last = -1;

  CrlfOutputStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    if (b == '\r') {
      out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    } else if (b == '\n') {
      if (last != '\r') {
        out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      }
    } else {
      out.write(b);
    }
    last = b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      write(b[i] & 0xff);
    }
  }
}
