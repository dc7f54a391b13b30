package dev.leakguard.core.pool;

import dev.leakguard.core.finding.CheckId;

/**
 * One problem found in a pool's settings, before it is placed in a report.
 *
 * @param id the check id
 * @param line 1-based line the finding is reported at
 * @param key the setting the finding is about (written into the fingerprint)
 * @param message the rendered message
 */
public record Issue(CheckId id, int line, String key, String message) {}
