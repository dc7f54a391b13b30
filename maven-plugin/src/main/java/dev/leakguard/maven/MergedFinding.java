package dev.leakguard.maven;

import dev.leakguard.core.report.ReportedFinding;
import java.util.List;

/**
 * One finding after merging the engines: what the reports show ({@code finding}, whose engines
 * list every engine that reported it) and the fingerprint each engine gave it, for the baseline.
 */
public record MergedFinding(ReportedFinding finding, List<String> fingerprints) {}
