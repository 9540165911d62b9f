package io.patent2tech.udfs.links.family;

import java.util.ArrayList;
import java.util.List;

import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.RelatedDocument;
import io.patent2tech.schema.Source;
import io.patent2tech.schema.PatentLink;

/** Small patents for the level-3 tests: a key, an application, a family, related documents. */
final class LinkPatents {

  private LinkPatents() {}

  /** {@code key} is CC-NUMBER-KIND; {@code application} and {@code family} may be null. */
  static Patent patent(String key, String application, String family, RelatedDocument... related) {
    String[] parts = key.split("-");
    return Patent.newBuilder()
        .setPublicationKey(key)
        .setPublication(new DocumentId(parts[0], parts[1], parts[2], null))
        .setApplicationKey(application)
        .setFamilyId(family)
        .setRelatedDocuments(new ArrayList<>(List.of(related)))
        .setSource(Source.newBuilder().setOffice("EPO").setFile("test.xml").setPosition(0).build())
        .setContentHash("h-" + key)
        .setIngestTime(0L)
        .build();
  }

  static RelatedDocument related(String relation, String country, String number, String kind) {
    return new RelatedDocument(relation, new DocumentId(country, number, kind, null));
  }

  /** {@code from -> to kind strength}, what the assertions compare. */
  static String describe(PatentLink l) {
    return l.getFromKey() + " -> " + l.getToKey() + " " + l.getKind() + " " + l.getStrength();
  }
}
