package dev.leakguard.core.analysis;

import dev.leakguard.core.finding.Finding;
import java.util.List;
import java.util.Set;

/**
 * The findings of one method; {@code gaveUp} if the method was too large to analyse precisely (no
 * findings are then reported for it, by design: no guesses in the build gate). {@code
 * closedSites} are the keys of the acquisition sites a close or releasing helper closed on some
 * path (directly, not by closing a parent), the evidence {@link UsageEvidence} gathers.
 */
public record AnalysisResult(List<Finding> findings, boolean gaveUp, Set<String> closedSites) {}
