package io.patent2tech.udfs.uspto;

import java.util.List;

import javax.xml.stream.XMLStreamException;

import io.patent2tech.schema.Party;

/** ICE parties: applicants, inventors, assignees, agents. */
final class PartyReader {

  private final DocumentCursor c;
  private final PatentDraft d;

  PartyReader(DocumentCursor c, PatentDraft d) {
    this.c = c;
    this.d = d;
  }

  /** us-applicant / applicant; an applicant-inventor (v4.0-v4.2) is kept as a possible inventor too. */
  void applicant() throws XMLStreamException {
    String appType = c.attr("app-type");
    Party p = read(d.applicants);
    if (p != null && appType != null && appType.contains("inventor")) {
      d.applicantInventors.add(copy(p));
    }
  }

  void inventor() throws XMLStreamException {
    read(d.inventors);
  }

  void agent() throws XMLStreamException {
    read(d.agents);
  }

  void assignee() throws XMLStreamException {
    read(d.assignees);
  }

  /**
   * Names, city and country of the address, added to {@code parties}. Returns the party, or null
   * when it has no name (and was not added).
   */
  private Party read(List<Party> parties) throws XMLStreamException {
    int sequence = FieldValues.parseIntOr(c.attr("sequence"), -1);
    String org = null;
    String first = null;
    String last = null;
    String name = null;
    String city = null;
    String country = null;
    String residence = null;
    int section = 0; // 0 none, 1 address, 2 residence, 3 nationality
    int sectionDepth = 0; // depth of the element that set section
    int depth = c.depth();
    for (String el = c.nextStartWithin(depth); el != null; el = c.nextStartWithin(depth)) {
      if (c.depth() <= sectionDepth) {
        section = 0; // back at or above its depth: that element has ended
        sectionDepth = 0;
      }
      switch (el) {
        case "orgname":
          org = c.firstText(org);
          break;
        case "first-name":
          first = c.firstText(first);
          break;
        case "last-name":
          last = c.firstText(last);
          break;
        case "name":
          name = c.firstText(name);
          break;
        case "city":
          if (section == 3) {
            c.skip();
          } else {
            city = c.firstText(city);
          }
          break;
        case "country": {
          String ctry = c.readText();
          if (section == 2) {
            residence = residence == null ? ctry : residence;
          } else if (section != 3 && country == null) {
            country = ctry;
          }
          break;
        }
        case "address":
          section = 1;
          sectionDepth = c.depth();
          break;
        case "residence":
          section = 2;
          sectionDepth = c.depth();
          break;
        case "nationality":
          section = 3;
          sectionDepth = c.depth();
          break;
        case "role":
        case "department":
        case "designated-states":
        case "us-rights":
          c.skip();
          break;
        default:
          break;
      }
    }
    return add(parties, party(org, first, last, name, city, country != null ? country : residence, sequence));
  }

  /**
   * One party from its parts: the organization name, else first + last name, else the plain name;
   * null when there is none. Shared by the legacy formats' readers.
   */
  static Party party(String org, String first, String last, String name, String city, String country,
                     int sequence) {
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
    p.setCountry(country);
    p.setSequence(sequence >= 0 ? sequence : 0);
    return p;
  }

  /** Adds p when there is one; returns it. */
  static Party add(List<Party> parties, Party p) {
    if (p != null) {
      parties.add(p);
    }
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
}
