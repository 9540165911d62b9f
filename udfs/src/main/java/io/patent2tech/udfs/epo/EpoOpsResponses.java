package io.patent2tech.udfs.epo;

import static io.patent2tech.udfs.epo.OpsXml.EXCHANGE;
import static io.patent2tech.udfs.epo.OpsXml.FULLTEXT;
import static io.patent2tech.udfs.epo.OpsXml.OPS;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamException;

import org.codehaus.stax2.XMLStreamReader2;

import com.ctc.wstx.exc.WstxLazyException;

import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.DocumentResult;
import io.patent2tech.udfs.epo.FulltextParser.Fulltext;

/**
 * Saved OPS responses in, records out: what the {@code parse} command calls for a set of files
 * fetched separately (a search with the biblio constituent or biblio responses, plus claims and
 * description responses). Each response's kind is read from its content, not its file name; claims
 * and description are joined to their biblio by publication (DOCDB country, number, kind). Pure:
 * bytes in, results out; nothing is read from disk here.
 */
public final class EpoOpsResponses implements Serializable {

  private static final long serialVersionUID = 1L;

  /** What an OPS response holds, from its content. */
  public enum Kind {
    /** exchange-documents: biblio, abstract, full-cycle, or a search with the biblio constituent */
    BIBLIO,
    /** ops:biblio-search with publication references only (no constituent): nothing to map */
    SEARCH,
    /** ftxt:fulltext-documents with claims */
    CLAIMS,
    /** ftxt:fulltext-documents with a description */
    DESCRIPTION,
    /** anything else: family, legal, register, images inquiry, error bodies */
    OTHER
  }

  private final EpoOpsDocumentProcessor processor;

  /** Claims required, as in the default {@link EpoOpsDocumentProcessor}. */
  public EpoOpsResponses() {
    this(true);
  }

  /** @param claimsRequired false to accept publications that have no claims response among the inputs */
  public EpoOpsResponses(boolean claimsRequired) {
    this.processor = new EpoOpsDocumentProcessor(claimsRequired);
  }

  /**
   * The kind of one response, from its first decisive element (namespace URIs, not prefixes).
   *
   * @throws DocumentRejectedException (stage parse) when the XML is malformed before that element
   */
  public static Kind kindOf(byte[] response) throws DocumentRejectedException {
    XMLStreamReader2 r = OpsXml.open(response, "OPS");
    try {
      boolean search = false;
      while (r.hasNext()) {
        if (r.next() != XMLStreamReader2.START_ELEMENT) {
          continue;
        }
        if (OpsXml.is(r, EXCHANGE, "exchange-document")) {
          return Kind.BIBLIO;
        }
        if (OpsXml.is(r, FULLTEXT, "claims")) {
          return Kind.CLAIMS;
        }
        if (OpsXml.is(r, FULLTEXT, "description")) {
          return Kind.DESCRIPTION;
        }
        if (OpsXml.is(r, OPS, "biblio-search")) {
          search = true;
        } else if (r.getDepth() == 1 && !OpsXml.is(r, OPS, "world-patent-data")) {
          return Kind.OTHER; // error bodies (fault, error) and foreign roots
        }
      }
      return search ? Kind.SEARCH : Kind.OTHER;
    } catch (XMLStreamException | WstxLazyException e) {
      throw OpsXml.malformed(e, "OPS");
    } catch (RuntimeException e) {
      throw OpsXml.reject("parser error: " + e, e);
    } finally {
      OpsXml.close(r);
    }
  }

  /**
   * Processes a set of responses.
   *
   * @param responses        file name -> bytes, in the order results should follow (a
   *                         {@link LinkedHashMap}); the name becomes {@code source.file}
   * @param ingestTimeMillis epoch milliseconds stored as {@code ingest_time}
   * @return per exchange-document (in input order) the record or its rejection; then one rejection
   *         (index -1) per response that could not be used: malformed, of kind SEARCH or OTHER, or
   *         claims/description whose publication has no biblio among the inputs
   */
  public List<DocumentResult> process(Map<String, byte[]> responses, long ingestTimeMillis) {
    List<DocumentResult> out = new ArrayList<>();
    List<DocumentResult> unusable = new ArrayList<>();
    Map<String, byte[]> biblios = new LinkedHashMap<>();
    Map<String, Fulltext> claims = new HashMap<>();
    Map<String, Fulltext> descriptions = new HashMap<>();
    Map<String, String> fulltextFile = new LinkedHashMap<>(); // "claims EP-1-A1" -> file, for unmatched ones
    for (Map.Entry<String, byte[]> e : responses.entrySet()) {
      String file = e.getKey();
      try {
        Kind kind = kindOf(e.getValue());
        switch (kind) {
          case BIBLIO:
            biblios.put(file, e.getValue());
            break;
          case CLAIMS:
          case DESCRIPTION:
            boolean isClaims = kind == Kind.CLAIMS;
            String what = isClaims ? "claims" : "description";
            for (Fulltext t : processor.parseFulltext(e.getValue(), what)) {
              if (t.key() == null) {
                unusable.add(DocumentResult.rejected(file, -1, OpsXml.reject(
                    what + " response without a publication reference: cannot be joined to a biblio", null)));
                continue;
              }
              (isClaims ? claims : descriptions).put(t.key(), t);
              fulltextFile.put(what + ' ' + t.key(), file);
            }
            break;
          case SEARCH:
            unusable.add(DocumentResult.rejected(file, -1, OpsXml.reject(
                "search response without the biblio constituent (publication references only)", null)));
            break;
          default:
            unusable.add(DocumentResult.rejected(file, -1, OpsXml.reject(
                "not a published-data biblio, claims or description response", null)));
        }
      } catch (DocumentRejectedException ex) {
        unusable.add(DocumentResult.rejected(file, -1, ex));
      }
    }
    Set<String> joined = new HashSet<>();
    for (Map.Entry<String, byte[]> e : biblios.entrySet()) {
      String file = e.getKey();
      List<Patent> docs;
      try {
        docs = processor.parseBiblio(e.getValue());
      } catch (DocumentRejectedException ex) {
        unusable.add(DocumentResult.rejected(file, -1, ex));
        continue;
      }
      Source where = new Source("EPO", null, file, null, 0L, null, null, null);
      for (int i = 0; i < docs.size(); i++) {
        Patent p = docs.get(i);
        String key = p.getPublicationKey();
        Fulltext c = claims.get(key);
        Fulltext d = descriptions.get(key);
        if (c != null) {
          joined.add("claims " + key);
        }
        if (d != null) {
          joined.add("description " + key);
        }
        try {
          out.add(DocumentResult.accepted(file, i, processor.finish(p, c, d, where, i, ingestTimeMillis)));
        } catch (DocumentRejectedException ex) {
          out.add(DocumentResult.rejected(file, i, ex));
        }
      }
    }
    for (Map.Entry<String, String> f : fulltextFile.entrySet()) {
      if (!joined.contains(f.getKey())) {
        String key = f.getKey().substring(f.getKey().indexOf(' ') + 1);
        unusable.add(DocumentResult.rejected(f.getValue(), -1, new DocumentRejectedException(
            DocumentRejectedException.STAGE_PARSE, f.getKey() + " has no biblio response among the inputs", key,
            null)));
      }
    }
    out.addAll(unusable);
    return out;
  }
}
