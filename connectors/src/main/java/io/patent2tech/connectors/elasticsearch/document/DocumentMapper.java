package io.patent2tech.connectors.elasticsearch.document;

import java.io.Serializable;

/** Turns a stream element into the Elasticsearch document the bulk sink writes. */
@FunctionalInterface
public interface DocumentMapper<T> extends Serializable {

  ElasticsearchDocument map(T element);
}
