package io.patent2tech.udfs.kipris;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.patent2tech.udfs.normalize.Texts;

/**
 * One element of a KIPRIS response, read into memory. KIPRIS responses are small (a search page of
 * 500 rows is about 1 MB) and their shape varies between services and API generations (PascalCase
 * vs camelCase, one child where a list is expected, empty or nil sections), so the mapper works on
 * this small tree with case-insensitive look-ups rather than on a streaming cursor.
 */
final class XmlNode {

  private final String name;
  private final boolean nil;
  private final StringBuilder text = new StringBuilder();
  private final List<XmlNode> children = new ArrayList<>(4);

  XmlNode(String name, boolean nil) {
    this.name = name;
    this.nil = nil;
  }

  String name() {
    return name;
  }

  /** {@code xsi:nil="true"}: the office says the element has no value (KIPRIS does it to biblioSummaryInfo). */
  boolean isNil() {
    return nil;
  }

  void appendText(String s) {
    text.append(s);
  }

  void add(XmlNode child) {
    children.add(child);
  }

  List<XmlNode> children() {
    return Collections.unmodifiableList(children);
  }

  /** Own text, white space collapsed; null when blank (whitespace-only elements count as absent). */
  String text() {
    return nil ? null : Texts.collapse(text.toString());
  }

  /** Own text as given (line breaks kept), null when blank. */
  String rawText() {
    if (nil) {
      return null;
    }
    String s = text.toString();
    return s.isBlank() ? null : s;
  }

  /** The first child with this name (any case), or null. */
  XmlNode child(String childName) {
    for (XmlNode c : children) {
      if (c.name.equalsIgnoreCase(childName)) {
        return c;
      }
    }
    return null;
  }

  /** The children with this name (any case), in order; empty, never null. */
  List<XmlNode> all(String childName) {
    List<XmlNode> out = new ArrayList<>(2);
    for (XmlNode c : children) {
      if (c.name.equalsIgnoreCase(childName)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Text of the first child named one of {@code names} (any case) that has text; null if none. */
  String first(String... names) {
    for (String n : names) {
      for (XmlNode c : children) {
        if (c.name.equalsIgnoreCase(n)) {
          String t = c.text();
          if (t != null) {
            return t;
          }
        }
      }
    }
    return null;
  }

  /** Depth-first search for the first element named {@code n} (any case) below this one; null if none. */
  XmlNode find(String n) {
    for (XmlNode c : children) {
      if (c.name.equalsIgnoreCase(n)) {
        return c;
      }
      XmlNode d = c.find(n);
      if (d != null) {
        return d;
      }
    }
    return null;
  }

  /**
   * The entries of a KIPRIS array block: {@code <xInfoArray><xInfo/>...</xInfoArray>}, one
   * {@code <xInfo>} without the array wrapper, or nothing. Nil and empty entries are left out, so an
   * object where a list was expected and an empty section read the same as a list.
   */
  List<XmlNode> entries(String entryName) {
    List<XmlNode> out = new ArrayList<>(4);
    for (XmlNode c : children) {
      if (c.name.equalsIgnoreCase(entryName + "Array")) {
        for (XmlNode e : c.children) {
          if (e.name.equalsIgnoreCase(entryName) && e.hasContent()) {
            out.add(e);
          }
        }
      } else if (c.name.equalsIgnoreCase(entryName) && c.hasContent()) {
        out.add(c);
      }
    }
    return out;
  }

  /** Not nil and with some non-blank text in it or below it. */
  boolean hasContent() {
    if (nil) {
      return false;
    }
    if (!text.toString().isBlank()) {
      return true;
    }
    for (XmlNode c : children) {
      if (c.hasContent()) {
        return true;
      }
    }
    return false;
  }
}
