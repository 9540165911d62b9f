package io.patent2tech.connectors.elasticsearch.sink;

/** What the bulk sink does with an HTTP status from Elasticsearch, for a request or one document. */
enum BulkStatus {
  /** Stored. */
  OK,
  /** Elasticsearch is overloaded, unreachable or busy with the document: try again later. */
  RETRY,
  /** The cluster is not set up for us (no alias, no permission): no document can succeed. */
  FATAL,
  /** This document cannot be stored as it is: dead-letter it and go on. */
  REFUSED;

  static BulkStatus of(int status) {
    if (status >= 200 && status < 300) {
      return OK;
    }
    switch (status) {
      case 409: // version conflict left after retry_on_conflict: another writer is busy with it
      case 429: // es_rejected_execution_exception, circuit_breaking_exception
      case 502:
      case 503: // unavailable_shards_exception, cluster not recovered
      case 504:
        return RETRY;
      case 401:
      case 403:
      case 404: // index_not_found_exception: the alias is missing (require_alias)
        return FATAL;
      default:
        return REFUSED;
    }
  }
}
