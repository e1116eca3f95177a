package dev.freshet.runtime;

/**
 * A FILE value: bytes with a name and content type, as invokeurl downloads return and {@code files:} uploads send.
 * Like Zoho's, its file name, multipart part name, content type and the character set its content is read in can be
 * changed ({@code setFileName}, {@code setParamName}, {@code setFileType}, {@code setCharset}); the content never
 * changes.
 */
public final class FileValue {
  private String name;
  private String paramName = "file";
  private String contentType;
  /** The character set getFileContent reads the bytes in; null means UTF-8. */
  private String charset;
  private final byte[] bytes;

  public FileValue(String name, String contentType, byte[] bytes) {
    this.name = name == null ? "" : name;
    this.contentType = contentType == null ? "application/octet-stream" : contentType;
    this.bytes = bytes.clone();
  }

  public String name() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  /** The form field name used when the file is sent with {@code files:} (default {@code file}). */
  public String paramName() {
    return paramName;
  }

  public void setParamName(String paramName) {
    this.paramName = paramName;
  }

  public String contentType() {
    return contentType;
  }

  public void setContentType(String contentType) {
    this.contentType = contentType;
  }

  /** The character set set with {@code setCharset}, or null (read as UTF-8). */
  public String charset() {
    return charset;
  }

  public void setCharset(String charset) {
    this.charset = charset;
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public int size() {
    return bytes.length;
  }

  @Override
  public String toString() {
    return name;
  }
}
