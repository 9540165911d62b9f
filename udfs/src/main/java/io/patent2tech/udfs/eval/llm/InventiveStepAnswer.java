package io.patent2tech.udfs.eval.llm;

import java.io.Serializable;

/**
 * The model's inventive-step judgment, as the seed's answer format defines it ({@code
 * has_inventive_step, confidence, reasoning}).
 *
 * @param confidence how sure the model is of {@code hasInventiveStep}, in [0, 1]
 */
public record InventiveStepAnswer(boolean hasInventiveStep, double confidence, String reasoning)
    implements Serializable {}
