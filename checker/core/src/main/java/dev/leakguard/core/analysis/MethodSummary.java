package dev.leakguard.core.analysis;

import java.util.Set;

/**
 * What a method with a visible body does with resources, for its callers.
 *
 * @param closesParams parameter indexes closed on every normal path
 * @param ownsParams parameter indexes whose ownership the method takes (stored into a closing
 *     field, handed to an owning callee) on every normal path
 * @param returnsFresh the method returns a resource it acquired: the caller owns it
 * @param returnsBorrowed the method returns a field or a parameter (a getter): the caller does not
 *     own it
 * @param returnsParam the index of the one parameter the method returns (itself, or wrapped in an
 *     object that closes it), or -1: the call's result is that argument, as far as closing goes
 */
public record MethodSummary(
    Set<Integer> closesParams,
    Set<Integer> ownsParams,
    boolean returnsFresh,
    boolean returnsBorrowed,
    int returnsParam) {

  public static final MethodSummary UNKNOWN = new MethodSummary(Set.of(), Set.of(), false, false, -1);
}
