package io.patent2tech.jobs.enrich;

import io.patent2tech.connectors.elasticsearch.ElasticsearchSettings;
import io.patent2tech.connectors.elasticsearch.LegalSearch;
import io.patent2tech.connectors.elasticsearch.LegalSearch.Jurisdiction;
import io.patent2tech.connectors.elasticsearch.LegalSearch.Purpose;
import io.patent2tech.connectors.elasticsearch.PriorArtSearch;
import io.patent2tech.schema.Patent;
import io.patent2tech.udfs.embed.EmbeddedPatent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retrieval step (docs/design.md section 6, issue 3 point 4): per patent, the nearest landed prior
 * art by kNN (without itself, its application and its family; least similarity {@code
 * minSimilarity}) and the nearest legal passages on novelty and on inventive step of the patent's
 * jurisdiction, {@code topK} each.
 *
 * <p>A failed search is a recorded {@code retrievalError}, not a job failure: the patent goes on
 * without prior art and passages, and the RAG and precedent stages drop out of its scores. With
 * RAG switched off nothing is searched.
 */
public final class Retrieve extends RichMapFunction<EmbeddedPatent, Enrichment> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(Retrieve.class);

  private final EvaluationSettings evaluation;
  private final ElasticsearchSettings patents;
  private final ElasticsearchSettings legalCorpus;

  private transient PriorArtSearch priorArtSearch;
  private transient LegalSearch legalSearch;
  private transient Counter failures;

  /**
   * @param patents the patents alias, whose documents carry the embeddings the job writes
   * @param legalCorpus the legal corpus alias (load-legal-corpus)
   */
  public Retrieve(EvaluationSettings evaluation, ElasticsearchSettings patents,
      ElasticsearchSettings legalCorpus) {
    this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
    this.patents = Objects.requireNonNull(patents, "patents");
    this.legalCorpus = Objects.requireNonNull(legalCorpus, "legalCorpus");
  }

  @Override
  public void open(OpenContext openContext) {
    failures = getRuntimeContext().getMetricGroup().counter("enrichRetrievalFailures");
    if (evaluation.enableRag()) {
      priorArtSearch = PriorArtSearch.open(patents);
      legalSearch = LegalSearch.open(legalCorpus);
    }
  }

  @Override
  public Enrichment map(EmbeddedPatent embedded) {
    Enrichment out = new Enrichment();
    out.patent = embedded.getPatent();
    out.vector = embedded.getVector();
    out.embeddingModel = embedded.getModelId();
    if (!evaluation.enableRag()) {
      return out;
    }
    if (!embedded.hasVector()) {
      out.retrievalError = "the patent has no title, abstract or claim text to search with";
      return out;
    }
    try {
      out.priorArt = priorArt(out.vector, out.patent);
      Optional<Jurisdiction> jurisdiction = jurisdiction(out.patent);
      if (jurisdiction.isPresent()) {
        out.noveltyPassages = passages(out.vector, jurisdiction.get(), Purpose.NOVELTY);
        out.inventiveStepPassages = passages(out.vector, jurisdiction.get(), Purpose.INVENTIVE_STEP);
      }
      out.retrieved = true;
    } catch (RuntimeException e) {
      failures.inc();
      LOG.warn("retrieval failed for {}; evaluating without prior art and passages: {}",
          out.patent.getPublicationKey(), e.toString());
      out.priorArt = new Enrichment.PriorArtDocument[0];
      out.noveltyPassages = new Enrichment.LegalPassage[0];
      out.inventiveStepPassages = new Enrichment.LegalPassage[0];
      out.retrievalError = e.toString();
    }
    return out;
  }

  @Override
  public void close() throws Exception {
    if (priorArtSearch != null) {
      priorArtSearch.close();
    }
    if (legalSearch != null) {
      legalSearch.close();
    }
  }

  /** The jurisdiction whose law is asked: the publishing office's. */
  static Optional<Jurisdiction> jurisdiction(Patent patent) {
    return Jurisdiction.ofCountry(patent.getPublication().getCountry());
  }

  private Enrichment.PriorArtDocument[] priorArt(float[] vector, Patent patent) {
    List<PriorArtSearch.Match> matches =
        priorArtSearch.nearest(vector, patent, evaluation.topK(), evaluation.minSimilarity());
    Enrichment.PriorArtDocument[] documents = new Enrichment.PriorArtDocument[matches.size()];
    for (int i = 0; i < documents.length; i++) {
      PriorArtSearch.Match match = matches.get(i);
      Enrichment.PriorArtDocument document = new Enrichment.PriorArtDocument();
      document.publicationKey = match.publicationKey();
      document.similarity = match.similarity();
      document.firstClaim = match.firstClaim();
      document.language = match.language();
      documents[i] = document;
    }
    return documents;
  }

  private Enrichment.LegalPassage[] passages(float[] vector, Jurisdiction jurisdiction,
      Purpose purpose) {
    List<LegalSearch.Passage> found =
        legalSearch.passages(vector, jurisdiction, purpose, evaluation.topK());
    Enrichment.LegalPassage[] passages = new Enrichment.LegalPassage[found.size()];
    for (int i = 0; i < passages.length; i++) {
      LegalSearch.Passage passage = found.get(i);
      Enrichment.LegalPassage out = new Enrichment.LegalPassage();
      out.id = passage.passageId();
      out.kind = passage.kind();
      out.citation = passage.citation();
      out.title = passage.title();
      out.text = passage.text();
      out.similarity = passage.similarity();
      passages[i] = out;
    }
    return passages;
  }
}
