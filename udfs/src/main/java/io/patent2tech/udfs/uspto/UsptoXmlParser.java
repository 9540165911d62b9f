package io.patent2tech.udfs.uspto;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.codehaus.stax2.DTDInfo;
import org.codehaus.stax2.XMLStreamReader2;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxLazyException;
import com.ctc.wstx.stax.WstxInputFactory;

import io.patent2tech.schema.Citation;
import io.patent2tech.schema.Claim;
import io.patent2tech.schema.Classification;
import io.patent2tech.schema.DescriptionSection;
import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.Figure;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Party;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.RelatedDocument;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.normalize.ClassificationSymbols;
import io.patent2tech.udfs.normalize.DocumentTypes;
import io.patent2tech.udfs.normalize.PublicationKeys;
import io.patent2tech.udfs.normalize.Texts;
import io.patent2tech.udfs.xml.SafeXml;
import io.patent2tech.udfs.xml.StaxCursor;

/**
 * Streaming (StAX, single pass) parser for one USPTO ICE XML document: {@code us-patent-grant} and
 * {@code us-patent-application}, DTD versions v4.0 to v4.7. See docs/parser.md for what is read from
 * where.
 *
 * <p>The result is the parsed, not yet normalized record: numbers and dates as the office wrote them
 * ({@code 08930553}, {@code 20150106}), USPC symbols in their positional form ({@code "714  4"});
 * text is already whitespace-collapsed. {@code publication_key} is filled, {@code content_hash} is
 * empty; {@link io.patent2tech.udfs.normalize.PatentNormalizer} finishes the record.
 *
 * <p>Every failure is a {@link DocumentRejectedException} with stage {@code parse}: malformed XML
 * (with the reader's message, line and column), an entity that is neither declared nor in the ISO
 * table (named in the reason), and formats this parser does not read (PAP 2001-2004, ST.32
 * "PATDOC", APS Green Book text, ICE versions other than v4.0-v4.7).
 *
 * <p>Instances are stateless and thread-safe; all per-document state lives in a private reader
 * object created per call.
 */
