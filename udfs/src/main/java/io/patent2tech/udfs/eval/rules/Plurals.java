package io.patent2tech.udfs.eval.rules;

import java.util.Map;
import java.util.Set;

/** English plural to singular by suffix rules, for the head noun of a feature ("messages" -> "message"). */
final class Plurals {

  private static final Set<String> INVARIANT = Set.of(
      "means", "series", "species", "data", "news", "apparatus", "status", "bus", "gas", "lens", "chassis",
      "plus", "bias", "alias", "corpus", "radius", "focus", "stimulus", "locus", "virus", "nucleus");
  private static final Map<String, String> IRREGULAR = Map.of(
      "buses", "bus", "gases", "gas", "lenses", "lens", "biases", "bias", "aliases", "alias",
      "statuses", "status", "indices", "index", "matrices", "matrix", "vertices", "vertex", "caches", "cache");

  private Plurals() {}

  static String singular(String w) {
    if (w.length() <= 3 || INVARIANT.contains(w)) {
      return w;
    }
    String irregular = IRREGULAR.get(w);
    if (irregular != null) {
      return irregular;
    }
    if (w.endsWith("ics") || w.endsWith("ss") || w.endsWith("us") || w.endsWith("is")) {
      return w;
    }
    if (w.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes") || w.endsWith("zzes")) {
      return w.substring(0, w.length() - 2);
    }
    if (w.endsWith("s")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }
}
