package io.patent2tech.udfs.uspto;

/**
 * The text markup of one USPTO XML format: which elements are inline (no word break at their tags),
 * which are paragraphs and headings, how claims and claim references are named, and which subtrees
 * carry no readable text. The section readers are written once against this vocabulary; each
 * format's document reader picks its constant.
 */
enum Markup {

  /** ICE us-patent-grant / us-patent-application, v4.0-v4.7 (2005-). */
  ICE {
    @Override
    boolean isInline(String name) {
      switch (name) {
        case "b":
        case "i":
        case "u":
        case "o":
        case "s":
        case "sup":
        case "sub":
        case "sup2":
        case "sub2":
        case "smallcaps":
        case "figref":
        case "claim-ref":
        case "crossref":
        case "ins":
        case "del":
          return true;
        default:
          return false;
      }
    }

    @Override
    boolean isParagraph(String name) {
      return name.equals("p");
    }

    @Override
    boolean isHeading(String name) {
      return name.equals("heading");
    }

    @Override
    boolean isClaimRef(String name) {
      return name.equals("claim-ref");
    }

    @Override
    String claimRefTarget() {
      return "idref";
    }

    @Override
    String id() {
      return "id";
    }

    @Override
    boolean isDropped(String name) {
      return false;
    }
  },

  /**
   * PAP v1.5/v1.6 pre-grant publications (2001-2004): {@code paragraph} with a printed
   * {@code <number>[0001]</number>} (dropped: ICE keeps it in an attribute), {@code highlight/bold/
   * italic/superscript/subscript}, {@code dependent-claim-reference @depends_on}; description parts
   * are wrapper elements ({@code summary-of-invention} ...) holding {@code section}s.
   */
  PAP {
    @Override
    boolean isInline(String name) {
      switch (name) {
        case "highlight":
        case "bold":
        case "italic":
        case "underline":
        case "superscript":
        case "subscript":
        case "smallcaps":
        case "strikethrough":
        case "cross-reference":
        case "dependent-claim-reference":
          return true;
        default:
          return false;
      }
    }

    @Override
    boolean isParagraph(String name) {
      return name.equals("paragraph");
    }

    @Override
    boolean isHeading(String name) {
      return name.equals("heading");
    }

    @Override
    boolean isClaimRef(String name) {
      return name.equals("dependent-claim-reference");
    }

    @Override
    String claimRefTarget() {
      return "depends_on";
    }

    @Override
    String id() {
      return "id";
    }

    @Override
    boolean isDropped(String name) {
      return name.equals("number");
    }

    @Override
    boolean isContainer(String name) {
      return name.equals("section");
    }

    @Override
    boolean regionsAreElements() {
      return true;
    }
  },

  /**
   * ST.32 PATDOC in XML syntax (SGML-era "pg" grants, DTD 2.4/2.5, 2001-2004): upper-case names,
   * every piece of text in a {@code PDAT}, paragraphs {@code PARA} (claims add {@code CLMSTEP}),
   * headings {@code H}, claim references {@code CLREF @ID}; description parts are the wrapper
   * elements {@code RELAPP BRFSUM DRWDESC DETDESC}.
   */
  ST32 {
    @Override
    boolean isInline(String name) {
      switch (name) {
        case "PDAT":
        case "PTEXT":
        case "STEXT":
        case "HIL":
        case "BOLD":
        case "ITALIC":
        case "SB":
        case "SP":
        case "U":
        case "O":
        case "SMCP":
        case "FGREF":
        case "CLREF":
        case "F":
        case "URL":
        case "EMAIL":
        case "DEL":
        case "INS":
          return true;
        default:
          return false;
      }
    }

    @Override
    boolean isParagraph(String name) {
      return name.equals("PARA");
    }

    @Override
    boolean isHeading(String name) {
      return name.equals("H");
    }

    @Override
    boolean isClaimRef(String name) {
      return name.equals("CLREF");
    }

    @Override
    String claimRefTarget() {
      return "ID";
    }

    @Override
    String id() {
      return "ID";
    }

    @Override
    boolean isDropped(String name) {
      return false;
    }

    @Override
    boolean isContainer(String name) {
      return name.equals("BTEXT");
    }

    @Override
    boolean regionsAreElements() {
      return true;
    }
  };

  /** Element boundaries that do not separate words. */
  abstract boolean isInline(String name);

  abstract boolean isParagraph(String name);

  abstract boolean isHeading(String name);

  /** An element inside claim text naming the claims it refers to. */
  abstract boolean isClaimRef(String name);

  /** The attribute of a claim reference that holds the target claim ids. */
  abstract String claimRefTarget();

  /** The id attribute (claims, figures). */
  abstract String id();

  /** A subtree whose text is not read (PAP's printed paragraph numbers). */
  abstract boolean isDropped(String name);

  /** MathML: its text is read, its tags are no word breaks. */
  boolean isMath(String name) {
    return name.equals("math");
  }

  /** A description element that only groups paragraphs (its children are read one by one). */
  boolean isContainer(String name) {
    return false;
  }

  /**
   * Whether some files leave claim references unmarked, so that a claim without one takes the
   * claims its words name ({@link io.patent2tech.udfs.normalize.ClaimReferences}). ICE files mark
   * every one.
   */
  boolean claimRefsMayBeUnmarked() {
    return this != ICE;
  }

  /**
   * Whether description parts are wrapper elements (PAP, ST.32) rather than processing-instruction
   * pairs (ICE).
   */
  boolean regionsAreElements() {
    return false;
  }
}
