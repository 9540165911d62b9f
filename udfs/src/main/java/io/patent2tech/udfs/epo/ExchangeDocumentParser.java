package io.patent2tech.udfs.epo;

import static io.patent2tech.udfs.epo.OpsXml.EXCHANGE;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamException;

import org.codehaus.stax2.XMLStreamReader2;

import io.patent2tech.schema.Citation;
import io.patent2tech.schema.Classification;
import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Party;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.RelatedDocument;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.normalize.ClassificationSymbols;
import io.patent2tech.udfs.normalize.PublicationKeys;
import io.patent2tech.udfs.normalize.Texts;

/**
 * Reads the {@code exchange-document}s of an OPS published-data response (biblio, abstract,
 * full-cycle, or a search with the biblio constituent) into parsed, not yet normalized records, in
 * document order. Where each field comes from is listed in docs/parser.md ("EPO OPS responses").
 *
 * <p>Parties: OPS lists each applicant and inventor in {@code epodoc} format (one entry per party,
 * upper case, office-standardized, country as a trailing {@code [FI]}) and in {@code original}
 * format (as filed: sometimes twice, in two spellings, with trailing commas). The epodoc entries are
 * used because they are one per party and carry the country; the original ones only when a document
 * has no epodoc entry. Names are deduplicated case-insensitively either way.
 *
 * <p>Only the response's XML is read; claims and description come from separate responses
 * ({@link FulltextParser}). Stateless.
 */
final class ExchangeDocumentParser implements Serializable {

  private static final long serialVersionUID = 1L;

  /** {@code NAME [CC]} of epodoc party names (after white space collapse: U+2002 becomes a space). */
  private static final Pattern EPODOC_COUNTRY = Pattern.compile("^(.*?)\\s*\\[([A-Za-z]{2})\\]\\s*,?\\s*$");

  ExchangeDocumentParser() {}

  /**
   * Every exchange-document of the response; an empty list when it holds none (a family or legal
   * response, a search without the biblio constituent). Malformed XML anywhere rejects the whole
   * response (stage parse): a truncated download is re-fetched, not half ingested.
   */
  List<Patent> parse(byte[] response) throws DocumentRejectedException {
    XMLStreamReader2 r = OpsXml.open(response, "biblio");
    try {
      List<Patent> out = new ArrayList<>();
      while (r.hasNext()) {
        if (r.next() == XMLStreamReader2.START_ELEMENT && OpsXml.is(r, EXCHANGE, "exchange-document")) {
          out.add(new Run(r).read());
        }
      }
      return out;
    } catch (XMLStreamException | com.ctc.wstx.exc.WstxLazyException e) {
      throw OpsXml.malformed(e, "biblio");
    } catch (RuntimeException e) {
      throw OpsXml.reject("parser error: " + e, e);
    } finally {
      OpsXml.close(r);
    }
  }

  /** The state of one exchange-document. */
  private static final class Run {
    private final XMLStreamReader2 r;
    private DocumentId publication;
    private DocumentId application;
    private String familyId;
    private String lang;
    private final List<RelatedDocument> related = new ArrayList<>();
    private final List<LocalizedText> titles = new ArrayList<>();
    private final List<LocalizedText> abstracts = new ArrayList<>();
    private final List<Classification> ipcr = new ArrayList<>();
    private final List<Classification> ipc7 = new ArrayList<>();
    private final List<Classification> other = new ArrayList<>();
    private final List<Party> applicantsEpodoc = new ArrayList<>();
    private final List<Party> applicantsOriginal = new ArrayList<>();
    private final List<Party> inventorsEpodoc = new ArrayList<>();
    private final List<Party> inventorsOriginal = new ArrayList<>();
    private final List<Citation> citations = new ArrayList<>();

    Run(XMLStreamReader2 r) {
      this.r = r;
    }

