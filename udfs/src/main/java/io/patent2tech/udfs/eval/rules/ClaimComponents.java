package io.patent2tech.udfs.eval.rules;

import java.io.Serializable;
import java.util.Objects;

/**
 * A claim split into its drafting parts by {@link ClaimComponentParser}.
 *
 * <p>The text parts do not overlap. Together they hold the claim except the transition phrase,
 * punctuation at the seams, boilerplate ("the steps of", "것을 특징으로 하는") and the restated
 * subject (", the method comprising"; the closing "...장치" of a Korean claim that announced it with
 * "장치에 있어서,"). In the European two-part form the legal preamble (the prior-art portion) is
 * {@code preamble + transition + body}.
 *
 * @param preamble the subject of the claim ("A system for processing mid-dialog SIP messages", the
 *     "X" of "X에 있어서," or of a Korean claim's closing noun phrase); empty when the claim names none
 * @param transition the phrase that separates preamble and body as written in the claim, lower-cased
 *     for English ("comprising", "consisting of", "consisting essentially of", "including",
 *     "having", "wherein", "characterized in that", "를 포함하는", "으로 구성되는", "에 있어서",
 *     ...); null when none was found
 * @param body the elements after the transition, without the characterizing part; the whole claim
 *     when no structure was found; empty in a two-part claim whose preamble is followed directly by
 *     the characterizing part
 * @param characterizingPart what the claim marks as new: the text after "characterized in that /
 *     by", after "the improvement comprising", a closing "wherein" / "whereby" clause, or the Korean
 *     clause closed by "...을 특징으로 하는" or opened by "...를 포함하되 / 포함하고 / 포함하며,";
 *     null when there is none
 * @param language the rule set the claim was parsed with: "en" or "ko"
 */
public record ClaimComponents(
    String preamble, String transition, String body, String characterizingPart, String language)
    implements Serializable {

  public ClaimComponents {
    Objects.requireNonNull(preamble, "preamble (empty when none)");
    Objects.requireNonNull(body, "body (empty when none)");
    Objects.requireNonNull(language, "language");
  }
}
