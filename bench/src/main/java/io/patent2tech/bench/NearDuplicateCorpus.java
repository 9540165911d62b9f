package io.patent2tech.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.patent2tech.schema.Claim;
import io.patent2tech.schema.DescriptionSection;
import io.patent2tech.schema.DocumentId;
import io.patent2tech.schema.LocalizedText;
import io.patent2tech.schema.Patent;
import io.patent2tech.schema.Source;
import io.patent2tech.udfs.DocumentRejectedException;
import io.patent2tech.udfs.UsptoDocumentProcessor;

/**
 * The near-duplicate benchmark's documents, made of real text: the sentences of the ICE fixtures
 * and of samples/uspto/ipg-ipa-sample.zip (abstracts, descriptions, claims), recombined so that
 * every document is its own mix (a title from two real titles, an abstract of 3-6 sentences, 6-12
 * claims of 1-2 sentences), and the planted near-duplicates, each an edited copy of one of them
 * (see {@link Edit}).
 */
final class NearDuplicateCorpus {

  /** How a planted copy differs from its original. */
  enum Edit {
    EXACT_COPY("exact copy, new number"),
    RETYPESET("re-typeset (case, whitespace, entities)"),
    WORDS_0_5("0.5% of words replaced"),
    WORDS_1("1% of words replaced"),
    WORDS_2("2% of words replaced"),
    WORDS_5("5% of words replaced"),
    ONE_CLAIM("one claim replaced"),
    NEW_CLAIMS("new claim set (continuation)");

    final String label;

    Edit(String label) {
      this.label = label;
    }
  }

  final List<String> titles;
  final List<String> sentences;
  final List<String> vocabulary;

  private NearDuplicateCorpus(List<String> titles, List<String> sentences, List<String> vocabulary) {
    this.titles = titles;
    this.sentences = sentences;
    this.vocabulary = vocabulary;
  }

  /** The pool of real titles, sentences and words, from the fixtures and the sample weekly file. */
  static NearDuplicateCorpus load(Path fixtures, Path sampleZip) throws IOException {
    List<byte[]> documents = new ArrayList<>(ParserBenchmark.iceDocuments(fixtures));
    documents.addAll(xmlDocuments(sampleZip));
    Set<String> titles = new LinkedHashSet<>();
    Set<String> sentences = new LinkedHashSet<>();
    UsptoDocumentProcessor processor = new UsptoDocumentProcessor();
    for (byte[] xml : documents) {
      Patent p;
      try {
        p = processor.process(xml, Source.newBuilder().setOffice("USPTO").setFile("bench").setPosition(0).build(), 0L);
      } catch (DocumentRejectedException e) {
        continue;
      }
      p.getTitles().forEach(t -> titles.add(t.getText().strip()));
      p.getAbstracts().forEach(a -> addSentences(a.getText(), sentences));
      for (DescriptionSection section : p.getDescription()) {
        addSentences(section.getText(), sentences);
      }
      for (Claim claim : p.getClaims()) {
        addSentences(claim.getText(), sentences);
      }
    }
    Set<String> words = new LinkedHashSet<>();
    for (String s : sentences) {
      for (String w : s.split(" ")) {
        if (w.length() > 2 && w.chars().allMatch(Character::isLetter)) {
          words.add(w);
        }
      }
    }
    return new NearDuplicateCorpus(List.copyOf(titles), List.copyOf(sentences), List.copyOf(words));
  }

  /** A new document of recombined real text. */
  Patent document(String key, SplittableRandom random) {
    String titleA = pick(titles, random);
    String titleB = pick(titles, random);
    String[] a = titleA.split(" ");
    String[] b = titleB.split(" ");
    String title = String.join(" ", java.util.Arrays.copyOfRange(a, 0, Math.max(1, a.length / 2 + 1))) + " "
        + String.join(" ", java.util.Arrays.copyOfRange(b, b.length / 2, b.length)) + " with "
        + pick(vocabulary, random).toLowerCase(Locale.ROOT);
    StringBuilder abstractText = new StringBuilder();
    for (int i = 0, n = 3 + random.nextInt(4); i < n; i++) {
      abstractText.append(i == 0 ? "" : " ").append(pick(sentences, random));
    }
    return patent(key, title, abstractText.toString(), claims(6 + random.nextInt(7), random));
  }

