package io.patent2tech.udfs.uspto.aps;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.patent2tech.schema.Classification;
import io.patent2tech.schema.Party;

/**
 * Parties and classifications of an APS patent: inventors ({@code INVT}), assignees ({@code ASSG}),
 * agents ({@code LREP}), and {@code CLAS}: {@code OCL} the US classification (first), {@code XCL}
 * further US classifications, {@code ICL} IPC (the first one first), {@code EDF} its edition.
 * Classification symbols are read from the field's first line as written, since their spaces are
 * positions.
 */
final class ApsBibliographyReader implements ApsSectionReader {

  private final List<Party> inventors = new ArrayList<>(4);
  private final List<Party> assignees = new ArrayList<>(2);
  private final List<Party> agents = new ArrayList<>(2);
  private final List<Classification> classifications = new ArrayList<>(8);

  private final Map<String, String> fields = new HashMap<>();
  private final List<Classification> ipcOfRecord = new ArrayList<>(4);
  private String edition;
  private boolean ipcSeen;

  static boolean reads(String record) {
    switch (record) {
      case "INVT":
      case "ASSG":
      case "LREP":
      case "CLAS":
        return true;
      default:
        return false;
    }
  }

  @Override
  public void field(String record, ApsLines at) {
    switch (record) {
      case "CLAS":
        classification(at.code(), at.firstLine());
        break;
      case "LREP":
        agent(at.code(), at.value());
        break;
      default:
        if (at.value() != null) {
          fields.putIfAbsent(at.code(), at.value()); // INVT, ASSG: a repeated code keeps the first
        }
        break;
    }
  }

  @Override
  public void endRecord(String record) {
    switch (record) {
      case "INVT":
        addParty(inventors, false);
        break;
      case "ASSG":
        addParty(assignees, true);
        break;
      case "CLAS":
        for (Classification c : ipcOfRecord) {
          c.setVersion(edition);
        }
        ipcOfRecord.clear();
        edition = null;
        break;
      default:
        break;
    }
    fields.clear();
  }

  List<Party> inventors() {
    return inventors;
  }

  List<Party> assignees() {
    return assignees;
  }

  List<Party> agents() {
    return agents;
  }

  List<Classification> classifications() {
    return classifications;
  }

  private void classification(String code, String fixedWidth) {
    if (fixedWidth == null) {
      return;
    }
    switch (code) {
      case "OCL ":
        classifications.add(classification("USPC", fixedWidth, true));
        break;
      case "XCL ":
        classifications.add(classification("USPC", fixedWidth, false));
        break;
      case "ICL ": {
        Classification c = classification("IPC", ApsCodes.ipc(fixedWidth), !ipcSeen); // the first ICL is the main one
        ipcSeen = true;
        classifications.add(c);
        ipcOfRecord.add(c);
        break;
      }
      case "EDF ":
        edition = fixedWidth.trim();
        break;
      default:
        break; // FSC/FSS (field of search), DCD, UCL
    }
  }

  private void agent(String code, String value) {
    if (value == null) {
      return;
    }
    switch (code) {
      case "FRM ": // law firm
        agents.add(party(value, true, null, agents.size() + 1));
        break;
      case "FR2 ": // principal attorney
      case "AAT ": // associate attorney
      case "ATT ":
      case "AGT ":
        agents.add(party(value, false, null, agents.size() + 1));
        break;
      default:
        break;
    }
  }

  /** NAM "Last; First" (a person) or an organization's name (assignees only), CTY, STA (a US state) or CNT. */
  private void addParty(List<Party> into, boolean mayBeOrganization) {
    String nam = fields.get("NAM ");
    if (nam == null) {
      return;
    }
    String country = ApsCodes.country(fields.get("CNT "));
    if (country == null && fields.get("STA ") != null) {
      country = "US"; // a state and no country: a US address
    }
    Party p = party(nam, mayBeOrganization && nam.indexOf(';') < 0, fields.get("CTY "), into.size() + 1);
    p.setCountry(country);
    into.add(p);
  }

  private static Party party(String nam, boolean organization, String city, int sequence) {
    Party p = new Party();
    if (organization) {
      p.setName(nam);
      p.setOrganization(nam);
    } else {
      String[] lf = ApsCodes.lastAndFirst(nam);
      p.setLastName(lf[0]);
      p.setFirstName(lf[1]);
      p.setName(lf[1] == null ? lf[0] : lf[0] == null ? lf[1] : lf[1] + ' ' + lf[0]);
    }
    p.setCity(city);
    p.setSequence(sequence);
    return p;
  }

  private static Classification classification(String scheme, String symbol, boolean first) {
    Classification c = new Classification();
    c.setScheme(scheme);
    c.setSymbol(symbol);
    c.setFirst(first);
    return c;
  }
}
