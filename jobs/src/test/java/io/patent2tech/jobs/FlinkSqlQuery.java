package io.patent2tech.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs Flink SQL statements with the Table API in a local MiniCluster and returns the last
 * statement's rows, fields joined by spaces. Loaded by SubscribingFlinkSqlIT in a class loader of
 * its own (Flink's SQL format jars, no flink-avro), so it speaks plain Java types across it.
 */
public final class FlinkSqlQuery {

  private FlinkSqlQuery() {}

  /**
   * @param classpath URLs the job's user code class loader gets: with none, the MiniCluster reads
   *     the job with the JVM's system class loader, whose Flink classes are not this loader's
   */
  public static List<String> run(List<String> statements, String query, List<String> classpath)
      throws Exception {
    Configuration conf = new Configuration();
    conf.set(PipelineOptions.CLASSPATHS, classpath);
    TableEnvironment sql = TableEnvironment.create(
        EnvironmentSettings.newInstance().inStreamingMode().withConfiguration(conf).build());
    for (String statement : statements) {
      sql.executeSql(statement);
    }
    List<String> rows = new ArrayList<>();
    try (CloseableIterator<Row> it = sql.executeSql(query).collect()) {
      it.forEachRemaining(r -> {
        StringJoiner fields = new StringJoiner(" ");
        for (int i = 0; i < r.getArity(); i++) {
          fields.add(String.valueOf(r.getField(i)));
        }
        rows.add(fields.toString());
      });
    }
    return rows;
  }
}
