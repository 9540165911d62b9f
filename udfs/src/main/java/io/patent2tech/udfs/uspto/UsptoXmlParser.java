package io.patent2tech.udfs.uspto;

import java.io.ByteArrayInputStream;
import java.io.Serializable;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

import org.codehaus.stax2.XMLStreamReader2;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxLazyException;
import com.ctc.wstx.stax.WstxInputFactory;

import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.xml.SafeXml;

/**
 * Streaming (StAX, single pass) parser for one USPTO XML document: ICE {@code us-patent-grant} and
 * {@code us-patent-application} (DTD v4.0 to v4.7, 2005-), PAP {@code patent-application-publication}
 * (pre-grant publications 2001-2004) and ST.32 {@code PATDOC} ("pg" grants in XML syntax, DTD
 * 2.4/2.5, 2001-2004). See docs/parser.md for what is read from where.
 *
 * <p>The root element picks the format's document reader ({@link IceDocumentReader}, {@link
 * PapDocumentReader}, {@link St32DocumentReader}); they share one {@link DocumentCursor} and the
 * section readers (identifiers, classifications, parties, citations, description, claims, drawings),
 * and fill one {@link PatentDraft}, so every format ends in the same Avro {@link Patent}.
 *
 * <p>The result is the parsed, not yet normalized record: numbers and dates as the office wrote them
 * ({@code 08930553}, {@code 20150106}), USPC symbols in their positional form ({@code "714  4"});
 * text is already whitespace-collapsed. {@code publication_key} is filled, {@code content_hash} is
 * empty; {@link io.patent2tech.udfs.normalize.PatentNormalizer} finishes the record.
 *
 * <p>Every failure is a {@link DocumentRejectedException} with stage {@code parse} ({@link
 * XmlDiagnostics}): malformed XML (with the reader's message, line and column), an entity that is
 * neither declared nor in the ISO table (named in the reason), and formats this parser does not read
 * (APS Green Book text, ICE versions other than v4.0-v4.7, other roots).
 *
 * <p>Instances are stateless and thread-safe; all per-document state lives in objects created per
 * call.
 */
public final class UsptoXmlParser implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Shared, configured once; XMLInputFactory is thread-safe once configured. */
  private static final class Holder {
    static final XMLInputFactory FACTORY = newInputFactory();
  }

  public UsptoXmlParser() {}

  /**
   * The XMLInputFactory configuration the parser uses: Woodstox, not namespace aware, not
   * validating, internal DTD subset read (so documents can declare their own entities) but never an
   * external DTD or external entity (a resolver hands back an empty stream; nothing is fetched or
   * opened), and the named entities of the ISO 8879 table ({@code iso-entities.tsv}) defined as
   * internal entities. The benchmark uses it for its bare StAX scan, so both read bytes the same way.
   */
  public static XMLInputFactory newInputFactory() {
    WstxInputFactory f = SafeXml.newInputFactory(false, false, SafeXml.Dtd.INTERNAL_SUBSET);
    f.setProperty(WstxInputProperties.P_CUSTOM_INTERNAL_ENTITIES, IsoEntities.replacementTexts());
    return f;
  }

  /**
   * Parses one document.
   *
   * @param document the bytes of exactly one XML document (encoding from its declaration, UTF-8
   *                 by default)
   * @param where    office/file/entry/position/offset of the document; copied, with product filled
   *                 in (e.g. {@code us-patent-grant v4.5 2014-04-03}); null is read as an unknown
   *                 USPTO file
   */
  public Patent parse(byte[] document, Source where) throws DocumentRejectedException {
    if (document == null || document.length == 0) {
      throw XmlDiagnostics.reject("empty document", null);
    }
    XmlDiagnostics.sniffFormat(document);
    XMLStreamReader2 reader = null;
    try {
      reader = (XMLStreamReader2) Holder.FACTORY.createXMLStreamReader(new ByteArrayInputStream(document));
      Buffers buffers = BUFFERS.get();
      try {
        return read(new DocumentCursor(reader, buffers.small, buffers.large), where);
      } finally {
        buffers.release();
      }
    } catch (DocumentRejectedException e) {
      throw e;
    } catch (XMLStreamException e) {
      throw XmlDiagnostics.malformed(e, reader, document);
    } catch (WstxLazyException e) {
      Throwable cause = e.getCause();
      if (cause instanceof XMLStreamException) {
        throw XmlDiagnostics.malformed((XMLStreamException) cause, reader, document);
      }
      throw XmlDiagnostics.malformed(new XMLStreamException(e.getMessage()), reader, document);
    } catch (RuntimeException e) {
      throw XmlDiagnostics.reject("parser error: " + e, e);
    } finally {
      if (reader != null) {
        try {
          reader.closeCompletely();
        } catch (XMLStreamException | RuntimeException ignored) {
          // closing a byte array source cannot lose data
        }
      }
    }
  }

  /** The root element picks the format. */
  private static Patent read(DocumentCursor c, Source where) throws XMLStreamException, DocumentRejectedException {
    String root = c.toRootElement();
    if (root == null) {
      throw XmlDiagnostics.reject("malformed XML: no root element", null);
    }
    switch (root) {
      case "us-patent-grant":
      case "us-patent-application":
        return new IceDocumentReader(c).read(where);
      case "patent-application-publication":
        return new PapDocumentReader(c).read(where);
      case "PATDOC":
        return new St32DocumentReader(c).read(where);
      default:
        throw XmlDiagnostics.reject("unsupported format: root element <" + root + "> is not a USPTO grant or"
            + " application document (ICE us-patent-grant/us-patent-application, PAP"
            + " patent-application-publication, ST.32 PATDOC)", null);
    }
  }

  /** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence, or -1. */
  static int firstInvalidUtf8(byte[] b) {
    return XmlDiagnostics.firstInvalidUtf8(b);
  }

  /** Text buffers reused by the parse calls of one thread (the parser's hot path allocates little). */
  private static final class Buffers {
    private static final int KEEP_CHARS = 1 << 21; // a buffer grown beyond 4 MiB is not kept
    TextBuffer small = new TextBuffer(1024);
    TextBuffer large = new TextBuffer(64 * 1024);

    void release() {
      if (small.capacity() > KEEP_CHARS) {
        small = new TextBuffer(1024);
      }
      if (large.capacity() > KEEP_CHARS) {
        large = new TextBuffer(64 * 1024);
      }
    }
  }

  private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);
}
