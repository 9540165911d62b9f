package io.patent2tech.udfs.uspto;

import io.patent2tech.udfs.normalize.Texts;

/**
 * A growable char buffer that collapses white space while it appends: the parser's hot path. One
 * pass over the reader's characters, no per-append capacity checks beyond one per text event.
 */
final class TextBuffer {

  private char[] buf;
  private int len;

  TextBuffer(int capacity) {
    buf = new char[Math.max(16, capacity)];
  }

  int length() {
    return len;
  }

  char charAt(int i) {
    return buf[i];
  }

  void setLength(int n) {
    len = n;
  }

  void clear() {
    len = 0;
  }

  /** Capacity kept after use (so a reused buffer does not pin a huge array forever). */
  int capacity() {
    return buf.length;
  }

  private void ensure(int extra) {
    int need = len + extra;
    if (need > buf.length) {
      int cap = Math.max(need, buf.length * 2);
      char[] nb = new char[cap];
      System.arraycopy(buf, 0, nb, 0, len);
      buf = nb;
    }
  }

  /**
   * Appends ch[start, start+n) with every white space run turned into one space; never starts a
   * line with a space (after '\n' or at the beginning) and never doubles a space.
   */
  void appendCollapsed(char[] ch, int start, int n) {
    ensure(n);
    char[] b = buf;
    int p = len;
    boolean lastSpace = p == 0 || b[p - 1] == ' ' || b[p - 1] == '\n';
    int end = start + n;
    for (int i = start; i < end; i++) {
      char c = ch[i];
      if (c <= ' ' || (c >= 0x80 && Texts.isSpace(c))) {
        if (!lastSpace) {
          b[p++] = ' ';
          lastSpace = true;
        }
      } else {
        b[p++] = c;
        lastSpace = false;
      }
    }
    len = p;
  }

  /** Appends exactly. */
  void append(char[] ch, int start, int n) {
    ensure(n);
    System.arraycopy(ch, start, buf, len, n);
    len += n;
  }

  void append(char c) {
    ensure(1);
    buf[len++] = c;
  }

  /** A space unless empty or already after a space or newline. */
  void softSpace() {
    if (len > 0) {
      char last = buf[len - 1];
      if (last != ' ' && last != '\n') {
        ensure(1);
        buf[len++] = ' ';
      }
    }
  }

  /** Trailing spaces and newlines removed. */
  void trimEnd() {
    while (len > 0 && (buf[len - 1] == ' ' || buf[len - 1] == '\n')) {
      len--;
    }
  }

  /** Ends the current paragraph: trailing spaces removed, one '\n' unless empty or already there. */
  void paragraphBreak() {
    trimEnd();
    if (len > 0) {
      ensure(1);
      buf[len++] = '\n';
    }
  }

  String substring(int from) {
    return new String(buf, from, len - from);
  }

  String substring(int from, int to) {
    return new String(buf, from, to - from);
  }

  @Override
  public String toString() {
    return new String(buf, 0, len);
  }
}
