package io.patent2tech.connectors.elasticsearch.sink;

import io.patent2tech.connectors.elasticsearch.ElasticsearchSettings;
import io.patent2tech.connectors.elasticsearch.ElasticsearchClients;
import io.patent2tech.connectors.elasticsearch.document.DocumentMapper;
import io.patent2tech.connectors.elasticsearch.document.ElasticsearchDocument;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.UpdateOperation;
import co.elastic.clients.transport.TransportException;
import co.elastic.clients.util.BinaryData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.patent2tech.connectors.DeadLetterPublisher;
import io.patent2tech.connectors.StoreOutage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.elasticsearch.client.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers documents and sends them as bulk {@code update} requests with {@code doc_as_upsert}.
 *
 * <p>All calls come from the task's mailbox thread (write, flush, the flush timer), so the buffer
 * needs no locking, and a slow Elasticsearch back-pressures the job instead of filling memory.
 *
 * <p>Two kinds of trouble are waited out differently. Elasticsearch answering that it is busy (429
 * for the request, or documents to send again) is retried {@code maxRetries} times with a doubling
 * back-off. Elasticsearch not answering at all (connection refused or reset, a timeout, 502/503/504
 * for the whole request, typically a node restarting or a proxy in front of a stopped cluster) is
 * retried for {@link ElasticsearchSettings#unavailableTimeout()} ({@link StoreOutage}: one WARN line
 * per attempt), then the writer fails with a {@link io.patent2tech.connectors.StoreUnavailableException}
 * that names the URL and the cause.
 */
final class ElasticsearchBulkWriter<T> implements SinkWriter<T> {

  private static final Logger LOG = LoggerFactory.getLogger(ElasticsearchBulkWriter.class);

  /** Concurrent updates of one document (this sink and a later enrichment job) retry in Elasticsearch. */
  static final int RETRY_ON_CONFLICT = 3;

  static final long MAX_BACKOFF_MS = 30_000;

