package io.patent2tech.udfs.normalize;

import java.util.Locale;

/** The schema's {@code document_type} values, shared by the parser and the normalizer. */
public final class DocumentTypes {

  private DocumentTypes() {}

  /**
   * utility | design | plant | reissue for those words (any case, outer white space ignored), as
   * ICE's {@code appl-type} and the schema write them; other for any other value; null for null.
   */
  public static String of(String type) {
    if (type == null) {
      return null;
    }
    switch (type.trim().toLowerCase(Locale.ROOT)) {
      case "utility":
        return "utility";
      case "design":
        return "design";
      case "plant":
        return "plant";
      case "reissue":
        return "reissue";
      default:
        return "other";
    }
  }
}
