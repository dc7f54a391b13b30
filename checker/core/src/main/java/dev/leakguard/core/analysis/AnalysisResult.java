package dev.leakguard.core.analysis;

import dev.leakguard.core.finding.Finding;
import java.util.List;

/**
 * The findings of one method; {@code gaveUp} if the method was too large to analyse precisely (no
 * findings are then reported for it, by design: no guesses in the build gate).
 */
public record AnalysisResult(List<Finding> findings, boolean gaveUp) {}