  /** How messages name the store. */
  static final String STORE = "Elasticsearch";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] UPDATE_PREFIX = "{\"doc\":".getBytes(StandardCharsets.UTF_8);
  private static final byte[] UPDATE_SUFFIX = ",\"doc_as_upsert\":true}".getBytes(StandardCharsets.UTF_8);
  /** Rough size of an action line ({"update":{"_id":...,"_index":...}}) without id and index. */
  private static final int ACTION_LINE_BYTES = 80;

  private final ElasticsearchSettings settings;
  private final DocumentMapper<T> mapper;
  private final ElasticsearchClient client;
  private final DeadLetterPublisher deadLetterPublisher;
  private final BulkDeadLetters deadLetters;
  private final BulkMetrics metrics;
  private final ProcessingTimeService timeService;
  private final MailboxExecutor mailbox;
  private final long flushIntervalMs;
  private boolean closed;

  private List<PendingUpdate> pending = new ArrayList<>();
  private long pendingBytes;

  ElasticsearchBulkWriter(
      ElasticsearchSettings settings,
      DocumentMapper<T> mapper,
      DeadLetterPublisher deadLetterPublisher,
      BulkDeadLetters deadLetters,
      BulkMetrics metrics,
      ProcessingTimeService timeService,
      MailboxExecutor mailbox,
      long flushIntervalMs) {
    this.settings = settings;
    this.mapper = mapper;
    this.deadLetterPublisher = deadLetterPublisher;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.timeService = timeService;
    this.mailbox = mailbox;
    this.flushIntervalMs = flushIntervalMs;
    this.client = ElasticsearchClients.open(settings);
    if (flushIntervalMs > 0) {
      scheduleFlush();
    }
  }

  @Override
  public void write(T element, Context context) throws IOException, InterruptedException {
    PendingUpdate update;
    try {
      ElasticsearchDocument document = mapper.map(element);
      update = new PendingUpdate(document.id(), JSON.writeValueAsBytes(document.fields()));
    } catch (JsonProcessingException | RuntimeException e) {
      LOG.warn("Cannot map element to an Elasticsearch document, dead-lettering it", e);
      deadLetterPublisher.publish(
          deadLetters.unmappable(e, String.valueOf(element).getBytes(StandardCharsets.UTF_8)));
      metrics.failed();
      return;
    }
    if (!pending.isEmpty() && pendingBytes + update.requestBytes() > settings.maxBulkBytes()) {
      send();
    }
    pending.add(update);
    pendingBytes += update.requestBytes();
    if (pending.size() >= settings.maxBulkActions() || pendingBytes >= settings.maxBulkBytes()) {
      send();
    }
  }

  /** Called before every checkpoint and at end of input: returns once Elasticsearch has it all. */
  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    send();
    deadLetterPublisher.flush();
  }

  @Override
  public void close() throws Exception {
    closed = true;
    if (!pending.isEmpty()) {
      // Not flushed, so not covered by a checkpoint: a restart replays them.
      LOG.info("Closing with {} unsent documents; they are replayed from the last checkpoint", pending.size());
    }
    try {
      client.close();
    } finally {
      deadLetterPublisher.close();
    }
  }

  /**
   * The timer only puts the send in the task's mailbox: Flink wraps what a timer callback throws in
   * "AsynchronousException: Caught exception while processing timer", while what a mail throws is
   * the task's failure as it is, so the first line an operator reads stays Elasticsearch's.
   */
  private void scheduleFlush() {
    timeService.registerTimer(timeService.getCurrentProcessingTime() + flushIntervalMs,
        time -> mailbox.execute(() -> {
          if (!closed) {
            send();
            scheduleFlush();
          }
        }, "send the buffered %s documents", STORE));
  }

  /** Sends the buffer, retrying what is retryable, until every document is stored or dead-lettered. */
  private void send() throws IOException, InterruptedException {
    List<PendingUpdate> batch = pending;
    pending = new ArrayList<>();
    pendingBytes = 0;
    StoreOutage outage = null;
    int retry = 0;
    while (!batch.isEmpty()) {
      Attempt attempt = attempt(batch);
      batch = attempt.retry();
      if (attempt.unreachable() != null) {
        if (outage == null) {
          outage = StoreOutage.begin(STORE, settings.url(), settings.unavailableTimeout(), LOG);
        }
        metrics.retry();
        outage.retryAfter(attempt.unreachable());
        continue;
      }
      if (outage != null) {
        // it answered: the outage is over, whatever the answer was
        outage.recovered();
        outage = null;
      }
      if (batch.isEmpty()) {
        return;
      }
      if (retry == settings.maxRetries()) {
        throw new IOException("Elasticsearch at " + settings.url() + " still refuses " + batch.size()
            + " documents after " + retry + " retries; last error: " + attempt.lastError());
      }
      long backoffMs = Math.min(MAX_BACKOFF_MS, settings.initialBackoffMs() << Math.min(retry, 30));
      LOG.warn("Retrying {} documents in {} ms (retry {} of {}): {}",
          batch.size(), backoffMs, retry + 1, settings.maxRetries(), attempt.lastError());
      metrics.retry();
      Thread.sleep(backoffMs);
      retry++;
    }
  }

  private Attempt attempt(List<PendingUpdate> batch) throws IOException {
    BulkResponse response;
    try {
      response = client.bulk(request(batch));
    } catch (ElasticsearchException e) {
      return requestFailed(batch, e.status(), e.error().type(), e.getMessage(), e);
    } catch (TransportException e) {
      return requestFailed(batch, e.statusCode(), "http_" + e.statusCode(), e.getMessage(), e);
    } catch (ResponseException e) {
      // an HTTP status the client leaves undecoded (429, 5xx), from Elasticsearch or a proxy
      int status = e.getResponse().getStatusLine().getStatusCode();
      return isUnavailable(status) ? Attempt.unreachable(batch, e) : new Attempt(batch, e.toString(), null);
    } catch (IOException e) {
      // connection refused or reset, timeout, no response: the request may or may not have been
      // applied, and sending it again is harmless
      return Attempt.unreachable(batch, e);
    }
    List<BulkResponseItem> items = response.items();
    if (items.size() != batch.size()) {
      throw new IOException("Bulk response has " + items.size() + " items for " + batch.size() + " documents");
    }
    List<PendingUpdate> retry = new ArrayList<>();
    String lastError = null;
    for (int i = 0; i < items.size(); i++) {
      BulkResponseItem item = items.get(i);
      PendingUpdate update = batch.get(i);
      ErrorCause error = item.error();
      BulkStatus status = BulkStatus.of(item.status());
      switch (status) {
        case OK:
          if ("noop".equals(item.result())) {
            metrics.noop(update.requestBytes());
          } else {
            metrics.indexed(update.requestBytes());
          }
          break;
        case RETRY:
          retry.add(update);
          lastError = describe(item);
          break;
        case FATAL:
          throw new IOException("Elasticsearch refused document " + update.id() + " in " + settings.alias()
              + " (" + describe(item) + "); is the index set up (PatentIndex.ensure)?");
        case REFUSED:
          refuse(update, error == null ? "http_" + item.status() : error.type(),
              error == null ? "status " + item.status() : reason(error));
          break;
        default:
          throw new IllegalStateException("Unhandled bulk status " + status);
      }
    }
    return new Attempt(retry, lastError, null);
  }

  private Attempt requestFailed(List<PendingUpdate> batch, int status, String type, String message, Exception e)
      throws IOException {
    if (isUnavailable(status)) {
      return Attempt.unreachable(batch, e);
    }
    if (BulkStatus.of(status) == BulkStatus.RETRY) {
      return new Attempt(batch, message, null);
    }
    if (status == 413 && batch.size() == 1) {
      // A single document larger than http.max_content_length: no retry can help.
      PendingUpdate update = batch.get(0);
      refuse(update, type, "document of " + update.documentBytes() + " bytes is too large for a request");
      return new Attempt(List.of(), null, null);
    }
    throw new IOException(
        "Bulk request to " + settings.url() + " failed with status " + status + ": " + message, e);
  }

  /** 502/503/504 for a whole request: a gateway without a cluster behind it, or a cluster that cannot serve yet. */
  static boolean isUnavailable(int status) {
    return status == 502 || status == 503 || status == 504;
  }

  private void refuse(PendingUpdate update, String errorType, String reason) {
    LOG.warn("Elasticsearch refused document {}: {}: {}", update.id(), errorType, reason);
    deadLetterPublisher.publish(deadLetters.refused(update.id(), errorType, reason, update.document()));
    metrics.failed();
  }

  private static String describe(BulkResponseItem item) {
    ErrorCause error = item.error();
    return "status " + item.status() + (error == null ? "" : ", " + error.type() + ": " + reason(error));
  }

  /** The reason and its first cause, which usually names the offending value. */
  private static String reason(ErrorCause error) {
    ErrorCause cause = error.causedBy();
    return error.reason() + (cause == null ? "" : " (caused by " + cause.type() + ": " + cause.reason() + ")");
  }

  private BulkRequest request(List<PendingUpdate> batch) {
    List<BulkOperation> operations = new ArrayList<>(batch.size());
    for (PendingUpdate update : batch) {
      operations.add(BulkOperation.of(operation -> operation.update(UpdateOperation.of(u -> u
          .index(settings.alias())
          .id(update.id())
          // never let a write auto-create an unmapped concrete index named like the alias
          .requireAlias(true)
          .retryOnConflict(RETRY_ON_CONFLICT)
          .binaryAction(BinaryData.of(update.body(), "application/json"))))));
    }
    return BulkRequest.of(request -> request.operations(operations));
  }

  /** One document waiting to be sent: its id and the update body {"doc":...,"doc_as_upsert":true}. */
  private static final class PendingUpdate {

    private final String id;
    private final byte[] body;

    PendingUpdate(String id, byte[] document) {
      this.id = id;
      this.body = new byte[UPDATE_PREFIX.length + document.length + UPDATE_SUFFIX.length];
      System.arraycopy(UPDATE_PREFIX, 0, body, 0, UPDATE_PREFIX.length);
      System.arraycopy(document, 0, body, UPDATE_PREFIX.length, document.length);
      System.arraycopy(UPDATE_SUFFIX, 0, body, UPDATE_PREFIX.length + document.length, UPDATE_SUFFIX.length);
    }

    String id() {
      return id;
    }

    byte[] body() {
      return body;
    }

    int documentBytes() {
      return body.length - UPDATE_PREFIX.length - UPDATE_SUFFIX.length;
    }

    byte[] document() {
      return Arrays.copyOfRange(body, UPDATE_PREFIX.length, UPDATE_PREFIX.length + documentBytes());
    }

    long requestBytes() {
      return body.length + ACTION_LINE_BYTES + id.length();
    }
  }

  /**
   * The outcome of one bulk request: what to send again, and why; {@code unreachable} when the
   * request got no answer from Elasticsearch itself.
   */
  private record Attempt(List<PendingUpdate> retry, String lastError, Exception unreachable) {

    static Attempt unreachable(List<PendingUpdate> batch, Exception e) {
      return new Attempt(batch, e.toString(), e);
    }
  }
}
