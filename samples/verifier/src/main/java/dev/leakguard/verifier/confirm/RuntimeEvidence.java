package dev.leakguard.verifier.confirm;

import dev.leakguard.verifier.AcquisitionSite;
import dev.leakguard.verifier.LeakExport;
import dev.leakguard.verifier.LeakRecord;
import dev.leakguard.verifier.VerifyingDataSource;
import java.util.ArrayList;
import java.util.List;

/**
 * What the verifier saw over one or more runs: the leaks, each with the run it came from, and
 * where resources were acquired at all. Without acquisition sites (an export alone) a finding
 * with no leak cannot be told "ran without leaking" from "never ran".
 */
public final class RuntimeEvidence {
  private final List<RuntimeLeak> leaks = new ArrayList<>();
  private final List<AcquisitionSite> sites = new ArrayList<>();
  private final List<String> sources = new ArrayList<>();
  private boolean sitesRecorded;

  /**
   * Adds the leaks and acquisition sites of {@code verifier} (built with {@link
   * VerifyingDataSource.Builder#recordAcquisitionSites()}) after {@code source} ran on it.
   */
  public RuntimeEvidence add(String source, VerifyingDataSource verifier) {
    addSites(verifier.acquisitionSites());
    return addLeaks(source, verifier.leaks());
  }

  /** Adds leaks found while {@code source} ran. */
  public RuntimeEvidence addLeaks(String source, List<LeakRecord> found) {
    sources.add(source);
    for (LeakRecord leak : found) {
      leaks.add(RuntimeLeak.of(leak, source));
    }
    return this;
  }

  /** Adds the rows of a runtime export ({@link LeakExport#read}). */
  public RuntimeEvidence addExport(List<LeakExport.Row> rows) {
    for (LeakExport.Row row : rows) {
      leaks.add(RuntimeLeak.of(row));
    }
    return this;
  }

  /** Adds acquisition sites; from then on, findings without a leak are told apart by them. */
  public RuntimeEvidence addSites(List<AcquisitionSite> acquired) {
    sitesRecorded = true;
    sites.addAll(acquired);
    return this;
  }

  public List<RuntimeLeak> leaks() {
    return List.copyOf(leaks);
  }

  public List<AcquisitionSite> sites() {
    return List.copyOf(sites);
  }

  /** The runs added with {@link #add} or {@link #addLeaks}, in order. */
  public List<String> sources() {
    return List.copyOf(sources);
  }

  /** Whether acquisition sites were added, so "not exercised" can be decided. */
  public boolean sitesRecorded() {
    return sitesRecorded;
  }
}
