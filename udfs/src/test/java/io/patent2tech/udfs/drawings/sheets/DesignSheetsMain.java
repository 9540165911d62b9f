package io.patent2tech.udfs.drawings.sheets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the synthetic design patents with images into a directory: the weekly tar
 * {@code I20261201.tar} and, unless {@code --tar-only}, each per-patent ZIP and {@code designs.tsv}
 * (one row per figure: key, file, FIG, view, solid, its dimensions and hull relation).
 *
 * <pre>
 *   DesignSheetsMain --out DIR [--only NAME]... [--tar-only]
 * </pre>
 * NAME is a document number ({@code D0990002}) or a solid id ({@code l-bracket}); without --only
 * every design of {@link DesignCatalogue} is written. scripts/make-design-sample runs it.
 */
public final class DesignSheetsMain {

  private DesignSheetsMain() {}

  public static void main(String[] args) throws IOException {
    Path out = null;
    List<DesignPatent> only = new ArrayList<>();
    boolean tarOnly = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out":
          out = Paths.get(args[++i]);
          break;
        case "--only":
          only.add(DesignCatalogue.byName(args[++i]));
          break;
        case "--tar-only":
          tarOnly = true;
          break;
        default:
          throw new IllegalArgumentException("unknown argument '" + args[i]
              + "'; usage: DesignSheetsMain --out DIR [--only NAME]... [--tar-only]");
      }
    }
    if (out == null) {
      throw new IllegalArgumentException("--out DIR is required");
    }
    write(out, only.isEmpty() ? DesignCatalogue.all() : only, tarOnly);
  }

  /** Writes the set; returns the weekly tar's path. */
  public static Path write(Path out, List<DesignPatent> designs, boolean tarOnly) throws IOException {
    Files.createDirectories(out);
    Map<String, byte[]> entries = new LinkedHashMap<>();
    StringBuilder tsv = new StringBuilder(
        "publication_key\tfile\tfigure\tview\tsolid\twidth\tdepth\theight\thull\n");
    for (DesignPatent p : designs) {
      DrawnPatent d = DrawnPatent.draw(p);
      byte[] zip = PtgrdtPacker.zip(d);
      entries.put(PtgrdtPacker.tarEntry(p), zip);
      if (!tarOnly) {
        Files.write(out.resolve(PtgrdtPacker.zipName(p)), zip);
      }
      for (DesignPatent.FigureRef f : p.figures()) {
        Solid s = f.solid();
        tsv.append(String.format(Locale.ROOT, "%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s%n", p.publicationKey(),
            GrantXml.tiffName(p, f.number()), f.number(), f.view().name().toLowerCase(Locale.ROOT), s.id(),
            s.width(), s.depth(), s.height(), s.hull()));
      }
      System.out.println(p.fileBase() + ": " + p.figures().size() + " figures, " + zip.length + " bytes zipped");
    }
    String date = designs.get(0).date();
    Path tar = out.resolve(PtgrdtPacker.weeklyName(date));
    Files.write(tar, PtgrdtPacker.tar(entries, date));
    if (!tarOnly) {
      Files.write(out.resolve("designs.tsv"), tsv.toString().getBytes(StandardCharsets.UTF_8));
    }
    System.out.println(tar + ": " + entries.size() + " patents, " + Files.size(tar) + " bytes");
    return tar;
  }
}
