package dev.leakguard.maven;

/**
 * The module's own compiler settings, which the Error Prone engine's compilation repeats.
 *
 * @param release {@code --release}, or null
 * @param source {@code -source}, or null (ignored when release is set)
 * @param target {@code -target}, or null (ignored when release is set)
 * @param encoding the source encoding, or null for the platform's
 * @param enablePreview whether the module compiles with {@code --enable-preview}
 */
public record JavaLevel(String release, String source, String target, String encoding, boolean enablePreview) {}