    Patent read() throws XMLStreamException {
      familyId = OpsXml.attr(r, "family-id");
      lang = OpsXml.attr(r, "lang");
      DocumentId fromAttributes = new DocumentId(OpsXml.attr(r, "country"), OpsXml.attr(r, "doc-number"),
          OpsXml.attr(r, "kind"), null);
      int depth = r.getDepth();
      while (OpsXml.nextStartWithin(r, depth)) {
        if (!EXCHANGE.equals(r.getNamespaceURI())) {
          continue;
        }
        switch (r.getLocalName()) {
          case "publication-reference":
            publication = OpsDocumentIds.choose(OpsDocumentIds.read(r, EXCHANGE));
            break;
          case "application-reference":
            application = OpsDocumentIds.choose(OpsDocumentIds.read(r, EXCHANGE));
            break;
          case "priority-claim":
            priority();
            break;
          case "classification-ipc":
            ipc7();
            break;
          case "classification-ipcr":
            ipcr();
            break;
          case "patent-classification":
            patentClassification();
            break;
          case "applicant":
            party(r.getAttributeValue(null, "data-format"), applicantsEpodoc, applicantsOriginal);
            break;
          case "inventor":
            party(r.getAttributeValue(null, "data-format"), inventorsEpodoc, inventorsOriginal);
            break;
          case "invention-title":
            localized(titles, false);
            break;
          case "abstract":
            localized(abstracts, true);
            break;
          case "citation":
            citation();
            break;
          default:
            // containers (bibliographic-data, parties, ...) are walked into; the rest is not kept
        }
      }
      return build(fromAttributes);
    }

    private Patent build(DocumentId fromAttributes) {
      DocumentId pub = publication != null ? publication : new DocumentId(null, null, null, null);
      if (pub.getNumber() == null && fromAttributes.getNumber() != null) {
        pub.setCountry(fromAttributes.getCountry());
        pub.setNumber(fromAttributes.getNumber());
        pub.setKind(fromAttributes.getKind());
      }
      if (pub.getCountry() == null) {
        pub.setCountry(fromAttributes.getCountry());
      }
      if (pub.getKind() == null) {
        pub.setKind(fromAttributes.getKind());
      }
      if (application != null) {
        application.setKind(null); // DOCDB's application "kind" (A, W, U) is not a publication kind
      }
      Patent p = new Patent();
      p.setPublication(pub);
      String key = PublicationKeys.publicationKey(pub.getCountry(), pub.getNumber(), pub.getKind());
      p.setPublicationKey(key == null ? "" : key);
      p.setApplication(application);
      p.setApplicationKey(application == null ? null
          : PublicationKeys.applicationKey(application.getCountry(), application.getNumber()));
      p.setDocumentType("utility");
      p.setRelatedDocuments(related);
      p.setFamilyId(familyId);
      p.setLanguage(EpoLanguages.iso(lang));
      p.setTitles(titles);
      p.setAbstracts(abstracts);
      p.setClaims(new ArrayList<>(0));
      p.setDescription(new ArrayList<>(0));
      List<Classification> classes = new ArrayList<>(ipcr.isEmpty() ? ipc7 : ipcr);
      classes.addAll(other);
      p.setClassifications(classes);
      p.setApplicants(deduped(applicantsEpodoc.isEmpty() ? applicantsOriginal : applicantsEpodoc));
      p.setInventors(deduped(inventorsEpodoc.isEmpty() ? inventorsOriginal : inventorsEpodoc));
      p.setAssignees(new ArrayList<>(0));
      p.setAgents(new ArrayList<>(0));
      p.setCitations(citations);
      p.setFigures(new ArrayList<>(0));
      p.setContentHash("");
      p.setVersion(1);
      p.setIngestTime(0L);
      return p;
    }

    private void priority() throws XMLStreamException {
      DocumentId d = OpsDocumentIds.choose(OpsDocumentIds.read(r, EXCHANGE));
      if (d != null) {
        d.setKind(null); // application, not publication: keeps the application number form
        related.add(new RelatedDocument("priority", d));
      }
    }

