package io.patent2tech.udfs.uspto;

import java.util.List;

import javax.xml.stream.XMLStreamException;

import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.Party;

/**
 * ST.32 {@code SDOBI}: the WIPO INID-coded bibliographic data. B110 number, B130 kind, B140 date,
 * B190 country; B210/B220 application number and date; B300 priority; B510 IPC-7 (Locarno for
 * designs), B520 USPC; B540 title; B561/B562 patent and non-patent citations; B6xx related US
 * documents; B721 inventors, B731 assignees, B741 agents. ST.32 has no CPC. Examiners (B745) and the
 * field of search (B580) are skipped: their names and classes are not the patent's.
 */
final class St32BibliographyReader {

  private final DocumentCursor c;
  private final PatentDraft d;

  St32BibliographyReader(DocumentCursor c, PatentDraft d) {
    this.c = c;
    this.d = d;
  }

  void read() throws XMLStreamException {
    d.publication = new DocumentId();
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      switch (name) {
        case "B110":
          d.publication.setNumber(c.firstText(d.publication.getNumber()));
          break;
        case "B130":
          d.publication.setKind(c.firstText(d.publication.getKind()));
          break;
        case "B140":
          d.publication.setDate(c.firstText(d.publication.getDate()));
          break;
        case "B190":
          d.publication.setCountry(c.firstText(d.publication.getCountry()));
          break;
        case "B210":
          application().setNumber(c.firstText(application().getNumber()));
          break;
        case "B220":
          application().setDate(c.firstText(application().getDate()));
          break;
        case "B300":
          d.addRelated("priority", DocumentIdNames.ST32_PRIORITY.read(c, null));
          break;
        case "B510":
          ipc();
          break;
        case "B520":
          uspc();
          break;
        case "B540":
          d.title = c.firstText(d.title);
          break;
        case "B561":
        case "B562":
          citation();
          break;
        case "B620":
          related("division");
          break;
        case "B631":
          related("continuation");
          break;
        case "B632":
          related("continuation-in-part");
          break;
        case "B640":
          related("reissue");
          break;
        case "B680US":
          related("provisional");
          break;
        case "B721":
          party(d.inventors);
          break;
        case "B731":
          party(d.assignees);
          break;
        case "B741":
          party(d.agents);
          break;
        case "B580":
        case "B745":
          c.skip();
          break;
        default:
          break; // descend (B100, B200, B500, B600, B700 ...)
      }
    }
    if (d.publication.getCountry() == null) {
      d.publication.setCountry("US");
    }
  }

  private DocumentId application() {
    if (d.application == null) {
      d.application = new DocumentId();
      d.application.setCountry("US");
    }
    return d.application;
  }

  /**
   * B510: B511 main and B512 further symbols, B516 the edition (version). Utility grants carry
   * IPC-7 in a fixed-width form, subclass, main group right-aligned in three, subgroup ({@code
   * H03M 1300} -> {@code H03M13/00}); design grants (kind S) carry the Locarno class ({@code 1402}).
   */
  private void ipc() throws XMLStreamException {
    String kind = d.publication.getKind();
    boolean design = kind != null && kind.startsWith("S");
    int from = d.classifications.size();
    String edition = null;
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      switch (name) {
        case "B511":
        case "B512": {
          String raw = c.readText();
          if (raw != null) {
            d.classifications.add(PatentDraft.classification(design ? "LOCARNO" : "IPC",
                design ? raw : ipcSymbol(raw), name.equals("B511"), null, null));
          }
          break;
        }
        case "B516":
          edition = c.readText();
          break;
        default:
          break;
      }
    }
    d.editionAsVersion(from, edition);
  }

  /** {@code G06F 1516} -> {@code G06F15/16}; anything else as written. */
  static String ipcSymbol(String raw) {
    if (raw.length() < 8 || raw.indexOf('/') >= 0) {
      return raw;
    }
    String main = raw.substring(4, 7).trim();
    String sub = raw.substring(7).trim();
    if (main.isEmpty() || sub.isEmpty()) {
      return raw;
    }
    return raw.substring(0, 4) + main + '/' + sub;
  }

  /** B520: B521 main and B522 further USPC, positional as in ICE ({@code 714786}, {@code D14480}). */
  private void uspc() throws XMLStreamException {
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      if (name.equals("B521") || name.equals("B522")) {
        String raw = c.readRawText();
        if (raw != null && !raw.trim().isEmpty()) {
          d.classifications.add(PatentDraft.classification("USPC", raw.replace("\n", "").replace("\r", ""),
              name.equals("B521"), null, null));
        }
      }
    }
  }

  /** B561 (PCIT: a patent) / B562 (NCIT: other literature), with CITED-BY-EXAMINER or -OTHER. */
  private void citation() throws XMLStreamException {
    DocumentId doc = null;
    String text = null;
    String citedBy = null;
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      switch (name) {
        case "DOC":
          if (doc == null) {
            doc = DocumentIdNames.ST32.read(c, "US");
          } else {
            c.skip();
          }
          break;
        case "NCIT":
          text = c.firstText(text);
          break;
        case "PARTY-US":
          c.skip(); // the cited patent's first inventor
          break;
        case "CITED-BY-EXAMINER":
          citedBy = "examiner";
          break;
        case "CITED-BY-OTHER":
          citedBy = "other";
          break;
        default:
          break;
      }
    }
    CitationReader.add(d.citations, doc, text, citedBy, -1);
  }

  /** A B6xx relation: every parent DOC (PDOC, or the DOC itself); the child (CDOC) is this application. */
  private void related(String relation) throws XMLStreamException {
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      switch (name) {
        case "CDOC":
        case "PSTA":
          c.skip();
          break;
        case "DOC":
          d.addRelated(relation, DocumentIdNames.ST32.read(c, "US"));
          break;
        default:
          break;
      }
    }
  }

  /**
   * B721 / B731 / B741: NAM (ONM organization, else FNM given names and SNM surname), ADR (CITY,
   * CTRY; a US address has a STATE and no CTRY).
   */
  private void party(List<Party> parties) throws XMLStreamException {
    String org = null;
    String first = null;
    String last = null;
    String city = null;
    String state = null;
    String country = null;
    int depth = c.depth();
    for (String name = c.nextStartWithin(depth); name != null; name = c.nextStartWithin(depth)) {
      switch (name) {
        case "ONM":
          org = c.firstText(org);
          break;
        case "FNM":
          first = c.firstText(first);
          break;
        case "SNM":
          last = c.firstText(last);
          break;
        case "CITY":
          city = c.firstText(city);
          break;
        case "STATE":
          state = c.firstText(state);
          break;
        case "CTRY":
          country = c.firstText(country);
          break;
        default:
          break;
      }
    }
    if (country == null && state != null) {
      country = "US";
    }
    PartyReader.add(parties, PartyReader.party(org, first, last, null, city, country, parties.size() + 1));
  }
}
