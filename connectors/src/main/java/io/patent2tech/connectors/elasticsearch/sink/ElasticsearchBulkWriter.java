package io.patent2tech.connectors.elasticsearch.sink;

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
import io.patent2tech.connectors.elasticsearch.ElasticsearchClients;
import io.patent2tech.connectors.elasticsearch.ElasticsearchSettings;
import io.patent2tech.connectors.elasticsearch.document.DocumentMapper;
import io.patent2tech.connectors.elasticsearch.document.ElasticsearchDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.elasticsearch.client.ResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers documents and sends them as bulk {@code update} requests with {@code doc_as_upsert}.
 *
 * <p>All calls come from the task's mailbox thread (write, flush, snapshot, the timers' mails), so
 * the buffer needs no locking.
 *
 * <p>The writer never sleeps. When Elasticsearch pushes a request back, the documents to send again
 * wait for a processing-time timer whose mail sends them, and the task thread goes back to its
 * mailbox: checkpoints, timers and cancellation go through meanwhile. Two kinds of trouble are
 * waited out differently. Elasticsearch answering that it is busy (429 for the request, or
 * documents to send again) is retried {@code maxRetries} times with a doubling back-off.
 * Elasticsearch not answering at all (connection refused or reset, a timeout, 502/503/504 for the
 * whole request, typically a node restarting or a proxy in front of a stopped cluster) is retried
 * for {@link ElasticsearchSettings#unavailableTimeout()} ({@link StoreOutage}: one WARN line per
 * attempt), then the writer fails with a {@link io.patent2tech.connectors.StoreUnavailableException}
 * that names the URL and the cause. Both give-ups happen in a timer's mail, so the exception is the
 * task's failure as it is.
 *
 * <p>While a request waits, newer documents queue behind it and are not sent: a later version of a
 * document must not overtake an earlier one. The queue takes one more full request; a write beyond
 * that waits for the back-off in the mailbox ({@link MailboxExecutor#yield}), which back-pressures
 * the job. A checkpoint does not wait: the waiting and the queued documents are the writer's state
 * ({@link BulkWriterState}), sent first after a restore. Without a back-off a checkpoint sends what
 * is buffered, so in the usual case a completed checkpoint means the documents are in
 * Elasticsearch and the state is empty.
 */
final class ElasticsearchBulkWriter<T> implements StatefulSinkWriter<T, BulkWriterState> {

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

  /** Documents not sent yet, oldest first. */
  private final Deque<PendingUpdate> pending = new ArrayDeque<>();
  private long pendingBytes;
  /** The request Elasticsearch pushed back, waiting for its timer; null when none waits. */
  private Waiting waiting;

  ElasticsearchBulkWriter(
      ElasticsearchSettings settings,
      DocumentMapper<T> mapper,
      DeadLetterPublisher deadLetterPublisher,
      BulkDeadLetters deadLetters,
      BulkMetrics metrics,
      ProcessingTimeService timeService,
      MailboxExecutor mailbox,
      long flushIntervalMs,
      Collection<BulkWriterState> restored) {
    this.settings = settings;
    this.mapper = mapper;
    this.deadLetterPublisher = deadLetterPublisher;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
    this.timeService = timeService;
    this.mailbox = mailbox;
    this.flushIntervalMs = flushIntervalMs;
    for (BulkWriterState state : restored) {
      for (BulkWriterState.Document document : state.documents()) {
        enqueue(new PendingUpdate(document.id(), document.json()));
      }
    }
    this.client = ElasticsearchClients.open(settings);
    if (!pending.isEmpty()) {
      LOG.info("Restored {} documents that an earlier attempt had not stored yet; they are sent first",
          pending.size());
      // at once, not when the next element, timer or checkpoint comes: none may come for a while
      mailbox.execute(() -> {
        if (!closed) {
          send();
        }
      }, "send the restored %s documents", STORE);
    }
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
      sendWhenNothingWaits();
    }
    enqueue(update);
    if (requestIsFull()) {
      sendWhenNothingWaits();
    }
  }

  /**
   * Before a checkpoint ({@code endOfInput} false): sends the buffer unless a request waits for its
   * back-off; what is not stored when it returns is in {@link #snapshotState}. At the end of the
   * input: returns once Elasticsearch has it all.
   */
  @Override
  public void flush(boolean endOfInput) throws IOException, InterruptedException {
    send();
    if (endOfInput) {
      while (waiting != null || !pending.isEmpty()) {
        if (waiting != null) {
          // runs the timer's mail that sends the waiting request again
          mailbox.yield();
        } else {
          send();
        }
      }
    }
    deadLetterPublisher.flush();
  }

  @Override
  public List<BulkWriterState> snapshotState(long checkpointId) {
    List<BulkWriterState.Document> unsent = new ArrayList<>();
    if (waiting != null) {
      waiting.batch().forEach(update -> unsent.add(update.toState()));
    }
    pending.forEach(update -> unsent.add(update.toState()));
    if (unsent.isEmpty()) {
      return List.of();
    }
    LOG.info("Checkpoint {} keeps {} documents Elasticsearch has not stored yet", checkpointId, unsent.size());
    return List.of(new BulkWriterState(unsent));
  }

  @Override
  public void close() throws Exception {
    closed = true;
    int unsent = pending.size() + (waiting == null ? 0 : waiting.batch().size());
    if (unsent > 0) {
      // the last checkpoint holds those it covered; the source replays the others
      LOG.info("Closing with {} unsent documents; they are sent again from the last checkpoint", unsent);
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

  private void enqueue(PendingUpdate update) {
    pending.addLast(update);
    pendingBytes += update.requestBytes();
  }

  private boolean requestIsFull() {
    return pending.size() >= settings.maxBulkActions() || pendingBytes >= settings.maxBulkBytes();
  }

  /** The queue is full: if a request waits, wait for it in the mailbox (back-pressure), then send. */
  private void sendWhenNothingWaits() throws IOException, InterruptedException {
    while (waiting != null) {
      mailbox.yield();
    }
    send();
  }

  /**
   * Sends the queue, one bulk request at a time, until it is empty or Elasticsearch pushes a
   * request back; then the rest waits behind that request.
   */
  private void send() throws IOException {
    while (waiting == null && !pending.isEmpty()) {
      submit(nextRequest(), 0, null);
    }
  }

  /** The oldest documents that fit one request (at least one). */
  private List<PendingUpdate> nextRequest() {
    List<PendingUpdate> batch = new ArrayList<>();
    long bytes = 0;
    while (!pending.isEmpty() && batch.size() < settings.maxBulkActions()) {
      PendingUpdate next = pending.peekFirst();
      if (!batch.isEmpty() && bytes + next.requestBytes() > settings.maxBulkBytes()) {
        break;
      }
      pending.removeFirst();
      pendingBytes -= next.requestBytes();
      bytes += next.requestBytes();
      batch.add(next);
    }
    return batch;
  }

  /**
   * One attempt at a request; what Elasticsearch pushes back waits for a timer.
   *
   * @param retries how often these documents were sent again for load (429) so far
   * @param outage the stretch of unavailability the last attempts ran into, or null
   */
  private void submit(List<PendingUpdate> batch, int retries, StoreOutage outage) throws IOException {
    Attempt attempt = attempt(batch);
    List<PendingUpdate> again = attempt.retry();
    if (attempt.unreachable() != null) {
      if (outage == null) {
        outage = StoreOutage.begin(STORE, settings.url(), settings.unavailableTimeout(), LOG);
      }
      metrics.retry();
      // throws StoreUnavailableException once the timeout is spent
      waitAndResend(again, retries, outage, outage.waitAfter(attempt.unreachable()));
      return;
    }
    if (outage != null) {
      // it answered: the outage is over, whatever the answer was
      outage.recovered();
    }
    if (again.isEmpty()) {
      return;
    }
    if (retries == settings.maxRetries()) {
      throw new IOException("Elasticsearch at " + settings.url() + " still refuses " + again.size()
          + " documents after " + retries + " retries; last error: " + attempt.lastError());
    }
    long backoffMs = Math.min(MAX_BACKOFF_MS, settings.initialBackoffMs() << Math.min(retries, 30));
    LOG.warn("Retrying {} documents in {} ms (retry {} of {}): {}",
        again.size(), backoffMs, retries + 1, settings.maxRetries(), attempt.lastError());
    metrics.retry();
    waitAndResend(again, retries + 1, null, backoffMs);
  }

  private void waitAndResend(List<PendingUpdate> batch, int retries, StoreOutage outage, long waitMs) {
    Waiting request = new Waiting(batch, retries, outage);
    waiting = request;
    timeService.registerTimer(timeService.getCurrentProcessingTime() + waitMs,
        time -> mailbox.execute(() -> {
          if (!closed && waiting == request) {
            waiting = null;
            submit(request.batch(), request.retries(), request.outage());
            // what queued behind it was due already
            send();
          }
        }, "send %d %s documents again", batch.size(), STORE));
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

    BulkWriterState.Document toState() {
      return new BulkWriterState.Document(id, document());
    }
  }

  /** A request Elasticsearch pushed back: its documents, their retries for load, the outage if any. */
  private record Waiting(List<PendingUpdate> batch, int retries, StoreOutage outage) {}

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