    /** IPC-7 strings ({@code B28B5/02}): kept only when the document has no IPCR. */
    private void ipc7() throws XMLStreamException {
      int depth = r.getDepth();
      while (OpsXml.nextStartWithin(r, depth)) {
        if (OpsXml.is(r, EXCHANGE, "text")) {
          String t = Texts.collapse(OpsXml.rawText(r));
          if (t != null) {
            ipc7.add(new Classification("IPC", ClassificationSymbols.cpc(t), ipc7.isEmpty(), null, null));
          }
        }
      }
    }

    /**
     * IPCR in OPS's fixed-width text: {@code H04W  84/    20            A I}: the symbol, then the
     * classification level (A advanced, C core) and the value (I inventive, N non-inventive).
     */
    private void ipcr() throws XMLStreamException {
      int depth = r.getDepth();
      while (OpsXml.nextStartWithin(r, depth)) {
        if (OpsXml.is(r, EXCHANGE, "text")) {
          String t = Texts.collapse(OpsXml.rawText(r));
          if (t == null) {
            continue;
          }
          String[] tokens = t.split(" ");
          String last = tokens[tokens.length - 1];
          Boolean inventive = tokens.length > 2 && "I".equals(last) ? Boolean.TRUE
              : tokens.length > 2 && "N".equals(last) ? Boolean.FALSE : null;
          ipcr.add(new Classification("IPC", ClassificationSymbols.cpc(t), ipcr.isEmpty(), inventive, null));
        }
      }
    }

    /** CPC (schemes CPC, CPCI, CPCNO: parts) and USPC (scheme UC: classification-symbol). */
    private void patentClassification() throws XMLStreamException {
      String scheme = null;
      String section = null;
      String clazz = null;
      String subclass = null;
      String mainGroup = null;
      String subgroup = null;
      String value = null;
      String symbol = null;
      int depth = r.getDepth();
      while (OpsXml.nextStartWithin(r, depth)) {
        if (!EXCHANGE.equals(r.getNamespaceURI())) {
          continue;
        }
        switch (r.getLocalName()) {
          case "classification-scheme":
            scheme = OpsXml.attr(r, "scheme");
            break;
          case "section":
            section = OpsXml.rawText(r);
            break;
          case "class":
            clazz = OpsXml.rawText(r);
            break;
          case "subclass":
            subclass = OpsXml.rawText(r);
            break;
          case "main-group":
            mainGroup = OpsXml.rawText(r);
            break;
          case "subgroup":
            subgroup = OpsXml.rawText(r);
            break;
          case "classification-value":
            value = Texts.collapse(OpsXml.rawText(r));
            break;
          case "classification-symbol":
            symbol = Texts.collapse(OpsXml.rawText(r));
            break;
          default:
            // generating-office, symbol-position, action-date: not kept
        }
      }
      String s = scheme == null ? "" : scheme.toUpperCase(Locale.ROOT);
      if (s.startsWith("CPC")) {
        String cpc = ClassificationSymbols.cpcFromParts(section, clazz, subclass, mainGroup, subgroup);
        if (cpc == null && symbol != null) {
          cpc = ClassificationSymbols.cpc(symbol);
        }
        if (cpc != null) {
          boolean first = other.stream().noneMatch(c -> "CPC".equals(c.getScheme()));
          Boolean inventive = "I".equals(value) ? Boolean.TRUE : "A".equals(value) ? Boolean.FALSE : null;
          other.add(new Classification("CPC", cpc, first, inventive, null));
        }
      } else if ("UC".equals(s) && symbol != null) {
        boolean first = other.stream().noneMatch(c -> "USPC".equals(c.getScheme()));
        other.add(new Classification("USPC", symbol, first, null, null));
      }
      // FI, F-term and other national schemes: not mapped (docs/parser.md, gaps)
    }

