package dev.leakguard.poolconfig;

import dev.leakguard.core.pool.*;
import java.util.List;

/**
 * One document of a configuration file: the whole of a plain file, or one of the parts of a
 * multi-document file ({@code ---} in YAML, {@code #---} in properties).
 *
 * @param profile the Spring profile the document is active in, or null when always active
 * @param settings the flattened keys, in file order
 */
record ConfigDocument(String profile, List<Setting> settings) {}