  /** A copy of {@code original} under {@code key}, edited as {@code edit} says. */
  Patent plant(Patent original, String key, Edit edit, SplittableRandom random) {
    String title = original.getTitles().get(0).getText();
    String abstractText = original.getAbstracts().get(0).getText();
    List<String> claims = original.getClaims().stream().map(Claim::getText).toList();
    switch (edit) {
      case EXACT_COPY -> { }
      case RETYPESET -> {
        title = retype(title).toUpperCase(Locale.ROOT);
        abstractText = retype(abstractText);
        claims = claims.stream().map(NearDuplicateCorpus::retype).toList();
      }
      case WORDS_0_5, WORDS_1, WORDS_2, WORDS_5 -> {
        double rate = switch (edit) {
          case WORDS_0_5 -> 0.005;
          case WORDS_1 -> 0.01;
          case WORDS_2 -> 0.02;
          default -> 0.05;
        };
        title = replaceWords(title, rate, random);
        abstractText = replaceWords(abstractText, rate, random);
        claims = claims.stream().map(c -> replaceWords(c, rate, random)).toList();
      }
      case ONE_CLAIM -> {
        List<String> changed = new ArrayList<>(claims);
        int replaced = random.nextInt(changed.size());
        changed.set(replaced, (replaced + 1) + ". " + claimText(random));
        claims = changed;
      }
      case NEW_CLAIMS -> claims = claims(claims.size(), random).stream().map(Claim::getText).toList();
    }
    List<Claim> claimRecords = new ArrayList<>();
    for (int i = 0; i < claims.size(); i++) {
      claimRecords.add(claim(i + 1, claims.get(i))); // the texts keep their numbers ("3. ...")
    }
    return patent(key, title, abstractText, claimRecords);
  }

  private List<Claim> claims(int n, SplittableRandom random) {
    List<Claim> claims = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      claims.add(claim(i, i + ". " + claimText(random)));
    }
    return claims;
  }

  private String claimText(SplittableRandom random) {
    String text = pick(sentences, random);
    return random.nextBoolean() ? text + " " + pick(sentences, random) : text;
  }

  private String replaceWords(String text, double rate, SplittableRandom random) {
    String[] words = text.split(" ");
    for (int i = 0; i < words.length; i++) {
      if (random.nextDouble() < rate) {
        words[i] = pick(vocabulary, random);
      }
    }
    return String.join(" ", words);
  }

  private static String retype(String text) {
    StringBuilder out = new StringBuilder();
    int spaces = 0;
    for (char c : text.toCharArray()) {
      switch (c) {
        case ' ' -> out.append(switch (spaces++ % 3) {
          case 0 -> "  ";
          case 1 -> "\n";
          default -> "\u00a0";
        });
        case ',' -> out.append("&#44;");
        case ';' -> out.append("&#x3B;");
        case '-' -> out.append("&mdash;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static Claim claim(int number, String text) {
    return Claim.newBuilder().setNumber(number).setText(text).setIndependent(number == 1)
        .setDependsOn(List.of()).build();
  }

  static Patent patent(String key, String title, String abstractText, List<Claim> claims) {
    String[] parts = key.split("-");
    return Patent.newBuilder()
        .setPublicationKey(key)
        .setPublication(DocumentId.newBuilder().setCountry(parts[0]).setNumber(parts[1]).setKind(parts[2]).build())
        .setLanguage("en")
        .setTitles(List.of(LocalizedText.newBuilder().setLang("en").setText(title).build()))
        .setAbstracts(List.of(LocalizedText.newBuilder().setLang("en").setText(abstractText).build()))
        .setClaims(claims)
        .setSource(Source.newBuilder().setOffice("USPTO").setFile("bench").setPosition(0).build())
        .setContentHash(Integer.toHexString((title + abstractText + claims).hashCode()))
        .setIngestTime(0L)
        .build();
  }

  private static void addSentences(String text, Set<String> into) {
    if (text == null) {
      return;
    }
    for (String s : text.replaceAll("\\s+", " ").split("(?<=[.;:])\\s+")) {
      int words = s.split(" ").length;
      if (words >= 8 && words <= 80) {
        into.add(s.strip());
      }
    }
  }

  private static <T> T pick(List<T> list, SplittableRandom random) {
    return list.get(random.nextInt(list.size()));
  }

  /** The XML documents of a weekly zip (concatenated documents, each with its own declaration). */
  private static List<byte[]> xmlDocuments(Path zip) throws IOException {
    List<byte[]> documents = new ArrayList<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      for (ZipEntry entry : java.util.Collections.list(file.entries())) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (InputStream in = file.getInputStream(entry)) {
          in.transferTo(bytes);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        int start = text.indexOf("<?xml");
        while (start >= 0) {
          int next = text.indexOf("<?xml", start + 5);
          documents.add(text.substring(start, next < 0 ? text.length() : next).getBytes(StandardCharsets.UTF_8));
          start = next;
        }
      }
    }
    return documents;
  }
}