    private void party(String format, List<Party> epodoc, List<Party> original) throws XMLStreamException {
      int sequence = parseInt(OpsXml.attr(r, "sequence"));
      String name = null;
      int depth = r.getDepth();
      while (OpsXml.nextStartWithin(r, depth)) {
        if (OpsXml.is(r, EXCHANGE, "name") && name == null) {
          name = Texts.collapse(OpsXml.rawText(r));
        }
      }
      if (name == null) {
        return;
      }
      boolean isEpodoc = "epodoc".equalsIgnoreCase(format);
      String country = null;
      if (isEpodoc) {
        Matcher m = EPODOC_COUNTRY.matcher(name);
        if (m.matches() && !m.group(1).isEmpty()) {
          name = m.group(1);
          country = m.group(2).toUpperCase(Locale.ROOT);
        }
      } else {
        name = trimTrailingCommas(name);
      }
      if (name == null) {
        return;
      }
      Party p = new Party();
      p.setName(name);
      p.setCountry(country);
      p.setSequence(sequence);
      (isEpodoc ? epodoc : original).add(p);
    }

    private void localized(List<LocalizedText> into, boolean paragraphs) throws XMLStreamException {
      String l = OpsXml.attr(r, "lang");
      String text;
      if (paragraphs) {
        StringBuilder sb = new StringBuilder();
        int depth = r.getDepth();
        while (OpsXml.nextStartWithin(r, depth)) {
          if (OpsXml.is(r, EXCHANGE, "p")) {
            String p = Texts.collapse(OpsXml.rawText(r));
            if (p != null) {
              sb.append(sb.length() == 0 ? "" : "\n").append(p);
            }
          }
        }
        text = sb.length() == 0 ? null : sb.toString();
      } else {
        text = Texts.collapse(OpsXml.rawText(r));
      }
      if (text != null) {
        into.add(new LocalizedText(EpoLanguages.iso(l), text));
      }
    }

    /** references-cited/citation: patcit (docdb id) or nplcit (text); cited-by / cited-phase. */
    private void citation() throws XMLStreamException {
      String citedBy = citedBy(OpsXml.attr(r, "cited-by"), OpsXml.attr(r, "cited-phase"));
      int sequence = parseInt(OpsXml.attr(r, "sequence"));
      DocumentId doc = null;
      String text = null;
      int depth = r.getDepth();
      while (OpsXml.nextStartWithin(r, depth)) {
        if (OpsXml.is(r, EXCHANGE, "patcit")) {
          doc = OpsDocumentIds.choose(OpsDocumentIds.read(r, EXCHANGE));
        } else if (OpsXml.is(r, EXCHANGE, "nplcit")) {
          text = Texts.collapse(OpsXml.rawText(r));
        }
      }
      if (doc == null && text == null) {
        return;
      }
      Citation c = new Citation();
      c.setType(doc != null ? "patent" : "npl");
      c.setDocument(doc);
      c.setText(doc != null ? null : text);
      c.setCitedBy(citedBy);
      c.setSequence(sequence > 0 ? sequence : citations.size() + 1);
      citations.add(c);
    }
  }

  /** examiner | applicant from {@code cited-by}; else from the phase (search report: examiner); else other. */
  static String citedBy(String citedBy, String phase) {
    String by = citedBy == null ? "" : citedBy.toLowerCase(Locale.ROOT);
    if (by.equals("examiner") || by.equals("applicant")) {
      return by;
    }
    String ph = phase == null ? "" : phase.toLowerCase(Locale.ROOT);
    if (ph.contains("search")) {
      return "examiner";
    }
    if (ph.contains("applicant")) {
      return "applicant";
    }
    return citedBy == null && phase == null ? null : "other";
  }

  private static List<Party> deduped(List<Party> parties) {
    Set<String> seen = new HashSet<>();
    List<Party> out = new ArrayList<>(parties.size());
    for (Party p : parties) {
      if (seen.add(p.getName().toLowerCase(Locale.ROOT))) {
        out.add(p);
      }
    }
    return out;
  }

  private static String trimTrailingCommas(String s) {
    int e = s.length();
    while (e > 0 && (s.charAt(e - 1) == ',' || s.charAt(e - 1) == ' ')) {
      e--;
    }
    return e == 0 ? null : s.substring(0, e);
  }

  private static int parseInt(String s) {
    if (s == null) {
      return 0;
    }
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
