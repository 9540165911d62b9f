package io.patent2tech.udfs.epo;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.patent2tech.schema.Claim;
import io.patent2tech.udfs.normalize.ClaimReferences;
import io.patent2tech.udfs.normalize.Texts;

/**
 * Numbered claims from OPS full-text {@code claim-text} elements. OPS has no claim numbers or
 * {@code claim-ref} markup, only text, and it cuts claims two ways: one {@code claim-text} per claim
 * (EP1000000A1) or all claims in one {@code claim-text}, each starting a line with its printed number
 * (WO2009085664A2, EP2400812A1). Both are read the same way: a new claim starts where the next
 * expected number is printed ({@code 2.} at a line start, or after a full stop within a line); a
 * {@code claim-text} without that number is one claim by itself. A short heading before claim 1
 * ("Claims") is dropped. The printed number is removed from the text, as the USPTO parser does.
 *
 * <p>Dependencies are read from the words, since there is no markup ({@link ClaimReferences}: "claim
 * 1", "claims 1 or 2", "claims 1 to 3", "any preceding claim", German and French alike). A claim with
 * no such reference is independent.
 */
final class EpoClaims {

  /** The printed number of a claim at a line start or after a full stop: group 1 the number. */
  private static final Pattern NUMBER = Pattern.compile("(?:^|\\n|(?<=[.;])[ \\t]+)[ \\t]*(\\d{1,3})[ \\t]*[.)][ \\t]*(?=\\S)");

  private static final int HEADING_MAX = 60;

  private EpoClaims() {}

  /** Claims numbered 1..n from the raw claim-text strings, in order; empty for none. */
  static List<Claim> of(List<String> claimTexts) {
    List<String> texts = new ArrayList<>();
    for (String raw : claimTexts) {
      split(raw, texts);
    }
    List<Claim> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      int number = i + 1;
      List<Integer> deps = ClaimReferences.dependsOn(texts.get(i), number);
      out.add(new Claim(number, texts.get(i), deps.isEmpty(), deps));
    }
    return out;
  }

  /** Adds the claims of one claim-text to {@code into} (whose size is the count of claims so far). */
  private static void split(String raw, List<String> into) {
    String text = raw.replace("\r\n", "\n").replace('\r', '\n');
    Matcher m = NUMBER.matcher(text);
    int expected = into.size() + 1;
    int claimStart = -1; // start of the current claim's text (after its number), -1 before the first
    int preambleEnd = -1;
    int search = 0;
    while (search < text.length() && m.find(search)) {
      int n = Integer.parseInt(m.group(1));
      if (n == expected) {
        if (claimStart >= 0) {
          addClaim(into, text.substring(claimStart, m.start()));
        } else {
          preambleEnd = m.start();
        }
        claimStart = m.end();
        expected++;
      }
      search = m.end() > m.start() ? m.end() : m.start() + 1;
    }
    if (claimStart < 0) {
      addClaim(into, text); // one claim, number not printed (or not the expected one)
      return;
    }
    String preamble = Texts.collapse(text.substring(0, preambleEnd));
    if (preamble != null && preamble.length() > HEADING_MAX) {
      // substantive text before the number: it belongs to the previous claim-text's last claim
      if (into.isEmpty()) {
        into.add(preamble);
      } else {
        into.set(into.size() - 1, into.get(into.size() - 1) + ' ' + preamble);
      }
    }
    addClaim(into, text.substring(claimStart));
  }

  private static void addClaim(List<String> into, String raw) {
    String t = Texts.collapse(raw);
    if (t != null) {
      into.add(stripNumber(t, into.size() + 1));
    }
  }

  /** "3. Apparatus ..." -> "Apparatus ..." when 3 is the claim's number (one claim-text per claim). */
  private static String stripNumber(String t, int number) {
    Matcher m = NUMBER.matcher(t);
    if (m.lookingAt() && Integer.parseInt(m.group(1)) == number && m.end() < t.length()) {
      return t.substring(m.end());
    }
    return t;
  }
}
