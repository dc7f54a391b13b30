package dev.leakguard.verifier.confirm;

import com.zaxxer.hikari.HikariDataSource;
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
  private final List<PoolStarvation> starvations = new ArrayList<>();
  private boolean sitesRecorded;

  /**
   * Adds the leaks and acquisition sites of {@code verifier} (built with {@link
   * VerifyingDataSource.Builder#recordAcquisitionSites()}) after {@code source} ran on it.
   */
  public RuntimeEvidence add(String source, VerifyingDataSource verifier) {
    return add(source, verifier, null);
  }

  /**
   * Like {@link #add(String, VerifyingDataSource)}, for a pool whose settings came from the code
   * of {@code configuredBy}: if the pool ran dry, a static finding about those settings is
   * confirmed by it.
   */
  public RuntimeEvidence add(String source, VerifyingDataSource verifier, Class<?> configuredBy) {
    addSites(verifier.acquisitionSites());
    List<String> starved = verifier.starvedBorrows();
    if (!starved.isEmpty()) {
      int maximum = verifier.delegate() instanceof HikariDataSource hikari ? hikari.getMaximumPoolSize() : -1;
      starvations.add(new PoolStarvation(source, sourceFile(configuredBy), maximum, starved));
    }
    return addLeaks(source, verifier.leaks());
  }

  /** {@code PoolConfigHermit.java} for a class declared in that file (nested classes included). */
  private static String sourceFile(Class<?> type) {
    if (type == null) {
      return null;
    }
    Class<?> top = type;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    return top.getSimpleName() + ".java";
  }

  /** The runs in which the pool ran dry. */
  public List<PoolStarvation> starvations() {
    return List.copyOf(starvations);
  }

  /** Adds leaks found while {@code source} ran. */
  public RuntimeEvidence addLeaks(String source, List<LeakRecord> found) {
    sources.add(source);
    for (LeakRecord leak : found) {
      leaks.add(RuntimeLeak.of(leak, source));
    }
    return this;
  }

  /**
   * Adds one leak seen by other means than the verifier's pool (an HTTP client's pool that kept a
   * lease after the call returned), with the application frames of its acquiring call.
   */
  public RuntimeEvidence addLeak(RuntimeLeak leak) {
    if (!sources.contains(leak.source())) {
      sources.add(leak.source());
    }
    leaks.add(leak);
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
