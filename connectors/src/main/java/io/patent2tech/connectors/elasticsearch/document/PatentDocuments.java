package io.patent2tech.connectors.elasticsearch.document;

import io.patent2tech.schema.Citation;
import io.patent2tech.schema.Claim;
import io.patent2tech.schema.Classification;
import io.patent2tech.schema.DescriptionSection;
import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.Figure;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Party;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.PatentTexts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The Elasticsearch view of a {@link Patent}: one flat document per publication, shaped for search
 * and for Kibana (keyword lists to aggregate on, counts, the first independent claim, names as text and
 * keyword). Field list and mapping: infra/elasticsearch/templates/patents-template.json and
 * docs/data-model.md.
 *
 * <p>The document is a function of the patent's content only. Ingest time, source file and
 * position are left out, so landing the same content again, from whatever file, is a no-op for
 * Elasticsearch. Absent values are explicit nulls so that a new version of a patent that lost a
 * value clears it in the stored document.
 */
public final class PatentDocuments {

  private PatentDocuments() {}

  /** The document id: the publication key, e.g. {@code US-8930553-B2}. */
  public static String id(Patent patent) {
    return patent.getPublicationKey();
  }

  /** The mapper to hand to {@link io.patent2tech.connectors.elasticsearch.sink.ElasticsearchBulkSink.Builder#mapper}. */
  public static DocumentMapper<Patent> mapper() {
    return patent -> new ElasticsearchDocument(id(patent), document(patent));
  }

  public static Map<String, Object> document(Patent patent) {
    Map<String, Object> doc = new LinkedHashMap<>();
    DocumentId publication = patent.getPublication();
    DocumentId application = patent.getApplication();
    String language = patent.getLanguage();

    doc.put("publication_key", patent.getPublicationKey());
    doc.put("country", publication.getCountry());
    doc.put("number", publication.getNumber());
    doc.put("kind", publication.getKind());
    doc.put("publication_date", publication.getDate());
    doc.put("document_type", patent.getDocumentType());
    doc.put("language", language);
    doc.put("office", patent.getSource().getOffice());
    doc.put("application_key", patent.getApplicationKey());
    doc.put("application_number", application == null ? null : application.getNumber());
    doc.put("application_date", application == null ? null : application.getDate());
    doc.put("family_id", patent.getFamilyId());
    doc.put("related_documents",
        distinct(patent.getRelatedDocuments(), related -> reference(related.getDocument())));

    doc.put("title", localized(patent.getTitles(), language));
    doc.put("abstract", localized(patent.getAbstracts(), language));

    List<Claim> claims = patent.getClaims();
    // the claim the enrichment reads too (PatentTexts): search hits and scores speak of the same claim
    doc.put("first_claim", PatentTexts.firstIndependentClaim(patent).orElse(null));
    doc.put("claims", claims.stream().map(Claim::getText).collect(Collectors.toList()));
    doc.put("claim_count", claims.size());
    doc.put("independent_claim_count", (int) claims.stream().filter(Claim::getIndependent).count());
    doc.put("description", description(patent.getDescription()));

    putClassifications(doc, "cpc", patent.getClassifications(), "CPC");
    putClassifications(doc, "ipc", patent.getClassifications(), "IPC");
    doc.put("uspc", symbols(patent.getClassifications(), "USPC"));
    doc.put("locarno", symbols(patent.getClassifications(), "LOCARNO"));

    putParties(doc, "applicant", patent.getApplicants());
    putParties(doc, "assignee", patent.getAssignees());
    putParties(doc, "inventor", patent.getInventors());
    doc.put("agent_names", distinct(patent.getAgents(), Party::getName));

    List<Citation> citations = patent.getCitations();
    doc.put("citation_count", citations.size());
    doc.put("examiner_citation_count",
        (int) citations.stream().filter(citation -> "examiner".equals(citation.getCitedBy())).count());
    doc.put("cited_documents", distinct(citations, citation -> reference(citation.getDocument())));

    List<Figure> figures = patent.getFigures();
    doc.put("figure_count", figures.size());
    doc.put("figure_views", distinct(figures, Figure::getViewText));

    doc.put("content_hash", patent.getContentHash());
    doc.put("version", patent.getVersion());
    return doc;
  }

  private static String localized(List<LocalizedText> texts, String language) {
    return texts.stream()
        .filter(text -> language != null && language.equalsIgnoreCase(text.getLang()))
        .findFirst()
        .or(() -> texts.stream().findFirst())
        .map(LocalizedText::getText)
        .orElse(null);
  }

  private static String description(List<DescriptionSection> sections) {
    if (sections.isEmpty()) {
      return null;
    }
    return sections.stream().map(DescriptionSection::getText).collect(Collectors.joining("\n\n"));
  }

  /** {@code <field>} (all symbols of the scheme) and {@code <field>_first} (the main one). */
  private static void putClassifications(
      Map<String, Object> doc, String field, List<Classification> classifications, String scheme) {
    List<Classification> ofScheme = ofScheme(classifications, scheme);
    doc.put(field, distinct(ofScheme, Classification::getSymbol));
    doc.put(field + "_first", ofScheme.stream()
        .filter(Classification::getFirst)
        .findFirst()
        .or(() -> ofScheme.stream().findFirst())
        .map(Classification::getSymbol)
        .orElse(null));
  }

  private static List<String> symbols(List<Classification> classifications, String scheme) {
    return distinct(ofScheme(classifications, scheme), Classification::getSymbol);
  }

  private static List<Classification> ofScheme(List<Classification> classifications, String scheme) {
    return classifications.stream()
        .filter(classification -> scheme.equals(classification.getScheme().toUpperCase(Locale.ROOT)))
        .collect(Collectors.toList());
  }

  private static void putParties(Map<String, Object> doc, String role, List<Party> parties) {
    doc.put(role + "_names", distinct(parties, Party::getName));
    doc.put(role + "_countries", distinct(parties, Party::getCountry));
    doc.put(role + "_count", parties.size());
  }

  /** {@code US-7844851-B2} style reference as the source gives it, or null without a number. */
  private static String reference(DocumentId document) {
    if (document == null || document.getNumber() == null) {
      return null;
    }
    String kind = document.getKind();
    return document.getCountry() + "-" + document.getNumber() + (kind == null ? "" : "-" + kind);
  }

  /** Non-null values in first-seen order, each once. */
  private static <T> List<String> distinct(List<T> items, Function<T, String> value) {
    return new ArrayList<>(items.stream()
        .map(value)
        .filter(Objects::nonNull)
        .collect(Collectors.toCollection(LinkedHashSet::new)));
  }
}