public final class UsptoXmlParser implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Shared, configured once; XMLInputFactory is thread-safe once configured. */
  private static final class Holder {
    static final XMLInputFactory FACTORY = newInputFactory();
  }

  public UsptoXmlParser() {}

  /**
   * The XMLInputFactory configuration the parser uses: Woodstox, not namespace aware, not
   * validating, internal DTD subset read (so documents can declare their own entities) but never an
   * external DTD or external entity (a resolver hands back an empty stream; nothing is fetched or
   * opened), and the named entities of the ISO 8879 table ({@code iso-entities.tsv}) defined as
   * internal entities. The benchmark uses it for its bare StAX scan, so both read bytes the same way.
   */
  public static XMLInputFactory newInputFactory() {
    WstxInputFactory f = SafeXml.newInputFactory(false, false, SafeXml.Dtd.INTERNAL_SUBSET);
    f.setProperty(WstxInputProperties.P_CUSTOM_INTERNAL_ENTITIES, IsoEntities.replacementTexts());
    return f;
  }

  /**
   * Parses one document.
   *
   * @param document the bytes of exactly one XML document (encoding from its declaration, UTF-8
   *                 by default)
   * @param where    office/file/entry/position/offset of the document; copied, with product filled
   *                 in (e.g. {@code us-patent-grant v4.5 2014-04-03}); null is read as an unknown
   *                 USPTO file
   */
  public Patent parse(byte[] document, Source where) throws DocumentRejectedException {
    if (document == null || document.length == 0) {
      throw reject("empty document", null);
    }
    sniffFormat(document);
    XMLStreamReader2 reader = null;
    try {
      reader = (XMLStreamReader2) Holder.FACTORY.createXMLStreamReader(new ByteArrayInputStream(document));
      Buffers buffers = BUFFERS.get();
      try {
        return new Run(reader, where, buffers).read();
      } finally {
        buffers.release();
      }
    } catch (DocumentRejectedException e) {
      throw e;
    } catch (XMLStreamException e) {
      throw malformed(e, reader, document);
    } catch (WstxLazyException e) {
      Throwable cause = e.getCause();
      if (cause instanceof XMLStreamException) {
        throw malformed((XMLStreamException) cause, reader, document);
      }
      throw malformed(new XMLStreamException(e.getMessage()), reader, document);
    } catch (RuntimeException e) {
      throw reject("parser error: " + e, e);
    } finally {
      if (reader != null) {
        try {
          reader.closeCompletely();
        } catch (XMLStreamException | RuntimeException ignored) {
          // closing a byte array source cannot lose data
        }
      }
    }
  }

  private static DocumentRejectedException reject(String reason, Throwable cause) {
    return new DocumentRejectedException(DocumentRejectedException.STAGE_PARSE, reason, null, cause);
  }

  private static DocumentRejectedException malformed(XMLStreamException e, XMLStreamReader reader, byte[] document) {
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (msg.contains("UTF-8")) {
      // the reader's location for a decoding error is relative to its buffer: find the bytes ourselves
      int bad = firstInvalidUtf8(document);
      if (bad >= 0) {
        int paren = msg.indexOf(" (at char #");
        String core = paren > 0 ? msg.substring(0, paren) : msg;
        int at = core.indexOf("\n at [");
        if (at >= 0) {
          core = core.substring(0, at);
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
          if (document[i] == '\n') {
            line++;
            lineStart = i + 1;
          }
        }
        int column = 1;
        for (int i = lineStart; i < bad; i++) {
          if ((document[i] & 0xC0) != 0x80) {
            column++;
          }
        }
        return reject("malformed XML: " + core.trim() + " (line " + line + ", column " + column + ", byte offset "
            + bad + ")", e);
      }
    }
    return reject(SafeXml.malformedReason("malformed XML: ", e, reader), e);
  }

  /** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1. */
  static int firstInvalidUtf8(byte[] b) {
    int i = 0;
    int n = b.length;
    while (i < n) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int need;
      int min2 = 0x80;
      int max2 = 0xBF;
      if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        if (c == 0xE0) {
          min2 = 0xA0;
        } else if (c == 0xED) {
          max2 = 0x9F;
        }
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        if (c == 0xF0) {
          min2 = 0x90;
        } else if (c == 0xF4) {
          max2 = 0x8F;
        }
      } else {
        return i;
      }
      for (int k = 1; k <= need; k++) {
        if (i + k >= n) {
          return i;
        }
        int d = b[i + k] & 0xff;
        int lo = k == 1 ? min2 : 0x80;
        int hi = k == 1 ? max2 : 0xBF;
        if (d < lo || d > hi) {
          return i + k;
        }
      }
      i += need + 1;
    }
    return -1;
  }

  /** Rejects what is plainly not XML before handing it to the XML reader. */
  private static void sniffFormat(byte[] b) throws DocumentRejectedException {
    int n = b.length;
    if (n >= 2 && (((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) || ((b[0] & 0xff) == 0xFF
        && (b[1] & 0xff) == 0xFE))) {
      return; // UTF-16: leave it to the XML reader
    }
    int i = SafeXml.startOfContent(b);
    if (i >= n) {
      throw reject("empty document (white space only)", null);
    }
    if (b[i] == '<') {
      return;
    }
    if (n - i >= 4 && b[i] == 'P' && b[i + 1] == 'A' && b[i + 2] == 'T' && b[i + 3] == 'N') {
      throw reject("unsupported format: APS Green Book text (1976-2001 full text, PATN records)", null);
    }
    throw reject("unsupported format: not XML (starts with \"" + SafeXml.asciiHead(b, i) + "\")", null);
  }

  // ---------------------------------------------------------------------------------------------

  /** Elements whose boundaries do not separate words (everything else reads as a space). */
  static boolean isInline(String name) {
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

  /** Text buffers reused by the parse calls of one thread (the parser's hot path allocates little). */
  private static final class Buffers {
    private static final int KEEP_CHARS = 1 << 21; // a buffer grown beyond 4 MiB is not kept
    TextBuffer small = new TextBuffer(1024);
    TextBuffer large = new TextBuffer(64 * 1024);

    void release() {
      if (small.capacity() > KEEP_CHARS) {
        small = new TextBuffer(1024);
      }
      if (large.capacity() > KEEP_CHARS) {
        large = new TextBuffer(64 * 1024);
      }
    }
  }

  private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

  /** Per-document state. Not thread-safe; one per parse call. */
  private static final class Run {
    private final XMLStreamReader2 r;
    private final Source where;
    private final TextBuffer tmp;
    private final TextBuffer big;

    private String root;
    private String lang;
    private String dtdVersion;
    private String datePubl;

    private DocumentId publication;
    private DocumentId application;
    private String applType;
    private String title;
    private String titleLang;
    private final List<LocalizedText> abstracts = new ArrayList<>(1);
    private final List<RelatedDocument> related = new ArrayList<>(4);
    private final List<Classification> classifications = new ArrayList<>(8);
    private final List<Party> applicants = new ArrayList<>(4);
    private final List<Party> inventors = new ArrayList<>(4);
    private final List<Party> applicantInventors = new ArrayList<>(4);
    private final List<Party> assignees = new ArrayList<>(2);
    private final List<Party> agents = new ArrayList<>(2);
    private final List<Citation> citations = new ArrayList<>(16);
    private final List<Figure> figures = new ArrayList<>(8);
    private final List<Claim> claims = new ArrayList<>(20);
    private final List<DescriptionSection> description = new ArrayList<>(16);
    private final List<String> bdodParagraphs = new ArrayList<>(12);

    Run(XMLStreamReader2 r, Source where, Buffers buffers) {
      this.r = r;
      this.where = where;
      this.tmp = buffers.small;
      this.big = buffers.large;
      tmp.clear();
      big.clear();
    }

    Patent read() throws XMLStreamException, DocumentRejectedException {
      // prolog up to the root element
      String doctypeSystemId = null;
      while (true) {
        if (!r.hasNext()) {
          throw reject("malformed XML: no root element", null);
        }
        int ev = r.next();
        if (ev == XMLStreamConstants.DTD) {
          DTDInfo info = r.getDTDInfo();
          if (info != null) {
            doctypeSystemId = info.getDTDSystemId();
          }
        } else if (ev == XMLStreamConstants.START_ELEMENT) {
          break;
        }
      }
      root = r.getLocalName();
      checkRoot(doctypeSystemId);
      lang = lower(attr("lang"));
      datePubl = attr("date-publ");

      while (true) {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          element(r.getLocalName());
        } else if (ev == XMLStreamConstants.END_DOCUMENT) {
          break;
        }
      }
      return build();
    }

    private void checkRoot(String doctypeSystemId) throws DocumentRejectedException {
      switch (root) {
        case "us-patent-grant":
        case "us-patent-application":
          break;
        case "patent-application-publication":
          throw reject("unsupported format: PAP v1.5 (2001-2004 pre-grant publication XML)", null);
        case "PATDOC": {
          String dtd = attr("DTD");
          throw reject("unsupported format: ST.32 PATDOC" + (dtd != null ? " DTD " + dtd : "")
              + " (2001-2004 grant XML, SGML-era 'pg' files)", null);
        }
        default:
          throw reject("unsupported format: root element <" + root + "> is not an ICE us-patent-grant or"
              + " us-patent-application document", null);
      }
      String v = attr("dtd-version");
      String version = iceVersion(v);
      if (v == null && doctypeSystemId != null) { // no attribute: the DTD file name still says it
        version = iceVersionFromSystemId(doctypeSystemId);
      }
      if (version == null) {
        throw reject("unsupported format: " + root + " with dtd-version "
            + (v == null ? "(none)" : "'" + v + "'") + "; supported: v4.0 to v4.7", null);
      }
      dtdVersion = version;
    }

    /** "v4.5 2014-04-03" and "v40 2004-12-02" -> "v4.5 2014-04-03" / "v4.0 2004-12-02"; null if not v4.0-4.7. */
    static String iceVersion(String v) {
      if (v == null) {
        return null;
      }
      String t = v.trim();
      int i = 0;
      if (i < t.length() && (t.charAt(i) == 'v' || t.charAt(i) == 'V')) {
        i++;
      }
      if (i >= t.length() || t.charAt(i) != '4') {
        return null;
      }
      i++;
      if (i < t.length() && t.charAt(i) == '.') {
        i++;
      }
      if (i >= t.length()) {
        return null;
      }
      char minor = t.charAt(i);
      if (minor < '0' || minor > '7') {
        return null;
      }
      i++;
      if (i < t.length() && Character.isDigit(t.charAt(i))) {
        return null; // v4.10 and the like
      }
      String rest = t.substring(i).trim();
      return "v4." + minor + (rest.isEmpty() ? "" : " " + rest);
    }

    /** us-patent-grant-v45-2014-04-03.dtd -> "v4.5 2014-04-03". */
    static String iceVersionFromSystemId(String systemId) {
      int i = systemId.lastIndexOf("-v4");
      if (i < 0 || i + 4 >= systemId.length()) {
        return null;
      }
      char minor = systemId.charAt(i + 3);
      String rest = systemId.substring(i + 4);
      if (rest.startsWith("-")) {
        rest = rest.substring(1);
      }
      if (rest.endsWith(".dtd")) {
        rest = rest.substring(0, rest.length() - 4);
      }
      return iceVersion("v4." + minor + " " + rest);
    }

    // -- dispatch ---------------------------------------------------------------------------------

    /** Reader positioned at a START_ELEMENT we have not claimed: handle it or descend into it. */
    private void element(String name) throws XMLStreamException {
      switch (name) {
        case "publication-reference":
          if (publication == null) {
            publication = readDocumentId();
          } else {
            r.skipElement();
          }
          break;
        case "application-reference":
          if (application == null) {
            applType = attr("appl-type");
            application = readDocumentId();
          } else {
            r.skipElement();
          }
          break;
        case "invention-title":
          if (title == null) {
            titleLang = lower(attr("lang"));
            title = readText();
          } else {
            r.skipElement();
          }
          break;
        case "classification-ipc":
          readEditionClassification("IPC");
          break;
        case "classification-ipcr":
          readIpcr("IPC", false);
          break;
        case "classifications-cpc":
          readCpcBlock();
          break;
        case "classification-cpc":
          readIpcr("CPC", false);
          break;
        case "classification-national":
          readNational();
          break;
        case "classification-locarno":
          readEditionClassification("LOCARNO");
          break;
        case "us-citation":
        case "citation":
          readCitation();
          break;
        case "us-related-documents":
        case "related-documents":
          readRelatedBlock();
          break;
        case "priority-claim":
          readPriorityClaim();
          break;
        case "us-applicant":
        case "applicant": {
          String appType = attr("app-type");
          Party p = readParty(applicants);
          if (p != null && appType != null && appType.contains("inventor")) {
            applicantInventors.add(copy(p));
          }
          break;
        }
        case "inventor":
        case "us-inventor":
        case "deceased-inventor":
          readParty(inventors);
          break;
        case "agent":
          readParty(agents);
          break;
        case "assignee":
          readParty(assignees);
          break;
        case "abstract":
          readAbstract();
          break;
        case "figure":
          readFigure();
          break;
        case "description":
          readDescription();
          break;
        case "claim":
          readClaim();
          break;
        // subtrees that hold look-alike elements (names, classifications, dates) of other documents
        case "us-field-of-classification-search":
        case "field-of-search":
        case "examiners":
        case "correspondence-address":
        case "us-claim-statement":
        case "pct-or-regional-filing-data":
        case "pct-or-regional-publishing-data":
        case "us-term-of-grant":
        case "us-sequence-list-doc":
        case "sequence-list-doc":
        case "us-chemistry":
        case "table-external-doc":
          r.skipElement();
          break;
        default:
          break; // descend: handled elements are matched wherever they sit
      }
    }

    // -- bibliographic data -----------------------------------------------------------------------

    /**
     * country / doc-number / kind / date of the current element (a *-reference, document-id,
     * patcit, priority-claim ...), at any depth below it; the first occurrence of each wins.
     */
    private DocumentId readDocumentId() throws XMLStreamException {
      DocumentId d = new DocumentId();
      int depth = r.getDepth();
      for (String name = nextStartWithin(depth); name != null; name = nextStartWithin(depth)) {
        switch (name) {
          case "country":
            d.setCountry(firstText(d.getCountry()));
            break;
          case "doc-number":
            d.setNumber(firstText(d.getNumber()));
            break;
          case "kind":
            d.setKind(firstText(d.getKind()));
            break;
          case "date":
            d.setDate(firstText(d.getDate()));
            break;
          case "name":
          case "classification-national":
          case "classification-cpc-text":
            r.skipElement();
            break;
          default:
            break;
        }
      }
      return d;
    }

    /**
     * classification-ipc (IPC 7) and classification-locarno: main and further symbols, versioned by
     * the edition. The edition is applied once the element is read, wherever it stands in it.
     */
    private void readEditionClassification(String scheme) throws XMLStreamException {
      int from = classifications.size();
      String edition = null;
      int depth = r.getDepth();
      for (String name = nextStartWithin(depth); name != null; name = nextStartWithin(depth)) {
        switch (name) {
          case "edition":
            edition = readText();
            break;
          case "main-classification":
          case "further-classification": {
            String symbol = readText();
            if (symbol != null) {
              classifications.add(classification(scheme, symbol, name.equals("main-classification"), null, null));
            }
            break;
          }
          default:
            break;
        }
      }
      String version = edition == null ? null : stripLeadingZeros(edition);
      for (int i = from; i < classifications.size(); i++) {
        classifications.get(i).setVersion(version);
      }
    }

    /** classification-ipcr / classification-cpc: the parts, value, position and version date. */
    private void readIpcr(String scheme, boolean inMain) throws XMLStreamException {
      String section = null;
      String clazz = null;
      String subclass = null;
      String mainGroup = null;
      String subgroup = null;
      String position = null;
      String value = null;
      String version = null;
      int depth = r.getDepth();
      for (String name = nextStartWithin(depth); name != null; name = nextStartWithin(depth)) {
        switch (name) {
          case "section":
            section = readText();
            break;
          case "class":
            clazz = readText();
            break;
          case "subclass":
            subclass = readText();
            break;
          case "main-group":
            mainGroup = readText();
            break;
          case "subgroup":
            subgroup = readText();
            break;
          case "symbol-position":
            position = readText();
            break;
          case "classification-value":
            value = readText();
            break;
          case "ipc-version-indicator":
          case "cpc-version-indicator":
            version = readText();
            break;
          case "action-date":
          case "generating-office":
            r.skipElement();
            break;
          default:
            break;
        }
      }
      String symbol = ClassificationSymbols.cpcFromParts(section, clazz, subclass, mainGroup, subgroup);
      if (symbol == null) {
        return;
      }
      Boolean inventive = null;
      if ("I".equals(value)) {
        inventive = Boolean.TRUE;
      } else if ("A".equals(value)) {
        inventive = Boolean.FALSE;
      }
      boolean first = inMain || "F".equals(position);
      classifications.add(classification(scheme, symbol, first, inventive, version));
    }

    /** classifications-cpc: main-cpc (first) and further-cpc; combination sets are skipped. */
    private void readCpcBlock() throws XMLStreamException {
      int mainDepth = 0; // depth of the main-cpc being read, 0 outside one
      int depth = r.getDepth();
      for (String name = nextStartWithin(depth); name != null; name = nextStartWithin(depth)) {
        if (r.getDepth() <= mainDepth) {
          mainDepth = 0; // back at or above main-cpc's depth: it has ended
        }
        switch (name) {
          case "main-cpc":
            mainDepth = r.getDepth();
            break;
          case "further-cpc":
            mainDepth = 0;
            break;
          case "classification-cpc":
            readIpcr("CPC", mainDepth > 0);
            break;
          case "combination-set":
          case "classification-cpc-text":
          case "classification-cpc-combination-text":
            r.skipElement();
            break;
          default:
            break;
        }
      }
    }

    /**
     * classification-national: USPC main (first) + further, kept in positional form. The scheme
     * follows from the country, applied once the element is read, wherever it stands in it.
     */
    private void readNational() throws XMLStreamException {
      int from = classifications.size();
      String country = null;
      int depth = r.getDepth();
      for (String name = nextStartWithin(depth); name != null; name = nextStartWithin(depth)) {
        switch (name) {
          case "country":
            country = readText();
            break;
          case "main-classification":
          case "further-classification": {
            String symbol = readRawText();
            if (symbol != null && !symbol.trim().isEmpty() && !"None".equalsIgnoreCase(symbol.trim())) {
              classifications.add(classification(null, symbol, name.equals("main-classification"), null, null));
            }
            break;
          }
          case "additional-info":
            r.skipElement();
            break;
          default:
            break;
        }
      }
      String scheme = country == null || "US".equalsIgnoreCase(country) ? "USPC"
          : country.toUpperCase(Locale.ROOT) + "-NATIONAL";
      for (int i = from; i < classifications.size(); i++) {
        classifications.get(i).setScheme(scheme);
      }
    }

    private static Classification classification(String scheme, String symbol, boolean first, Boolean inventive,
                                                  String version) {
      Classification c = new Classification();
      c.setScheme(scheme);
      c.setSymbol(symbol);
      c.setFirst(first);
      c.setInventive(inventive);
      c.setVersion(version);
      return c;
    }

    /** us-citation / citation: patcit or nplcit, plus category. */
    private void readCitation() throws XMLStreamException {
      DocumentId doc = null;
      String text = null;
      String category = null;
      int num = -1;
      int depth = r.getDepth();
      for (String name = nextStartWithin(depth); name != null; name = nextStartWithin(depth)) {
        switch (name) {
          case "patcit":
            num = parseIntOr(attr("num"), -1);
            doc = readDocumentId();
            break;
          case "nplcit":
            num = parseIntOr(attr("num"), -1);
            text = readText();
            break;
          case "category":
            category = readText();
            break;
          default:
            r.skipElement(); // classification-national, classification-cpc-text of the cited document
        }
      }
      if (doc == null && text == null) {
        return;
      }
      Citation c = new Citation();
      c.setType(doc != null ? "patent" : "npl");
      c.setDocument(doc);
      c.setText(doc != null ? null : text);
      c.setCitedBy(citedBy(category));
      c.setSequence(num >= 0 ? num : citations.size() + 1);
      citations.add(c);
    }

    private static String citedBy(String category) {
      if (category == null) {
        return null;
      }
      String c = category.toLowerCase(Locale.ROOT);
      if (c.contains("examiner")) {
        return "examiner";
      }
      if (c.contains("applicant")) {
        return "applicant";
      }
      return "other";
    }

    /** us-related-documents: one child per relation (continuation, division, provisional, ...). */
    private void readRelatedBlock() throws XMLStreamException {
      int depth = r.getDepth();
      for (String name = nextStartWithin(depth); name != null; name = nextStartWithin(depth)) {
        readRelation(relation(name));
      }
    }

    /**
     * Every document-id under the relation except the child-doc (which is this application or an
     * intermediate one). A parent-grant-document is the parent's patent: its number loses the
     * office padding here already (no kind code says so later).
     */
    private void readRelation(String relation) throws XMLStreamException {
      int grantDepth = 0; // depth of the parent-grant-document being read, 0 outside one
      int depth = r.getDepth();
      for (String name = nextStartWithin(depth); name != null; name = nextStartWithin(depth)) {
        if (r.getDepth() <= grantDepth) {
          grantDepth = 0; // back at or above its depth: the grant document has ended
        }
        switch (name) {
          case "child-doc":
          case "parent-status":
            r.skipElement();
            break;
          case "parent-grant-document":
            grantDepth = r.getDepth();
            break;
          case "document-id": {
            DocumentId d = readDocumentId();
            if (grantDepth > 0 && d.getNumber() != null) {
              d.setNumber(PublicationKeys.normalizeNumber(d.getCountry(), d.getNumber()));
            }
            addRelated(relation, d);
            break;
          }
          default:
            break;
        }
      }
    }

    private static String relation(String element) {
      switch (element) {
        case "continuation":
          return "continuation";
        case "continuation-in-part":
          return "continuation-in-part";
        case "division":
          return "division";
        case "us-provisional-application":
        case "provisional-application":
          return "provisional";
        case "related-publication":
          return "related-publication";
        case "reissue":
        case "us-reissue":
          return "reissue";
        default:
          return "other";
      }
    }

    private void readPriorityClaim() throws XMLStreamException {
      DocumentId d = readDocumentId();
      d.setKind(null); // the kind attribute/element of a priority claim is national|regional|international
      addRelated("priority", d);
    }

    /** A related document without a number names nothing and is left out. */
    private void addRelated(String relation, DocumentId d) {
      if (d.getNumber() != null) {
        RelatedDocument rd = new RelatedDocument();
        rd.setRelation(relation);
        rd.setDocument(d);
        related.add(rd);
      }
    }

    /**
     * applicant / inventor / agent / assignee: names, city and country of the address, added to
     * {@code parties}. Returns the party, or null when it has no name (and was not added).
     */
    private Party readParty(List<Party> parties) throws XMLStreamException {
      int sequence = parseIntOr(attr("sequence"), -1);
      String org = null;
      String first = null;
      String last = null;
      String name = null;
      String city = null;
      String country = null;
      String residence = null;
      int section = 0; // 0 none, 1 address, 2 residence, 3 nationality
      int sectionDepth = 0; // depth of the element that set section
      int depth = r.getDepth();
      for (String el = nextStartWithin(depth); el != null; el = nextStartWithin(depth)) {
        if (r.getDepth() <= sectionDepth) {
          section = 0; // back at or above its depth: that element has ended
          sectionDepth = 0;
        }
        switch (el) {
          case "orgname":
            org = firstText(org);
            break;
          case "first-name":
            first = firstText(first);
            break;
          case "last-name":
            last = firstText(last);
            break;
          case "name":
            name = firstText(name);
            break;
          case "city":
            if (section == 3) {
              r.skipElement();
            } else {
              city = firstText(city);
            }
            break;
          case "country": {
            String c = readText();
            if (section == 2) {
              residence = residence == null ? c : residence;
            } else if (section != 3 && country == null) {
              country = c;
            }
            break;
          }
          case "address":
            section = 1;
            sectionDepth = r.getDepth();
            break;
          case "residence":
            section = 2;
            sectionDepth = r.getDepth();
            break;
          case "nationality":
            section = 3;
            sectionDepth = r.getDepth();
            break;
          case "role":
          case "department":
          case "designated-states":
          case "us-rights":
            r.skipElement();
            break;
          default:
            break;
        }
      }
      String display;
      if (org != null) {
        display = org;
      } else if (first != null || last != null) {
        display = first == null ? last : last == null ? first : first + ' ' + last;
      } else {
        display = name;
      }
      if (display == null) {
        return null;
      }
      Party p = new Party();
      p.setName(display);
      p.setOrganization(org);
      p.setFirstName(first);
      p.setLastName(last);
      p.setCity(city);
      p.setCountry(country != null ? country : residence);
      p.setSequence(sequence >= 0 ? sequence : 0);
      parties.add(p);
      return p;
    }

    private static Party copy(Party p) {
      Party c = new Party();
      c.setName(p.getName());
      c.setOrganization(p.getOrganization());
      c.setFirstName(p.getFirstName());
      c.setLastName(p.getLastName());
      c.setCity(p.getCity());
      c.setCountry(p.getCountry());
      c.setSequence(p.getSequence());
      return c;
    }

    // -- abstract, drawings, description, claims --------------------------------------------------

    private void readAbstract() throws XMLStreamException {
      String l = lower(attr("lang"));
      TextBuffer sb = big;
      sb.clear();
      appendContent(sb, true, null);
      sb.trimEnd();
      if (sb.length() > 0) {
        LocalizedText t = new LocalizedText();
        t.setLang(l != null ? l : lang);
        t.setText(sb.toString());
        abstracts.add(t);
      }
    }

    private void readFigure() throws XMLStreamException {
      String id = attr("id");
      String num = attr("num");
      String file = null;
      int depth = r.getDepth();
      for (String name = nextStartWithin(depth); name != null; name = nextStartWithin(depth)) {
        if (file == null && name.equals("img")) {
          file = attr("file");
        }
      }
      Figure f = new Figure();
      f.setId(id != null ? id : num != null ? "figure-" + num : "figure-" + figures.size());
      f.setFile(file);
      f.setFigureNumbers(new ArrayList<>(0));
      f.setViewText(null);
      figures.add(f);
    }

    // description regions, from processing instructions
    private static final int REGION_NONE = 0;
    private static final int REGION_CROSS = 1;
    private static final int REGION_GOV = 2;
    private static final int REGION_SUMMARY = 3;
    private static final int REGION_BDOD = 4;
    private static final int REGION_DETAILED = 5;

    private static final String S_CROSS = "cross-reference";
    private static final String S_GOV = "government-interest";
    private static final String S_BACKGROUND = "background";
    private static final String S_SUMMARY = "summary";
    private static final String S_BDOD = "brief-description-of-drawings";
    private static final String S_DETAILED = "detailed-description";
    private static final String S_OTHER = "other";

    private static int region(String piTarget) {
      String t = piTarget.toLowerCase(Locale.ROOT);
      switch (t) {
        case "relapp":
        case "cross-reference-to-related-applications":
        case "related-applications":
        case "crossref":
          return REGION_CROSS;
        case "govint":
        case "federal-research-statement":
        case "government-interest":
          return REGION_GOV;
        case "brfsum":
        case "summary-of-invention":
        case "summary":
        case "background-of-invention":
          return REGION_SUMMARY;
        case "brief-description-of-drawings":
        case "description-of-drawings":
        case "brfdraw":
          return REGION_BDOD;
        case "detdesc":
        case "detailed-description":
          return REGION_DETAILED;
        default:
          return -1; // in-line-formulae and other markers that do not delimit sections
      }
    }

    private static String defaultSection(int region) {
      switch (region) {
        case REGION_CROSS:
          return S_CROSS;
        case REGION_GOV:
          return S_GOV;
        case REGION_SUMMARY:
          return S_SUMMARY;
        case REGION_BDOD:
          return S_BDOD;
        case REGION_DETAILED:
          return S_DETAILED;
        default:
          return S_OTHER;
      }
    }

    /** Section named by a heading, or null when the heading does not say. */
    static String sectionOfHeading(String heading) {
      String h = heading.toUpperCase(Locale.ROOT);
      if (h.contains("BRIEF DESCRIPTION OF") && (h.contains("DRAWING") || h.contains("FIGURE") || h.contains("VIEWS"))) {
        return S_BDOD;
      }
      if (h.contains("DESCRIPTION OF THE DRAWING") || h.contains("DESCRIPTION OF DRAWING")) {
        return S_BDOD;
      }
      if ((h.contains("CROSS") && h.contains("REFERENCE")) || h.contains("RELATED APPLICATION")
          || h.contains("RELATED PATENT APPLICATION") || h.contains("PRIORITY CLAIM")
          || h.contains("CLAIM OF PRIORITY") || h.contains("CLAIM FOR PRIORITY")) {
        return S_CROSS;
      }
      if (h.contains("GOVERNMENT") || h.contains("FEDERALLY") || h.contains("FEDERAL RESEARCH")
          || h.contains("SPONSORED RESEARCH")) {
        return S_GOV;
      }
      if (h.contains("DETAILED DESCRIPTION") || h.contains("DESCRIPTION OF EMBODIMENT")
          || h.contains("DESCRIPTION OF THE EMBODIMENT") || h.contains("DESCRIPTION OF THE PREFERRED")
          || h.contains("DESCRIPTION OF PREFERRED") || h.contains("DESCRIPTION OF EXEMPLARY")
          || h.contains("MODE FOR CARRYING OUT") || h.contains("MODES FOR CARRYING OUT")
          || h.contains("BEST MODE")) {
        return S_DETAILED;
      }
      if (h.contains("SUMMARY") || h.contains("OBJECTS OF") || h.contains("OBJECT OF")
          || h.contains("DISCLOSURE OF THE INVENTION") || h.startsWith("BRIEF DESCRIPTION")) {
        return S_SUMMARY;
      }
      if (h.contains("BACKGROUND") || h.contains("FIELD") || h.contains("PRIOR ART") || h.contains("RELATED ART")
          || h.contains("DESCRIPTION OF THE RELATED") || h.contains("TECHNICAL PROBLEM")) {
        return S_BACKGROUND;
      }
      return null;
    }

    private int descRegion;
    private String sectionType;
    private String sectionHeading;
    private TextBuffer sectionText;

    private void flushSection() {
      if (sectionText != null) {
        sectionText.trimEnd();
        if (sectionText.length() > 0) {
          DescriptionSection s = new DescriptionSection();
          s.setSection(sectionType);
          s.setHeading(sectionHeading);
          s.setText(sectionText.toString());
          description.add(s);
        }
      }
      sectionText = null;
      sectionHeading = null;
    }

    private void startSection(String type, String heading) {
      flushSection();
      sectionType = type;
      sectionHeading = heading;
      sectionText = big;
      big.clear();
    }

    /** description: sections from PIs and headings; paragraphs joined by '\n'. */
    private void readDescription() throws XMLStreamException {
      descRegion = REGION_NONE;
      sectionType = S_OTHER;
      int dodDepth = 0; // > 0 inside description-of-drawings
      String typeBeforeDod = S_OTHER;
      int depth = 1;
      while (depth > 0) {
        int ev = r.next();
        switch (ev) {
          case XMLStreamConstants.PROCESSING_INSTRUCTION: {
            int reg = region(r.getPITarget());
            if (reg < 0) {
              break;
            }
            String data = r.getPIData();
            boolean tail = data != null && (data.contains("\"tail\"") || data.contains("'tail'"));
            if (tail) {
              flushSection();
              descRegion = REGION_NONE;
              sectionType = S_OTHER;
            } else {
              descRegion = reg;
              startSection(defaultSection(reg), null);
            }
            break;
          }
          case XMLStreamConstants.START_ELEMENT: {
            String name = r.getLocalName();
            if (name.equals("heading")) {
              String h = readText();
              String type;
              if (dodDepth > 0 || descRegion == REGION_BDOD) {
                type = S_BDOD;
              } else if (descRegion == REGION_SUMMARY || descRegion == REGION_NONE) {
                String byHeading = h == null ? null : sectionOfHeading(h);
                type = byHeading != null ? byHeading : sectionType;
              } else {
                type = defaultSection(descRegion);
              }
              startSection(type, h);
            } else if (name.equals("description-of-drawings")) {
              if (dodDepth == 0 && descRegion != REGION_BDOD) {
                typeBeforeDod = sectionType;
                startSection(S_BDOD, null);
              }
              dodDepth = 1;
              depth++;
            } else if (dodDepth > 0 && !name.equals("p")) {
              dodDepth++;
              depth++;
            } else {
              // a paragraph (or a table, list, formula standing at paragraph level)
              if (sectionText == null) {
                startSection(dodDepth > 0 ? S_BDOD : sectionType, null);
              }
              TextBuffer sb = sectionText;
              if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') {
                sb.trimEnd();
                sb.append('\n');
              }
              int start = sb.length();
              appendContent(sb, false, null);
              sb.trimEnd();
              if (sb.length() == start && start > 0) {
                sb.setLength(start - 1); // empty paragraph: drop its separator
              } else if ((dodDepth > 0 || descRegion == REGION_BDOD) && sb.length() > start) {
                bdodParagraphs.add(sb.substring(start));
              }
            }
            break;
          }
          case XMLStreamConstants.END_ELEMENT:
            depth--;
            if (dodDepth > 0) {
              dodDepth--;
              if (dodDepth == 0 && descRegion != REGION_BDOD) {
                flushSection();
                sectionType = typeBeforeDod;
              }
            }
            break;
          default:
            break;
        }
      }
      flushSection();
    }

    private void readClaim() throws XMLStreamException {
      int number = parseIntOr(attr("num"), -1);
      if (number < 0) {
        String id = attr("id");
        number = id == null ? -1 : firstNumber(id);
      }
      if (number < 0) {
        number = claims.size() + 1;
      }
      TextBuffer sb = tmp;
      sb.clear();
      List<Integer> refs = new ArrayList<>(2);
      appendContent(sb, false, refs);
      sb.trimEnd();
      String text = stripClaimNumber(sb);
      refs.remove(Integer.valueOf(number));
      Claim c = new Claim();
      c.setNumber(number);
      c.setText(text);
      c.setIndependent(refs.isEmpty());
      c.setDependsOn(refs);
      claims.add(c);
    }

    /** "1. A system ..." -> "A system ..."; also "1 . A" and "1) A". */
    private static String stripClaimNumber(TextBuffer sb) {
      int n = sb.length();
      int i = 0;
      while (i < n && Character.isDigit(sb.charAt(i))) {
        i++;
      }
      if (i == 0 || i > 4) {
        return sb.toString();
      }
      int j = i;
      while (j < n && sb.charAt(j) == ' ') {
        j++;
      }
      if (j < n && (sb.charAt(j) == '.' || sb.charAt(j) == ')')) {
        j++;
        while (j < n && sb.charAt(j) == ' ') {
          j++;
        }
        return sb.substring(j);
      }
      return sb.toString();
    }

    // -- text ---------------------------------------------------------------------------------------

    /** Collapsed text content of the current element (reader at its START_ELEMENT); null if blank. */
    private String readText() throws XMLStreamException {
      TextBuffer sb = tmp;
      sb.clear();
      appendContent(sb, false, null);
      sb.trimEnd();
      return sb.length() == 0 ? null : sb.toString();
    }

    /** The text of the first occurrence of an element that has text: later ones are skipped. */
    private String firstText(String kept) throws XMLStreamException {
      if (kept != null) {
        r.skipElement();
        return kept;
      }
      return readText();
    }

    /** Exact character content (no collapsing) of the current element; null if empty. */
    private String readRawText() throws XMLStreamException {
      TextBuffer sb = tmp;
      sb.clear();
      int depth = 1;
      while (depth > 0) {
        int ev = r.next();
        if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA || ev == XMLStreamConstants.SPACE) {
          sb.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
        } else if (ev == XMLStreamConstants.START_ELEMENT) {
          depth++;
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
      return sb.length() == 0 ? null : sb.toString();
    }

    /**
     * Appends the text content of the current element to sb with white space collapsed and a
     * space at the boundaries of non-inline elements; with {@code paragraphs}, p and heading
     * boundaries become '\n'. With {@code claimRefs}, claim-ref targets are collected. Consumes the
     * element's END_ELEMENT.
     */
    private void appendContent(TextBuffer sb, boolean paragraphs, List<Integer> claimRefs)
        throws XMLStreamException {
      int depth = 1;
      int mathDepth = 0;
      while (true) {
        int ev = r.next();
        switch (ev) {
          case XMLStreamConstants.CHARACTERS:
          case XMLStreamConstants.CDATA:
          case XMLStreamConstants.SPACE:
            sb.appendCollapsed(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
            break;
          case XMLStreamConstants.START_ELEMENT: {
            depth++;
            if (mathDepth > 0) {
              mathDepth++;
              break;
            }
            String name = r.getLocalName();
            if (name.equals("math")) {
              mathDepth = 1;
              break;
            }
            if (claimRefs != null && name.equals("claim-ref")) {
              addClaimRefs(claimRefs);
              break;
            }
            elementBoundary(sb, name, paragraphs);
            break;
          }
          case XMLStreamConstants.END_ELEMENT: {
            depth--;
            if (depth == 0) {
              return;
            }
            if (mathDepth > 0) {
              mathDepth--;
              break;
            }
            elementBoundary(sb, r.getLocalName(), paragraphs);
            break;
          }
          case XMLStreamConstants.END_DOCUMENT:
            throw new XMLStreamException("unexpected end of document", r.getLocation());
          default:
            break; // processing instructions, comments
        }
      }
    }

    /** An element's start or end tag reads as a paragraph break, a space, or (inline markup) nothing. */
    private static void elementBoundary(TextBuffer sb, String name, boolean paragraphs) {
      if (paragraphs && (name.equals("p") || name.equals("heading"))) {
        sb.paragraphBreak();
      } else if (!isInline(name)) {
        sb.softSpace();
      }
    }

    private void addClaimRefs(List<Integer> refs) {
      String idref = attr("idref");
      if (idref == null) {
        return;
      }
      // "CLM-00001", "CLM-00001 CLM-00002", "CLM-00001-00005" (a range)
      int n = idref.length();
      int i = 0;
      while (i < n) {
        while (i < n && Character.isWhitespace(idref.charAt(i))) {
          i++;
        }
        int tokenEnd = i;
        while (tokenEnd < n && !Character.isWhitespace(idref.charAt(tokenEnd))) {
          tokenEnd++;
        }
        int a = -1;
        int b = -1;
        int k = i;
        while (k < tokenEnd) {
          if (Character.isDigit(idref.charAt(k))) {
            int v = 0;
            int digits = 0;
            while (k < tokenEnd && Character.isDigit(idref.charAt(k))) {
              if (digits < 9) {
                v = v * 10 + (idref.charAt(k) - '0');
              }
              digits++;
              k++;
            }
            if (a < 0) {
              a = v;
            } else if (b < 0) {
              b = v;
            }
          } else {
            k++;
          }
        }
        if (a >= 0) {
          if (b > a && b - a <= 200) {
            for (int x = a; x <= b; x++) {
              addUnique(refs, x);
            }
          } else {
            addUnique(refs, a);
          }
        }
        i = tokenEnd;
      }
    }

    private static void addUnique(List<Integer> refs, int v) {
      Integer boxed = v;
      if (!refs.contains(boxed)) {
        refs.add(boxed);
      }
    }

    // -- result -------------------------------------------------------------------------------------

    private Patent build() {
      Patent p = new Patent();
      DocumentId pub = publication != null ? publication : new DocumentId();
      if (pub.getDate() == null && datePubl != null) {
        pub.setDate(datePubl);
      }
      p.setPublication(pub);
      String key = PublicationKeys.publicationKey(pub.getCountry(), pub.getNumber(), pub.getKind());
      p.setPublicationKey(key == null ? "" : key);
      p.setApplication(application);
      if (application != null) {
        p.setApplicationKey(PublicationKeys.applicationKey(application.getCountry(), application.getNumber()));
      }
      p.setDocumentType(documentType(applType, pub.getKind()));
      p.setRelatedDocuments(related);
      p.setFamilyId(null);
      p.setLanguage(lang);
      List<LocalizedText> titles = new ArrayList<>(1);
      if (title != null) {
        LocalizedText t = new LocalizedText();
        t.setLang(titleLang != null ? titleLang : lang);
        t.setText(title);
        titles.add(t);
      }
      p.setTitles(titles);
      p.setAbstracts(abstracts);
      p.setClaims(claims);
      p.setDescription(description);
      p.setClassifications(classifications);
      p.setApplicants(applicants);
      // v4.0-v4.2 name inventors only as applicants with app-type="applicant-inventor"; where a
      // document also has an inventors list, that list is authoritative
      p.setInventors(inventors.isEmpty() ? applicantInventors : inventors);
      p.setAssignees(assignees);
      p.setAgents(agents);
      p.setCitations(citations);
      DrawingViews.assign(figures, bdodParagraphs);
      p.setFigures(figures);
      p.setSource(source());
      p.setContentHash("");
      p.setVersion(1);
      p.setIngestTime(0L);
      return p;
    }

    private Source source() {
      Source s = new Source();
      s.setOffice(where != null && where.getOffice() != null ? where.getOffice() : "USPTO");
      s.setProduct(root + ' ' + dtdVersion);
      s.setFile(where != null && where.getFile() != null ? where.getFile() : "unknown");
      s.setEntry(where != null ? where.getEntry() : null);
      s.setPosition(where != null ? where.getPosition() : 0L);
      s.setOffset(where != null ? where.getOffset() : null);
      s.setRequest(where != null ? where.getRequest() : null);
      s.setCollectionRun(where != null ? where.getCollectionRun() : null);
      return s;
    }

    private static String documentType(String applType, String kind) {
      if (applType != null) {
        return DocumentTypes.of(applType);
      }
      if (kind != null && !kind.isEmpty()) {
        switch (kind.trim().toUpperCase(Locale.ROOT).charAt(0)) {
          case 'S':
            return "design";
          case 'P':
            return "plant";
          case 'E':
            return "reissue";
          case 'A':
          case 'B':
            return "utility";
          default:
            return "other";
        }
      }
      return null;
    }

    // -- small helpers --------------------------------------------------------------------------------

    /** {@link StaxCursor#nextStartWithin} on this document's reader. */
    private String nextStartWithin(int depth) throws XMLStreamException {
      return StaxCursor.nextStartWithin(r, depth);
    }

    private String attr(String name) {
      String v = r.getAttributeValue(null, name);
      if (v == null) {
        return null;
      }
      String t = v.trim();
      return t.isEmpty() ? null : t;
    }

    private static String lower(String s) {
      return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static int parseIntOr(String s, int fallback) {
      if (s == null) {
        return fallback;
      }
      int v = 0;
      int n = s.length();
      if (n == 0 || n > 9) {
        return fallback;
      }
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return fallback;
        }
        v = v * 10 + (c - '0');
      }
      return v;
    }

    private static int firstNumber(String s) {
      int i = 0;
      int n = s.length();
      while (i < n && !Character.isDigit(s.charAt(i))) {
        i++;
      }
      if (i == n) {
        return -1;
      }
      int j = i;
      while (j < n && Character.isDigit(s.charAt(j)) && j - i < 9) {
        j++;
      }
      return Integer.parseInt(s.substring(i, j));
    }

    private static String stripLeadingZeros(String s) {
      int i = 0;
      while (i < s.length() - 1 && s.charAt(i) == '0') {
        i++;
      }
      return s.substring(i);
    }
  }
}
