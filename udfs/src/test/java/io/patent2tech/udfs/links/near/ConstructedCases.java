package io.patent2tech.udfs.links.near;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.patent2tech.schema.Claim;
import io.patent2tech.schema.Classification;
import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.RelatedDocument;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.Fixtures;
import io.patent2tech.udfs.UsptoDocumentProcessor;

/**
 * The level-4 cases of issue 10, built from the captured ICE documents in fixtures/uspto parsed as
 * the ingest job parses them: each is a real text, copied, edited or re-typeset under a new number.
 */
final class ConstructedCases {

  /** A grant with 31 claims (A61B 5/0205). */
  static final String BASE_FILE = "grant/US08926509.xml";

  private ConstructedCases() {}

  static Patent parse(String file) {
    try {
      return new UsptoDocumentProcessor().process(Fixtures.bytes(file), Fixtures.source(file, 0), 0L);
    } catch (DocumentRejectedException e) {
      throw new AssertionError(file + " no longer parses", e);
    }
  }

  static Patent base() {
    return parse(BASE_FILE);
  }

  /** The same document under another publication number. */
  static Patent exactCopy(Patent base, String key) {
    return renumbered(base, key);
  }

  /** A copy whose last claim was reworded (a few words changed, a phrase added). */
  static Patent withChangedClaim(Patent base, String key) {
    Patent copy = renumbered(base, key);
    List<Claim> claims = new ArrayList<>(copy.getClaims());
    Claim last = claims.get(claims.size() - 1);
    String reworded = last.getText().replace(" the ", " said ") + " and further comprising a housing";
    if (reworded.equals(last.getText())) {
      throw new AssertionError("the last claim of " + base.getPublicationKey() + " did not change");
    }
    claims.set(claims.size() - 1, Claim.newBuilder(last).setText(reworded).build());
    copy.setClaims(claims);
    copy.setContentHash(copy.getContentHash() + "-changed-claim");
    return copy;
  }

  /** A copy whose second claim is replaced by the first claim of another patent. */
  static Patent withReplacedClaim(Patent base, Patent claimFrom, String key) {
    Patent copy = renumbered(base, key);
    List<Claim> claims = new ArrayList<>(copy.getClaims());
    claims.set(1, Claim.newBuilder(claims.get(1)).setText(claimFrom.getClaims().get(0).getText()).build());
    copy.setClaims(claims);
    copy.setContentHash(copy.getContentHash() + "-replaced-claim");
    return copy;
  }

  /**
   * The same text typeset differently: title in capitals, runs of spaces, line breaks and no-break
   * spaces, punctuation written as character references ({@code &#44;}, {@code &#x3B;}), dashes as
   * {@code &mdash;}.
   */
  static Patent retypeset(Patent base, String key) {
    Patent copy = renumbered(base, key);
    copy.setTitles(retyped(copy.getTitles(), true));
    copy.setAbstracts(retyped(copy.getAbstracts(), false));
    List<Claim> claims = new ArrayList<>();
    for (Claim claim : copy.getClaims()) {
      claims.add(Claim.newBuilder(claim).setText(retype(claim.getText())).build());
    }
    copy.setClaims(claims);
    copy.setContentHash(copy.getContentHash() + "-retypeset");
    return copy;
  }

  /** A continuation: same title, abstract and parent reference, but a new claim set (another patent's claims). */
  static Patent continuation(Patent base, Patent claimsFrom, String key) {
    Patent copy = renumbered(base, key);
    copy.setClaims(new ArrayList<>(claimsFrom.getClaims()));
    copy.setRelatedDocuments(List.of(RelatedDocument.newBuilder().setRelation("continuation")
        .setDocument(base.getPublication()).build()));
    copy.setContentHash(copy.getContentHash() + "-continuation");
    return copy;
  }

  /** The document put into one CPC group (the fixtures hold no two unrelated documents of one group). */
  static Patent inCpcGroup(Patent patent, String symbol) {
    Patent copy = Patent.newBuilder(patent).build();
    copy.setClassifications(List.of(Classification.newBuilder().setScheme("CPC").setSymbol(symbol)
        .setFirst(true).build()));
    return copy;
  }

  static Patent inLanguage(Patent patent, String key, String language) {
    Patent copy = renumbered(patent, key);
    copy.setLanguage(language);
    return copy;
  }

  static Patent renumbered(Patent base, String key) {
    String[] parts = key.split("-");
    Patent copy = Patent.newBuilder(base).build();
    copy.setPublicationKey(key);
    copy.setPublication(DocumentId.newBuilder(base.getPublication()).setNumber(parts[1]).setKind(parts[2]).build());
    copy.setApplicationKey(null); // no shared identifier: that is what level 4 is for
    copy.setApplication(null);
    copy.setFamilyId(null);
    return copy;
  }

  private static List<LocalizedText> retyped(List<LocalizedText> texts, boolean capitals) {
    List<LocalizedText> out = new ArrayList<>();
    for (LocalizedText t : texts) {
      String text = retype(t.getText());
      out.add(LocalizedText.newBuilder(t).setText(capitals ? text.toUpperCase(Locale.ROOT) : text).build());
    }
    return out;
  }

  private static String retype(String text) {
    StringBuilder out = new StringBuilder();
    int spaces = 0;
    for (char c : text.toCharArray()) {
      switch (c) {
        case ' ' -> out.append(switch (spaces++ % 4) {
          case 0 -> "  ";
          case 1 -> "\n";
          case 2 -> "\u00a0";
          default -> " \t";
        });
        case ',' -> out.append("&#44;");
        case ';' -> out.append("&#x3B;");
        case '-' -> out.append("&mdash;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
