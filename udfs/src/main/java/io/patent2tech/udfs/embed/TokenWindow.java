package io.patent2tech.udfs.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Cuts a text to the words that fit a model's token window, with the model's own WordPiece
 * tokenizer.
 *
 * <p>Why not leave it to langchain4j: its BERT encoder embeds a longer text as the token-weighted
 * mean of 510-token chunks, so a patent with a long first claim would be described mostly by the
 * claim's tail. Cutting keeps what comes first (title, abstract, start of the claim) and bounds the
 * cost per text. The cut falls on a word boundary, so the kept prefix tokenizes to the same tokens.
 */
final class TokenWindow implements AutoCloseable {

  private final HuggingFaceTokenizer tokenizer;
  private final int maxTokens;

  private TokenWindow(HuggingFaceTokenizer tokenizer, int maxTokens) {
    this.tokenizer = tokenizer;
    this.maxTokens = maxTokens;
  }

  /** The tokenizer.json at {@code resource} on the classpath, e.g. the one the model jar ships. */
  static TokenWindow fromResource(String resource, int maxTokens) {
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be positive, got " + maxTokens);
    }
    try (InputStream in = TokenWindow.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("tokenizer " + resource + " is not on the classpath");
      }
      return new TokenWindow(
          HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "false")),
          maxTokens);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read tokenizer " + resource, e);
    }
  }

  int maxTokens() {
    return maxTokens;
  }

  /** Tokens of {@code text} without the [CLS]/[SEP] the model adds. */
  int count(String text) {
    return tokenizer.encode(text, false, false).getIds().length;
  }

  /** {@code text} itself when it fits, else its longest prefix of whole words that does. */
  String truncate(String text) {
    Encoding encoding = tokenizer.encode(text, false, false);
    String[] tokens = encoding.getTokens();
    if (tokens.length <= maxTokens) {
      return text;
    }
    // token maxTokens is the first that does not fit; back up to the start of its word
    int first = maxTokens;
    while (first > 0 && tokens[first].startsWith("##")) {
      first--;
    }
    CharSpan[] spans = encoding.getCharTokenSpans();
    if (first == 0 || spans[first] == null) {
      // one word longer than the window: keep whole tokens up to the window
      return text.substring(0, charOffset(text, spans[maxTokens - 1].getEnd()));
    }
    return text.substring(0, charOffset(text, spans[first].getStart())).stripTrailing();
  }

  /** The tokenizer counts offsets in code points; Java strings index UTF-16 units. */
  private static int charOffset(String text, int codePoints) {
    return text.offsetByCodePoints(0, codePoints);
  }

  @Override
  public void close() {
    tokenizer.close();
  }
}
