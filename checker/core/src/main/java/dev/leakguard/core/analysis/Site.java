package dev.leakguard.core.analysis;

import dev.leakguard.core.model.ResourceKind;

/**
 * An acquisition site: one call in the source that produces a resource. Sites are identified by
 * {@code key}, which the front-end derives from the source position, so that several copies of the
 * same code (a finally block lowered once per exit) share one site and one finding.
 *
 * @param key front-end unique key, stable within one method
 * @param kind the resource kind
 * @param typeName the static type's simple name for messages, e.g. {@code PreparedStatement}
 * @param acquiredBy the acquiring call for messages, e.g. {@code Connection.prepareStatement(..)}
 * @param variable the variable the resource is first assigned to, or null for a temporary
 * @param line 1-based line of the acquiring call, or 0 if unknown
 * @param position front-end position handle (tree, AST node, bytecode offset); opaque to core
 */
public record Site(
    String key,
    ResourceKind kind,
    String typeName,
    String acquiredBy,
    String variable,
    int line,
    Object position) {}
