package dev.leakguard.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What LeakGuard knows about resource types, the calls that acquire, release, borrow, transfer
 * or wrap them, what closing a parent does to its children, and which annotations carry
 * ownership. The knowledge is data: the built-in {@code jdbc.model} resource plus user files in
 * the same format (docs/model-format.md). Instances are immutable and safe to share.
 *
 * <p>Lookups are exact: front-ends ask {@link #rules} for the declaring type of a called method
 * and for each of its supertypes, and {@link #resourceKind} (or {@link #resourceKindOf}) for a
 * type and its supertypes.
 */
public final class ResourceModel {
  /** The class-path resource holding the built-in model, relative to this class. */
  public static final String BUILT_IN_RESOURCE = "jdbc.model";

  /**
   * The built-in model's second file: the other libraries whose objects hold a pooled connection
   * (ORM sessions, cursors, pools created in code, HTTP responses, Redis and JMS connections).
   */
  public static final String BUILT_IN_LIBRARIES = "libraries.model";

  /**
   * One line of a model file, as read.
   *
   * @param directive the first word: resource, not-resource, acquire, ...
   * @param sig the method named by a method directive; null for the others
   * @param text the line without its comment, trimmed
   * @param origin {@code file:line}
   * @param section the name of the last {@code section} line before it, or "" if none
   */
  public record Entry(
      String directive, MethodSig sig, String text, String origin, String section) {}

  /** A parsed entry with its merge key and meaning. */
  record Item(Entry entry, String key, String type, Object payload, int line) {}

  record ImplicitCloseRule(ResourceKind parent, ResourceKind child, ImplicitClose mode) {}

  record AnnotationRule(String simpleName, AnnotationRole role) {}

  /** Where an annotation role applies; a simple name has at most one role per target. */
  enum AnnotationTarget {
    METHOD,
    PARAMETER,
    FIELD;

    static AnnotationTarget of(AnnotationRole role) {
      return switch (role) {
        case RETURNS_OWNED, RETURNS_BORROWED -> METHOD;
        case PARAM_RELEASED, PARAM_OWNED, PARAM_BORROWED, PARAM_WRAPPED -> PARAMETER;
        case FIELD_OWNED -> FIELD;
      };
    }
  }

  private static final class BuiltIn {
    static final ResourceModel MODEL = loadBuiltIn();
  }

  private final List<Item> items;
  private final List<Entry> entries;
  private final Map<String, ResourceKind> resources;
  private final Set<String> notResources;
  private final Map<String, List<Item>> methodItems;
  private final Set<String> owners;
  private final Set<String> methodNames;
  private final Map<String, Set<AnnotationRole>> annotations;
  private final Map<ResourceKind, Map<ResourceKind, ImplicitClose>> implicit;

  private ResourceModel(List<Item> items) {
    this.items = List.copyOf(items);
    List<Entry> es = new ArrayList<>();
    Map<String, ResourceKind> res = new LinkedHashMap<>();
    Set<String> notRes = new LinkedHashSet<>();
    Map<String, List<Item>> methods = new HashMap<>();
    Set<String> ownerSet = new HashSet<>();
    Set<String> nameSet = new HashSet<>();
    Map<String, Set<AnnotationRole>> ann = new HashMap<>();
    Map<ResourceKind, Map<ResourceKind, ImplicitClose>> imp = new EnumMap<>(ResourceKind.class);
    Set<String> guardMeth = new HashSet<>();
    Set<String> guardAnn = new HashSet<>();
    for (Item item : this.items) {
      Entry e = item.entry();
      es.add(e);
      Object payload = item.payload();
      if (e.directive().equals("resource")) {
        res.put(item.type(), (ResourceKind) payload);
      } else if (e.directive().equals("not-resource")) {
        notRes.add(item.type());
      } else if (e.sig() != null) {
        methods.computeIfAbsent(e.sig().memberKey(), k -> new ArrayList<>()).add(item);
        ownerSet.add(e.sig().owner());
        nameSet.add(e.sig().name());
        if (payload instanceof MethodRule.BoundWhen bw) {
          for (String g : bw.guards()) {
            (g.startsWith("@") ? guardAnn : guardMeth).add(g.startsWith("@") ? g.substring(1) : g);
          }
        }
      } else if (payload instanceof AnnotationRule a) {
        ann.computeIfAbsent(a.simpleName(), k -> EnumSet.noneOf(AnnotationRole.class))
            .add(a.role());
      } else if (payload instanceof ImplicitCloseRule r) {
        imp.computeIfAbsent(r.parent(), k -> new EnumMap<>(ResourceKind.class))
            .put(r.child(), r.mode());
      }
    }
    this.entries = List.copyOf(es);
    this.resources = Collections.unmodifiableMap(res);
    this.notResources = Collections.unmodifiableSet(notRes);
    methods.replaceAll((k, v) -> List.copyOf(v));
    this.methodItems = methods;
    this.owners = Set.copyOf(ownerSet);
    this.methodNames = Set.copyOf(nameSet);
    ann.replaceAll((k, v) -> Collections.unmodifiableSet(v));
    this.annotations = ann;
    this.implicit = imp;
    this.guardMethods = Set.copyOf(guardMeth);
    this.guardAnnotations = Set.copyOf(guardAnn);
  }

  private final Set<String> guardMethods;
  private final Set<String> guardAnnotations;

  /**
   * The flag a front-end follows for a call of a static method of no arguments that guards a
   * {@code bound-when} entry ({@link MethodRule.BoundWhen}), or null: tested in a condition, it
   * tells on which path the guarded resource is bound to its context.
   */
  public String guardFlag(String owner, String name) {
    String g = MethodRule.guardMethod(owner, name);
    return guardMethods.contains(g) ? GUARD_FLAG + g : null;
  }

  /** The flags set at the entry of a method that bears these annotations (fully qualified names). */
  public List<String> guardFlagsOfAnnotations(Collection<String> annotations) {
    List<String> out = new ArrayList<>();
    for (String a : annotations) {
      if (guardAnnotations.contains(a)) {
        out.add(GUARD_FLAG + "@" + a);
      }
    }
    return out;
  }

  /** The annotation names that guard some {@code bound-when} entry. */
  public Set<String> guardAnnotations() {
    return guardAnnotations;
  }

  /** The prefix of a guard's flag; the rest is the guard as {@link MethodRule.BoundWhen} spells it. */
  public static final String GUARD_FLAG = "guard:";

  // ---------------------------------------------------------------- loading

  /**
   * The built-in model, loaded once from {@link #BUILT_IN_RESOURCE} and {@link
   * #BUILT_IN_LIBRARIES}. An error in it is a defect
   * of this build and is thrown as {@link IllegalStateException}.
   */
  public static ResourceModel builtIn() {
    return BuiltIn.MODEL;
  }

  private static ResourceModel loadBuiltIn() {
    return loadResource(BUILT_IN_RESOURCE).merge(loadResource(BUILT_IN_LIBRARIES));
  }

  private static ResourceModel loadResource(String name) {
    InputStream in = ResourceModel.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("the built-in model resource " + name + " is missing from the class path");
    }
    try (Reader r = utf8(in)) {
      return parse(name, r);
    } catch (ModelException e) {
      throw new IllegalStateException("the built-in model is invalid: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the built-in model: " + e, e);
    }
  }

  /**
   * Parses a model from {@code in}; {@code sourceName} is used in origins and error messages.
   *
   * @throws ModelException for the first malformed line, or if {@code in} cannot be read
   */
  public static ResourceModel parse(String sourceName, Reader in) throws ModelException {
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(in, "in");
    return new ResourceModel(ModelParser.parse(sourceName, in));
  }

  /**
   * Reads a model file (UTF-8). Origins and messages name the file as {@code file.toString()}.
   *
   * @throws ModelException if the file is missing, unreadable, not UTF-8 or malformed
   */
  public static ResourceModel load(Path file) throws ModelException {
    Objects.requireNonNull(file, "file");
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw new ModelException(name, "cannot read the model file (it is a directory)", null);
    }
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      throw new ModelException(
          name, "cannot read the model file (" + ModelParser.describe(e) + ")", e);
    }
    try (Reader r = utf8(in)) {
      return parse(name, r);
    } catch (IOException e) {
      throw new ModelException(
          name, "cannot read the model file (" + ModelParser.describe(e) + ")", e);
    }
  }

  /**
   * The built-in model merged with each user file in order (later files win, see {@link
   * #merge}).
   */
  public static ResourceModel withUserFiles(List<Path> files) throws ModelException {
    ResourceModel model = builtIn();
    if (files != null) {
      for (Path f : files) {
        model = model.merge(load(f));
      }
    }
    return model;
  }

  /**
   * This model extended by {@code other}. Entries add up, except where {@code other} has an entry
   * with the same key, which replaces this model's entry:
   *
   * <ul>
   *   <li>a type: {@code resource} and {@code not-resource} of the same type replace each other;
   *   <li>a method: the same directive and the same signature ({@code (..)} and an explicit
   *       parameter list are different signatures); {@code acquire} and {@code borrow} share a
   *       key because both say what the result is;
   *   <li>{@code implicit-close}: the same parent and child kinds;
   *   <li>{@code annotation}: the same simple name and target (method, parameter, field).
   * </ul>
   */
  public ResourceModel merge(ResourceModel other) {
    Set<String> replaced = new HashSet<>();
    for (Item i : other.items) {
      replaced.add(i.key());
    }
    List<Item> merged = new ArrayList<>(items.size() + other.items.size());
    for (Item i : items) {
      if (!replaced.contains(i.key())) {
        merged.add(i);
      }
    }
    merged.addAll(other.items);
    return new ResourceModel(merged);
  }

  private static Reader utf8(InputStream in) {
    return new InputStreamReader(
        in,
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  // ---------------------------------------------------------------- types

  /**
   * The kind of {@code fqType} if it is listed with {@code resource}, else null (also for
   * {@code not-resource} types). No supertype walking: see {@link #resourceKindOf}.
   */
  public ResourceKind resourceKind(String fqType) {
    return resources.get(fqType);
  }

  /**
   * True if {@code fqType} itself is listed with {@code not-resource}, or is an array or a
   * primitive type, which no model makes a resource: a driver's private {@code byte[][]
   * getTypeInfo(String)} is no {@code DatabaseMetaData.getTypeInfo(..)}.
   */
  public boolean isNotResource(String fqType) {
    return fqType != null
        && (notResources.contains(fqType) || fqType.endsWith("[]") || MethodSig.PRIMITIVES.contains(fqType)
            || fqType.equals("void"));
  }

  /**
   * Classifies a type given all its supertypes, the rule every front-end applies: a type listed
   * itself decides ({@code resource} gives its kind, {@code not-resource} gives null); otherwise a
   * {@code not-resource} supertype makes it no resource; otherwise the first listed resource
   * supertype in iteration order (front-ends pass nearest first) gives the kind; otherwise null.
   */
  public ResourceKind resourceKindOf(String fqType, Collection<String> supertypes) {
    if (notResources.contains(fqType)) {
      return null;
    }
    ResourceKind own = resources.get(fqType);
    if (own != null) {
      return own;
    }
    ResourceKind found = null;
    for (String s : supertypes) {
      if (notResources.contains(s)) {
        return null;
      }
      if (found == null) {
        found = resources.get(s);
      }
    }
    return found;
  }

  /** Every type listed with {@code resource} (not overridden by a later {@code not-resource}). */
  public Set<String> resourceTypes() {
    return resources.keySet();
  }

  /** Every type listed with {@code not-resource}. */
  public Set<String> notResourceTypes() {
    return notResources;
  }

  // ---------------------------------------------------------------- methods

  /**
   * The rules for a call of {@code owner.name(paramTypes)} whose entries name exactly {@code
   * owner}; front-ends call this for the declaring type and then each supertype. An entry with
   * an explicit parameter list hides {@code (..)} entries of the same directive (acquire and
   * borrow counting as one) for that overload. Rules come in the order their effects happen:
   * resets-children, release, transfer, then what the result is (acquire, borrow, wrap).
   *
   * @param paramTypes erased parameter types in model spelling (see {@link MethodSig})
   */
  public List<MethodRule> rules(String owner, String name, List<String> paramTypes) {
    List<Item> candidates = methodItems.get(owner + "#" + name);
    if (candidates == null) {
      return List.of();
    }
    Set<String> exactGroups = new HashSet<>();
    for (Item i : candidates) {
      MethodSig sig = i.entry().sig();
      if (!sig.anyOverload() && sig.matches(owner, name, paramTypes)) {
        exactGroups.add(group(i));
      }
    }
    List<MethodRule> out = new ArrayList<>();
    for (Item i : candidates) {
      MethodSig sig = i.entry().sig();
      if (!sig.matches(owner, name, paramTypes)) {
        continue;
      }
      if (sig.anyOverload() && exactGroups.contains(group(i))) {
        continue;
      }
      out.add((MethodRule) i.payload());
    }
    return ordered(out);
  }

  /**
   * The rules for a call whose parameter types are only partly known (a source-level front-end
   * without a classpath): {@code argTypes} has one entry per argument, null where unknown. An
   * explicit overload matches when it has as many parameters and every known argument type is
   * assignable to its parameter type (by {@code assignable.test(argType, paramType)}); of several
   * matching overloads the first of each directive wins, and an explicit match hides {@code (..)}
   * entries of its directive.
   */
  public List<MethodRule> rulesForArguments(
      String owner,
      String name,
      List<String> argTypes,
      java.util.function.BiPredicate<String, String> assignable) {
    List<Item> candidates = methodItems.get(owner + "#" + name);
    if (candidates == null) {
      return List.of();
    }
    Map<String, MethodRule> exact = new java.util.LinkedHashMap<>();
    Map<String, MethodRule> any = new java.util.LinkedHashMap<>();
    for (Item i : candidates) {
      MethodSig sig = i.entry().sig();
      if (sig.anyOverload()) {
        any.putIfAbsent(group(i), (MethodRule) i.payload());
        continue;
      }
      List<String> params = sig.paramTypes();
      if (params.size() != argTypes.size()) {
        continue;
      }
      boolean ok = true;
      for (int k = 0; k < params.size() && ok; k++) {
        String a = argTypes.get(k);
        ok = a == null || a.equals(params.get(k)) || assignable.test(a, params.get(k));
      }
      if (ok) {
        exact.putIfAbsent(group(i), (MethodRule) i.payload());
      }
    }
    List<MethodRule> out = new ArrayList<>(exact.values());
    for (Map.Entry<String, MethodRule> e : any.entrySet()) {
      if (!exact.containsKey(e.getKey())) {
        out.add(e.getValue());
      }
    }
    return ordered(out);
  }

  /** Convenience for {@link #rules(String, String, List)} with a parsed signature. */
  public List<MethodRule> rules(MethodSig call) {
    if (call.anyOverload()) {
      throw new IllegalArgumentException("a call has an explicit parameter list: " + call);
    }
    return rules(call.owner(), call.name(), call.paramTypes());
  }

  private static String group(Item i) {
    String d = i.entry().directive();
    return d.equals("borrow") ? "acquire" : d;
  }

  /**
   * Rules in the order their effects happen; a {@code bound-when} or {@code keeps-last} only
   * qualifies an acquisition, so it goes when no acquire is left (a user file that turned the call
   * into a borrow).
   */
  private static List<MethodRule> ordered(List<MethodRule> out) {
    if (out.stream().noneMatch(r -> r instanceof MethodRule.Acquire)) {
      out.removeIf(r -> r instanceof MethodRule.BoundWhen || r instanceof MethodRule.KeepsLast);
    }
    out.sort((a, b) -> Integer.compare(effectOrder(a), effectOrder(b)));
    return List.copyOf(out);
  }

  private static int effectOrder(MethodRule r) {
    if (r instanceof MethodRule.ResetChildren) {
      return 0;
    } else if (r instanceof MethodRule.Release) {
      return 1;
    } else if (r instanceof MethodRule.Transfer) {
      return 2;
    }
    return 3;
  }

  /** Every type some method entry names as owner: a fast pre-filter for front-ends. */
  public Set<String> ownersWithRules() {
    return owners;
  }

  /** Every method name some entry names: a fast pre-filter for front-ends. */
  public Set<String> methodNamesWithRules() {
    return methodNames;
  }

  // ---------------------------------------------------------------- annotations, implicit close

  /** The roles an annotation with this simple name has (at most one per target); maybe empty. */
  public Set<AnnotationRole> annotationRoles(String simpleName) {
    Set<AnnotationRole> roles = annotations.get(simpleName);
    return roles == null ? Set.of() : roles;
  }

  /** Every annotation simple name the model knows. */
  public Set<String> annotationNames() {
    return Collections.unmodifiableSet(annotations.keySet());
  }

  /** What closing a {@code parent} does to its open {@code child}; NONE without a rule. */
  public ImplicitClose implicitClose(ResourceKind parent, ResourceKind child) {
    Map<ResourceKind, ImplicitClose> m = implicit.get(parent);
    ImplicitClose c = m == null ? null : m.get(child);
    return c == null ? ImplicitClose.NONE : c;
  }

  // ---------------------------------------------------------------- listing

  /** Every entry in model order (merged files after the model they extend), with its origin. */
  public List<Entry> entries() {
    return entries;
  }

  /** The model-file word for a role: {@code PARAM_RELEASED} is {@code param-released}. */
  public static String roleToken(AnnotationRole role) {
    return role.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The role for a model-file word, or null. */
  public static AnnotationRole roleFromToken(String token) {
    for (AnnotationRole r : AnnotationRole.values()) {
      if (roleToken(r).equals(token)) {
        return r;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "ResourceModel[" + entries.size() + " entries]";
  }
}
