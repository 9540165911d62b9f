package io.patent2tech.udfs.eval;

import io.patent2tech.schema.Claim;
import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import java.util.List;

/** Small hand-made patents for the enrich stages' unit tests. */
public final class EvalPatents {

  private EvalPatents() {}

  /** A patent of office {@code country} with one independent claim and content {@code hash}. */
  public static Patent patent(String key, String country, String hash) {
    return Patent.newBuilder()
        .setPublicationKey(key)
        .setPublication(DocumentId.newBuilder().setCountry(country).setNumber(key).build())
        .setApplicationKey(key + "-app")
        .setLanguage("en")
        .setTitles(List.of(new LocalizedText("en", "Display system " + key)))
        .setClaims(List.of(Claim.newBuilder().setNumber(1).setIndependent(true)
            .setText("A system comprising: a display device; and a processor.").build()))
        .setContentHash(hash)
        .setSource(Source.newBuilder().setOffice(country).setFile("f").setPosition(0).build())
        .setIngestTime(0)
        .build();
  }
}
