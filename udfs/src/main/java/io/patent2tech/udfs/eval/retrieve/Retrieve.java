package io.patent2tech.udfs.eval.retrieve;

import io.patent2tech.udfs.embed.EmbeddedPatent;
import io.patent2tech.udfs.eval.Enrichment;
import io.patent2tech.udfs.eval.EvaluationSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retrieval stage (docs/design.md section 6, issue 3 point 4): per patent, its prior art
 * ({@link PriorArt}: {@code topK}, least similarity {@code minSimilarity}) and the legal passages
 * on novelty and on inventive step of its jurisdiction ({@link LegalPassages}), {@code topK} each.
 *
 * <p>Flink async I/O: a patent's searches go out together, in one round trip of the injected
 * {@link VectorSearch}, and the task thread goes on while they are answered, so retrieval never
 * holds up the embedding model (issue 9, point 5). Up to {@code maxInFlight} patents are searched
 * at once; results keep the input order.
 *
 * <p>A failed or timed-out search is a recorded {@code retrievalError}, not a job failure: the
 * patent goes on without prior art and passages, and the RAG and precedent stages drop out of its
 * scores. With RAG switched off nothing is searched and no search is opened.
 */
public final class Retrieve extends RichAsyncFunction<EmbeddedPatent, Enrichment> {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(Retrieve.class);

  private final EvaluationSettings evaluation;
  private final VectorSearch.Factory searchFactory;
  private final int maxInFlight;
  private final long timeoutMs;

  private transient VectorSearch search;
  private transient Counter failures;

  /**
   * @param searchFactory opens the prior-art and legal corpus search (Elasticsearch in the job)
   * @param maxInFlight most patents searched at once, per subtask
   * @param timeout limit for one patent's searches; past it the patent goes on without them
   */
  public Retrieve(EvaluationSettings evaluation, VectorSearch.Factory searchFactory,
      int maxInFlight, Duration timeout) {
    this.evaluation = Objects.requireNonNull(evaluation, "evaluation");
    this.searchFactory = Objects.requireNonNull(searchFactory, "searchFactory");
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    this.maxInFlight = maxInFlight;
    this.timeoutMs = timeout.toMillis();
  }

  /** {@code embedded} through {@code retrieve}, in input order; the caller names it and sets its uid. */
  public static SingleOutputStreamOperator<Enrichment> apply(DataStream<EmbeddedPatent> embedded,
      Retrieve retrieve) {
    return AsyncDataStream.orderedWait(embedded, retrieve, retrieve.timeoutMs,
        TimeUnit.MILLISECONDS, retrieve.maxInFlight);
  }

  @Override
  public void open(OpenContext openContext) throws Exception {
    super.open(openContext);
    // completed on the search client's threads
    failures = getRuntimeContext().getMetricGroup()
        .counter("enrichRetrievalFailures", new ThreadSafeSimpleCounter());
    if (evaluation.enableRag()) {
      search = searchFactory.open();
    }
  }

  @Override
  public void asyncInvoke(EmbeddedPatent embedded, ResultFuture<Enrichment> result) {
    Enrichment out = start(embedded);
    if (!evaluation.enableRag()) {
      result.complete(List.of(out));
      return;
    }
    if (!embedded.hasVector()) {
      out.retrievalError = "the patent has no title, abstract or claim text to search with";
      result.complete(List.of(out));
      return;
    }
    List<VectorQuery> queries = queries(out);
    search.search(queries).whenComplete((hits, error) -> {
      if (error != null) {
        failed(out, error.toString());
      } else {
        try {
          fill(out, hits);
        } catch (RuntimeException e) {
          // an answer of the wrong shape is the search's failure, not the job's
          failed(out, e.toString());
        }
      }
      result.complete(List.of(out));
    });
  }

  @Override
  public void timeout(EmbeddedPatent embedded, ResultFuture<Enrichment> result) {
    Enrichment out = start(embedded);
    failed(out, "no search answer within the retrieval timeout of " + timeoutMs + " ms");
    result.complete(List.of(out));
  }

  @Override
  public void close() throws Exception {
    try {
      if (search != null) {
        search.close();
      }
    } finally {
      super.close();
    }
  }

  /**
   * The patent's searches: prior art, its evaluated near-duplicates, then novelty and
   * inventive-step passages when its jurisdiction has a corpus.
   */
  List<VectorQuery> queries(Enrichment e) {
    List<VectorQuery> queries = new ArrayList<>(4);
    queries.add(PriorArt.query(e.vector, e.patent, evaluation.topK(), evaluation.minSimilarity()));
    queries.add(PriorArt.nearDuplicatesQuery(e.vector, e.patent));
    Optional<Jurisdiction> jurisdiction = Jurisdiction.of(e.patent);
    if (jurisdiction.isPresent()) {
      queries.add(LegalPassages.query(e.vector, jurisdiction.get(), Purpose.NOVELTY, evaluation.topK()));
      queries.add(LegalPassages.query(
          e.vector, jurisdiction.get(), Purpose.INVENTIVE_STEP, evaluation.topK()));
    }
    return queries;
  }

  private static Enrichment start(EmbeddedPatent embedded) {
    Enrichment out = new Enrichment();
    out.patent = embedded.getPatent();
    out.vector = embedded.getVector();
    out.embeddingModel = embedded.getModelId();
    return out;
  }

  private static void fill(Enrichment out, List<List<VectorHit>> hits) {
    out.priorArt = priorArt(PriorArt.matches(hits.get(0)));
    out.resembles = PriorArt.resembles(hits.get(1));
    if (hits.size() == 4) {
      out.noveltyPassages = passages(LegalPassages.passages(hits.get(2)));
      out.inventiveStepPassages = passages(LegalPassages.passages(hits.get(3)));
    }
    out.retrieved = true;
  }

  private void failed(Enrichment out, String reason) {
    failures.inc();
    LOG.warn("retrieval failed for {}; evaluating without prior art and passages: {}",
        out.patent.getPublicationKey(), reason);
    out.priorArt = new Enrichment.PriorArtDocument[0];
    out.noveltyPassages = new Enrichment.LegalPassage[0];
    out.inventiveStepPassages = new Enrichment.LegalPassage[0];
    out.retrieved = false;
    out.retrievalError = reason;
  }

  private static Enrichment.PriorArtDocument[] priorArt(List<PriorArt.Match> matches) {
    Enrichment.PriorArtDocument[] documents = new Enrichment.PriorArtDocument[matches.size()];
    for (int i = 0; i < documents.length; i++) {
      PriorArt.Match match = matches.get(i);
      Enrichment.PriorArtDocument document = new Enrichment.PriorArtDocument();
      document.publicationKey = match.publicationKey();
      document.similarity = match.similarity();
      document.firstClaim = match.firstClaim();
      document.language = match.language();
      documents[i] = document;
    }
    return documents;
  }

  private static Enrichment.LegalPassage[] passages(List<LegalPassages.Passage> found) {
    Enrichment.LegalPassage[] passages = new Enrichment.LegalPassage[found.size()];
    for (int i = 0; i < passages.length; i++) {
      LegalPassages.Passage passage = found.get(i);
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
