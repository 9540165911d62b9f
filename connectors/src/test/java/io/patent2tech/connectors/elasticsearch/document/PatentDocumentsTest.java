package io.patent2tech.connectors.elasticsearch.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.patent2tech.connectors.elasticsearch.SampleEnrichments;
import io.patent2tech.connectors.elasticsearch.index.PatentIndex;
import io.patent2tech.connectors.json.SamplePatents;
import io.patent2tech.schema.Claim;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.PatentTexts;
import io.patent2tech.udfs.links.DocumentLinks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PatentDocumentsTest {

  @Test
  void idIsThePublicationKey() {
    assertThat(PatentDocuments.id(SamplePatents.sipGrant())).isEqualTo("US-8930553-B2");
    assertThat(PatentDocuments.id(SamplePatents.cheeseDesign())).isEqualTo("US-D701016-S1");
  }

  @Test
  void flattensAUtilityGrant() {
    Map<String, Object> doc = PatentDocuments.document(SamplePatents.sipGrant());

    assertThat(doc).contains(
        entry("publication_key", "US-8930553-B2"),
        entry("country", "US"),
        entry("number", "8930553"),
        entry("kind", "B2"),
        entry("publication_date", "2015-01-06"),
        entry("document_type", "utility"),
        entry("office", "USPTO"),
        entry("application_key", "US-13648029"),
        entry("application_number", "13648029"),
        entry("application_date", "2012-10-09"),
        entry("family_id", null),
        entry("title", "Managing mid-dialog session initiation protocol (SIP) messages"),
        entry("claim_count", 8),
        entry("independent_claim_count", 2),
        entry("ipc", List.of("G06F 15/16")),
        entry("ipc_first", "G06F 15/16"),
        entry("cpc", List.of()),
        entry("cpc_first", null),
        entry("uspc", List.of("709/228")),
        entry("applicant_names", List.of("International Business Machines Corporation")),
        entry("assignee_countries", List.of("US")),
        entry("inventor_names", List.of("Nitzan Nissim", "Brian Pulito", "Asaf Zinger")),
        entry("inventor_countries", List.of("IL", "US")),
        entry("inventor_count", 3),
        entry("agent_names", List.of("Cuenot, Forsythe & Kim, LLC")),
        entry("citation_count", 3),
        entry("examiner_citation_count", 1),
        entry("cited_documents", List.of("US-7844851-B2", "US-2007/0220302-A1")),
        entry("figure_count", 6),
        entry("version", 1));
    assertThat((String) doc.get("first_claim")).startsWith("1. A system for processing mid-dialog SIP messages");
    assertThat((String) doc.get("abstract")).startsWith("Processing mid-dialog SIP messages by receiving");
    assertThat((List<?>) doc.get("claims")).hasSize(8);
    assertThat((String) doc.get("description"))
        .startsWith("FIG. 1 is a simplified conceptual illustration")
        .endsWith("within the context of one or more embodiments.")
        .contains("computing system.\n\nThe invention");
    assertThat((List<?>) doc.get("figure_views")).hasSize(2);
  }

  @Test
  void flattensADesignGrantWithoutAbstract() {
    Map<String, Object> doc = PatentDocuments.document(SamplePatents.cheeseDesign());

    assertThat(doc).contains(
        entry("publication_key", "US-D701016-S1"),
        entry("number", "D701016"),
        entry("kind", "S1"),
        entry("document_type", "design"),
        entry("abstract", null),
        entry("claim_count", 1),
        entry("independent_claim_count", 1),
        entry("locarno", List.of("01-01")),
        entry("related_documents", List.of("EM-001184956-0001")),
        entry("applicant_countries", List.of("AT")),
        entry("assignee_names", List.of("Rupp AG")),
        entry("figure_count", 2));
  }

  @Test
  void prefersTheTitleInThePublicationLanguage() {
    Patent patent = Patent.newBuilder(SamplePatents.sipGrant())
        .setLanguage("de")
        .setTitles(List.of(new LocalizedText("en", "English title"), new LocalizedText("de", "Deutscher Titel")))
        .build();

    assertThat(PatentDocuments.document(patent)).containsEntry("title", "Deutscher Titel");
  }

  @Test
  void dependsOnContentOnly() {
    Patent original = SamplePatents.sipGrant();
    Patent relanded = Patent.newBuilder(original)
        .setIngestTime(original.getIngestTime() + 86_400_000L)
        .setSource(new Source("USPTO", original.getSource().getProduct(), "ipg150106.zip",
            "ipg150106.xml", 4711L, 123_456_789L, null, null))
        .build();

    assertThat(PatentDocuments.document(relanded)).isEqualTo(PatentDocuments.document(original));
  }

  @Test
  void everyFieldIsInTheIndexTemplate() {
    Set<String> landing = PatentDocuments.document(SamplePatents.sipGrant()).keySet();
    // with an embedding, i.e. every field the enrich job can write
    Set<String> enrichment = EnrichmentDocuments.document(SampleEnrichments.sipGrantFull()).keySet();
    Set<String> links = LinkDocuments.document(new DocumentLinks("US-8930553-B2", new String[0], new String[0],
        new String[0])).keySet();
    Set<String> models = ModelDocuments.document(new io.patent2tech.udfs.models3d.ModelSummary()).keySet();
    Set<String> mapped = new HashSet<>();
    PatentIndex.template("patents").at("/template/mappings/properties").fieldNames()
        .forEachRemaining(mapped::add);

    // the template maps what landing writes plus what the enrich job, the links and the 3D models
    // add to the same document, and nothing else; they share only the key, so their partial updates
    // never overwrite each other
    assertThat(mapped).containsAll(landing);
    mapped.removeAll(landing);
    assertThat(mapped).containsExactlyInAnyOrderElementsOf(Stream.of(enrichment, links, models)
        .flatMap(Set::stream).filter(field -> !landing.contains(field)).distinct().toList());
    Set<String> shared = new HashSet<>(landing);
    shared.retainAll(enrichment);
    assertThat(shared).containsExactly("publication_key");
    Set<String> linksShared = new HashSet<>(links);
    linksShared.retainAll(Stream.concat(landing.stream(), enrichment.stream()).toList());
    assertThat(linksShared).containsExactly("publication_key");
    Set<String> modelsShared = new HashSet<>(models);
    modelsShared.retainAll(Stream.of(landing, enrichment, links).flatMap(Set::stream).toList());
    assertThat(modelsShared).containsExactly("publication_key");
  }

  @Test
  void theFirstClaimIsTheFirstIndependentOneAsTheEnrichmentReadsIt() {
    Patent sip = SamplePatents.sipGrant();
    List<Claim> claims = new ArrayList<>(sip.getClaims());
    // a dependent claim printed first (reissues and some office formats renumber): not the first claim
    claims.add(0, new Claim(0, "0. The system of claim 1, further comprising a proxy.", false, List.of(1)));
    Patent dependentFirst = Patent.newBuilder(sip).setClaims(claims).build();

    Object firstClaim = PatentDocuments.document(dependentFirst).get("first_claim");

    assertThat(firstClaim).isEqualTo(PatentTexts.firstIndependentClaim(dependentFirst).orElseThrow());
    assertThat((String) firstClaim).startsWith("1. A system for processing mid-dialog SIP messages");
  }

  @Test
  void aPatentWithoutClaimsHasNoFirstClaim() {
    Patent design = Patent.newBuilder(SamplePatents.sipGrant()).setClaims(List.of()).build();

    assertThat(PatentDocuments.document(design)).containsEntry("first_claim", null);
  }
}
