package dev.leakguard.core.analysis;

import dev.leakguard.core.finding.CheckId;
import dev.leakguard.core.finding.Finding;
import dev.leakguard.core.finding.LeakPath;
import dev.leakguard.core.finding.Messages;
import dev.leakguard.core.model.ImplicitClose;
import dev.leakguard.core.model.ResourceKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The flow-sensitive analysis that decides whether every acquired resource is released (closed,
 * handed to a releasing helper, or given away) on every path out of a method.
 *
 * <p>The abstract state is a set of configurations per node. A configuration binds each variable
 * to what it holds (a resource instance, null, or something untracked) and gives each resource
 * instance a status. Keeping configurations apart, rather than merging them, is what makes
 * {@code if (c != null) c.close()} in a finally block precise: the configuration where the
 * acquisition threw has {@code c == null}, the other has {@code c} open. One instance stands for
 * all resources created at one site, which bounds the state in loops.
 */
public final class ObligationAnalysis {

  /** Configurations per node above which the method is skipped (reported as not analysed). */
  public static final int MAX_CONFIGS_PER_NODE = 2048;

  static final String NULL = "#null";

  /** Note of an open resource whose site's previous resource is in a field: prefix plus the field. */
  static final String OVERWRITES = "overwrites:";

  /** The variable holding what this method stored in a field: prefix plus the field's name. */
  static final String FIELD_VALUE = "#this.";

  /** Values of flags: see {@link Event.AssignFlag}. */
  static final String TRUE = "#true";

  static final String FALSE = "#false";

  /** Token (an opaque value) for an untracked parent named by the site of its first child. */
  static final String UNTRACKED_PARENT = "~parent:";

  /** Token for "the untracked resource that instance k was created from". */
  static final String PARENT_OF = "^";

  enum Status {
    OPEN,
    CLOSED,
    TRANSFERRED,
    LEFT_TO_PARENT,
    FIELD_UNCLOSED,
    /** Stored by a constructor in a field its class closes: the object's once the constructor ends. */
    OWNED_BY_NEW_OBJECT,
    /** Stored in a field its class closes (handed over), until the field is overwritten. */
    IN_FIELD,
    /**
     * Set to close itself when its children are closed (Statement.closeOnCompletion()): fine once
     * it has a child (a result set), which is the one to close; a leak if it never gets one.
     */
    CLOSES_WITH_CHILDREN,
    LOST
  }

  record Inst(Status status, String parent, ResourceKind kind, String note, int noteLine) {
    Inst with(Status s) {
      return new Inst(s, parent, kind, note, noteLine);
    }

    // Written out: every configuration's hash and comparison goes through them, and the
    // generated ones dispatch through method handles, slow until the JIT compiler gets to them.
    @Override
    public boolean equals(Object o) {
      return o instanceof Inst i
          && i.status == status
          && i.kind == kind
          && i.noteLine == noteLine
          && Objects.equals(i.parent, parent)
          && Objects.equals(i.note, note);
    }

    @Override
    public int hashCode() {
      int h = Objects.hashCode(status);
      h = 31 * h + Objects.hashCode(parent);
      h = 31 * h + Objects.hashCode(kind);
      h = 31 * h + Objects.hashCode(note);
      return 31 * h + noteLine;
    }
  }

  /** One configuration. Notes (cause, via, returnLine) are not part of its identity. */
  static final class Config {
    final Map<String, Set<String>> vars;
    final Map<String, Inst> insts;
    final boolean closeChain;
    final ThrowInfo cause;
    final String via;
    final int returnLine;
    /** The first exception each open resource was carried across (a note, like cause). */
    final Map<String, ThrowInfo> escapes;
    /**
     * Made by {@link Step#freeze} (or from such a configuration's variables and resources): freezing
     * it again without a change gives an equal configuration with the same notes.
     */
    final boolean frozen;
    private final int hash;

    Config(
        Map<String, Set<String>> vars,
        Map<String, Inst> insts,
        boolean closeChain,
        ThrowInfo cause,
        String via,
        int returnLine,
        Map<String, ThrowInfo> escapes) {
      this(vars, insts, closeChain, cause, via, returnLine, escapes, false);
    }

    Config(
        Map<String, Set<String>> vars,
        Map<String, Inst> insts,
        boolean closeChain,
        ThrowInfo cause,
        String via,
        int returnLine,
        Map<String, ThrowInfo> escapes,
        boolean frozen) {
      this.frozen = frozen;
      this.vars = vars;
      this.insts = insts;
      this.closeChain = closeChain;
      this.cause = cause;
      this.via = via;
      this.returnLine = returnLine;
      this.escapes = escapes;
      // as Objects.hash(vars, insts, closeChain), without its array and boxing
      this.hash = 31 * (31 * (31 + vars.hashCode()) + insts.hashCode()) + Boolean.hashCode(closeChain);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Config c
          && c.hash == hash
          && c.closeChain == closeChain
          && c.vars.equals(vars)
          && c.insts.equals(insts);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** A mutable copy of a configuration, for one transfer step. */
  private final class Step {
    final Map<String, Set<String>> vars;
    final Map<String, Inst> insts;
    boolean closeChain;
    ThrowInfo cause;
    String via;
    int returnLine;
    final Map<String, ThrowInfo> escapes;
    final Node node;

    Step(Config c, Node node) {
      this.vars = new TreeMap<>(c.vars);
      this.insts = new TreeMap<>(c.insts);
      this.closeChain = c.closeChain;
      this.cause = c.cause;
      this.via = c.via;
      this.returnLine = c.returnLine;
      this.escapes = c.escapes;
      this.node = node;
    }

    Config freeze() {
      // variables nothing reads only keep open resources referenced: which of them keeps which
      // resource does not matter, so they are folded into one, and what no longer holds an
      // open resource is dropped; otherwise they would only tell configurations apart
      Set<String> kept = null;
      for (var it = vars.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, Set<String>> e = it.next();
        if (isRead(e.getKey()) || e.getKey().equals(KEPT)) {
          continue;
        }
        for (String v : e.getValue()) {
          if (isOpen(v)) {
            if (kept == null) {
              kept = new TreeSet<>();
            }
            kept.add(v);
          }
        }
        it.remove();
      }
      Set<String> old = vars.get(KEPT);
      if (old != null || kept != null) {
        Set<String> all = new TreeSet<>();
        if (old != null) {
          for (String v : old) {
            if (isOpen(v)) {
              all.add(v);
            }
          }
        }
        if (kept != null) {
          all.addAll(kept);
        }
        if (all.isEmpty()) {
          vars.remove(KEPT);
        } else {
          vars.put(KEPT, all);
        }
      }
      return new Config(vars, insts, closeChain, cause, via, returnLine, escapes, true);
    }

    private boolean isOpen(String key) {
      Inst i = insts.get(key);
      return i != null && (i.status == Status.OPEN || i.status == Status.CLOSES_WITH_CHILDREN);
    }

    Set<String> instances(String var) {
      Set<String> v = vars.get(var);
      if (v == null) {
        return Set.of();
      }
      Set<String> out = new TreeSet<>();
      for (String t : v) {
        if (insts.containsKey(t)) {
          out.add(t);
        }
      }
      return out;
    }

    /** True if {@code value} holds a resource that is still open. */
    private boolean holdsInstance(Set<String> value) {
      for (String v : value) {
        if (isOpen(v)) {
          return true;
        }
      }
      return false;
    }

    boolean referenced(String key) {
      for (Set<String> v : vars.values()) {
        if (v.contains(key)) {
          return true;
        }
      }
      for (Inst i : insts.values()) {
        if (key.equals(i.parent) && i.status == Status.OPEN) {
          return true;
        }
      }
      return false;
    }

    /** Binds {@code to} to {@code value} (null = untracked); an open resource it was the last
     * reference of is lost. */
    void bind(String to, Set<String> value, LeakPath.Kind lostKind, String lostDetail) {
      if (value != null && !isRead(to) && !holdsInstance(value)) {
        value = null; // nothing reads it and it holds no resource: it tells configurations apart for nothing
      }
      Set<String> old = vars.get(to);
      if (value == null) {
        vars.remove(to);
      } else {
        vars.put(to, value);
      }
      if (old == null) {
        return;
      }
      for (String k : old) {
        Inst i = insts.get(k);
        if (i == null || i.status != Status.OPEN || (value != null && value.contains(k))) {
          continue;
        }
        if (!referenced(k)) {
          if (heldByParent(this, i)) {
            continue; // closed with its parent, or goes where the parent goes
          }
          Site site = sites.get(k);
          int line = lostKind == LeakPath.Kind.TEMPORARY && site != null ? site.line() : node.line;
          if (!closesWithUntrackedParent(i)) {
            leak(k, new LeakPath(lostKind, line, lostDetail, via));
          }
          insts.put(k, i.with(Status.LOST));
        }
      }
    }

    void close(String key, Set<String> visited) {
      if (!visited.add(key)) {
        return;
      }
      Inst i = insts.get(key);
      if (i == null || i.status == Status.LOST) {
        return;
      }
      insts.put(key, i.with(Status.CLOSED));
      released.add(key);
      cascade(key, i.kind, visited);
    }

    void cascade(String parentKey, ResourceKind parentKind, Set<String> visited) {
      for (Map.Entry<String, Inst> e : new ArrayList<>(insts.entrySet())) {
        Inst c = e.getValue();
        if (!parentKey.equals(c.parent) || c.status != Status.OPEN || !visited.add(e.getKey())) {
          continue;
        }
        ImplicitClose rule =
            parentKind == null || c.kind == null
                ? ImplicitClose.NONE
                : implicitClose.apply(parentKind, c.kind);
        if (rule == ImplicitClose.SILENT) {
          insts.put(e.getKey(), c.with(Status.CLOSED));
          released.add(e.getKey());
          cascade(e.getKey(), c.kind, visited);
        } else if (rule == ImplicitClose.REPORT) {
          insts.put(e.getKey(), c.with(Status.LEFT_TO_PARENT));
          cascade(e.getKey(), c.kind, visited);
        }
      }
    }

    void transfer(String key) {
      Inst i = insts.get(key);
      if (i != null && i.status != Status.LOST && i.status != Status.CLOSED) {
        insts.put(key, i.with(Status.TRANSFERRED));
        released.add(key);
      }
    }
  }

  private final EventGraph graph;
  private final BiFunction<ResourceKind, ResourceKind, ImplicitClose> implicitClose;
  private final Map<String, Site> sites = new LinkedHashMap<>();
  private final Map<String, Set<LeakPath>> leaks = new LinkedHashMap<>();
  private final Set<String> released = new HashSet<>();
  private final Set<String> closedSites = new HashSet<>();
  /**
   * Resources that some path hands over (returns, stores in a field its owner closes, gives to an
   * object), or whose children it hands over: closing them at the end of their block would break
   * that path.
   */
  private final Set<String> handedOver = new HashSet<>();
  /** The resources of {@link #handedOver} that a path hands over themselves, not only a child. */
  private final Set<String> handedOverItself = new HashSet<>();

  /** Sites whose acquisition rests on names against bodies that disagree: see Event.Acquire. */
  private final Set<String> disputedSites = new HashSet<>();

  /**
   * Children left open at an exit together with their open parent, which closes them silently
   * (see closesSilentlyWithOpenParent), by the parent's key: the parent's finding names them.
   */
  private final Map<String, Set<String>> closedWithParent = new HashMap<>();
  private final List<Config> normalExits = new ArrayList<>();
  private final List<Config> exceptionalExits = new ArrayList<>();
  private final Set<String> returned = new TreeSet<>();
  /** Returned set to close with its children (closeOnCompletion): see {@link Status#CLOSES_WITH_CHILDREN}. */
  private final Set<String> returnedSelfClosing = new TreeSet<>();
  /** Returned resources the method still held when it returned them (not kept elsewhere too). */
  private final Set<String> returnedOpen = new TreeSet<>();
  /**
   * Returned resources whose parent a finally closed after the return (a result set returned from
   * a try whose finally closes its statement): the caller gets them closed.
   */
  private final Set<String> returnedClosedAfter = new TreeSet<>();
  /** The parents of the returned resources when they were returned ("null" for none). */
  private final Map<String, Set<String>> returnedParents = new HashMap<>();
  private boolean gaveUp;

  /**
   * Without flags: what tests and literals tell about booleans is not followed. The fallback when
   * following them makes too many states (many flags, each doubling them): a method is then
   * analysed less precisely rather than not at all.
   */
  private boolean ignoreFlags;

  /** Where the open resources that only unread variables hold are kept (see Step#freeze). */
  private static final String KEPT = "#kept";

  /** Every variable some event of the graph reads (see {@link #addReads}). */
  private final Set<String> readVars = new HashSet<>();

  /** True for a variable an event reads, and for what a field holds (read by field loads). */
  private boolean isRead(String var) {
    return readVars.contains(var) || var.startsWith(FIELD_VALUE);
  }

  /** For a summary of a body with too many paths: its own acquisitions are not tracked. */
  private boolean paramsOnly;

  /** Where the configurations taken from the work list are counted. */
  private long[] steps = new long[1];

  private ObligationAnalysis(
      EventGraph graph, BiFunction<ResourceKind, ResourceKind, ImplicitClose> implicitClose) {
    this.graph = graph;
    this.implicitClose = implicitClose;
    for (Node n : graph.nodes()) {
      if (n.event instanceof Event.Acquire a) {
        sites.putIfAbsent(a.site().key(), a.site());
        if (a.disputed()) {
          disputedSites.add(a.site().key());
        }
      }
      addReads(n.event, readVars);
    }
  }

  /**
   * Records that an open resource is closed on a path where parameter flags have known values:
   * see {@link #leftToTheCallersChoice}.
   */
  private void noteReleaseUnderParamFlags(Config c, String key) {
    for (Map.Entry<String, Set<String>> e : c.vars.entrySet()) {
      if (e.getKey().startsWith(Event.PARAM_FLAG) && e.getValue().size() == 1) {
        (e.getValue().contains(TRUE) ? releasedWhenTrue : releasedWhenFalse)
            .computeIfAbsent(e.getKey(), k -> new HashSet<>())
            .add(key);
      }
    }
  }

  /**
   * A resource still open when the method returns on a path where parameter flags are false: a
   * leak unless one of them guards its close (see {@link #leftToTheCallersChoice}), which only the
   * whole run can tell.
   */
  private record Deferred(String key, Set<String> falseFlags, LeakPath path) {}

  private final List<Deferred> deferred = new ArrayList<>();
  private final Map<String, Set<String>> releasedWhenTrue = new HashMap<>();
  private final Map<String, Set<String>> releasedWhenFalse = new HashMap<>();

  /** The parameter flags (see {@link Event#PARAM_FLAG}) that are false on this path. */
  private static Set<String> falseParamFlags(Config c) {
    Set<String> out = new HashSet<>();
    for (Map.Entry<String, Set<String>> e : c.vars.entrySet()) {
      if (e.getKey().startsWith(Event.PARAM_FLAG) && Set.of(FALSE).equals(e.getValue())) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /**
   * True if the method closes {@code key} on paths where one of {@code falseFlags} is true and on
   * no path where it is false: the close is the caller's choice ({@code if (closeResources)
   * close(stmt)}), and a caller that passed false arranged its own (a stream that closes it).
   */
  private boolean leftToTheCallersChoice(String key, Set<String> falseFlags) {
    for (String f : falseFlags) {
      if (releasedWhenTrue.getOrDefault(f, Set.of()).contains(key)
          && !releasedWhenFalse.getOrDefault(f, Set.of()).contains(key)) {
        return true;
      }
    }
    return false;
  }

  /** Decides the leaks {@link #exit} deferred, once every path was followed. */
  private void resolveDeferred() {
    for (Deferred d : deferred) {
      if (leftToTheCallersChoice(d.key(), d.falseFlags())) {
        // handed over: closing it at the end of its block would break that caller
        handedOverItself.add(d.key());
        handedOver.add(d.key());
      } else {
        leak(d.key(), d.path());
      }
    }
    deferred.clear();
  }

  /**
   * The variables an event reads. A variable no event reads (a front-end's keeper of what a
   * throwing statement held) matters only while it holds a resource.
   */
  private static void addReads(Event e, Set<String> out) {
    if (e instanceof Event.Acquire a) {
      addIfNotNull(out, a.parentVar());
      out.addAll(a.boundWhen());
    } else if (e instanceof Event.Release r) {
      out.add(r.var());
    } else if (e instanceof Event.ResetChildren r) {
      out.add(r.var());
    } else if (e instanceof Event.Assign a) {
      out.add(a.from());
    } else if (e instanceof Event.AssignParentOf a) {
      out.add(a.child());
    } else if (e instanceof Event.CloseWithChildren c) {
      out.add(c.var());
    } else if (e instanceof Event.Transfer t) {
      out.add(t.var());
    } else if (e instanceof Event.StoreField sf) {
      out.add(sf.var());
    } else if (e instanceof Event.AddTo at) {
      out.add(at.collection());
      out.add(at.element());
    } else if (e instanceof Event.ElementsOf eo) {
      out.add(eo.collection());
    } else if (e instanceof Event.AssumeEmpty ae) {
      out.add(ae.collection());
    } else if (e instanceof Event.AssumeFlag af) {
      out.add(af.flag());
    } else if (e instanceof Event.AssumeSame as) {
      out.add(as.a());
      out.add(as.b());
    } else if (e instanceof Event.AssumeNull an) {
      out.add(an.var());
    } else if (e instanceof Event.AssumeNonNull an) {
      out.add(an.var());
    } else if (e instanceof Event.Return r) {
      addIfNotNull(out, r.var());
    }
  }

  private static void addIfNotNull(Set<String> out, String v) {
    if (v != null) {
      out.add(v);
    }
  }

  /** Runs the analysis and returns one finding per leaked acquisition site. */
  public static AnalysisResult analyze(
      EventGraph graph, BiFunction<ResourceKind, ResourceKind, ImplicitClose> implicitClose) {
    if (!graph.acquires()) {
      // nothing to follow: every finding is of a resource acquired in the body
      return new AnalysisResult(List.of(), false, Set.of());
    }
    ObligationAnalysis a = new ObligationAnalysis(graph, implicitClose);
    a.run(new Config(Map.of(), Map.of(), false, null, null, 0, Map.of()));
    if (a.gaveUp && hasFlags(graph)) {
      a = new ObligationAnalysis(graph, implicitClose);
      a.ignoreFlags = true;
      a.run(new Config(Map.of(), Map.of(), false, null, null, 0, Map.of()));
    }
    if (a.gaveUp) {
      return new AnalysisResult(List.of(), true, Set.of());
    }
    return new AnalysisResult(a.findings(), false, Set.copyOf(a.closedSites));
  }

  /**
   * Computes the summary of a method whose body a front-end sees: which parameters it closes or
   * takes ownership of on every normal path, and whether it returns a fresh resource or a
   * borrowed one (a field or a parameter).
   *
   * @param paramVars the variables of the parameters, by index; null entries for parameters that
   *     are not resources
   */
  public static MethodSummary summarize(
      EventGraph graph,
      List<String> paramVars,
      BiFunction<ResourceKind, ResourceKind, ImplicitClose> implicitClose) {
    return summarize(graph, paramVars, implicitClose, new long[1]);
  }

  /**
   * As {@link #summarize(EventGraph, List, BiFunction)}, adding to {@code steps[0]} the
   * configurations it went through: what the summary cost, whatever the machine.
   */
  static MethodSummary summarize(
      EventGraph graph,
      List<String> paramVars,
      BiFunction<ResourceKind, ResourceKind, ImplicitClose> implicitClose,
      long[] steps) {
    ObligationAnalysis a = new ObligationAnalysis(graph, implicitClose);
    a.steps = steps;
    Map<String, Set<String>> vars = new TreeMap<>();
    Map<String, Inst> insts = new TreeMap<>();
    for (int i = 0; i < paramVars.size(); i++) {
      if (paramVars.get(i) != null) {
        String key = paramKey(i);
        vars.put(paramVars.get(i), Set.of(key));
        insts.put(key, new Inst(Status.OPEN, null, null, null, 0));
      }
    }
    a.run(new Config(vars, insts, false, null, null, 0, Map.of()));
    if (a.gaveUp && hasFlags(graph)) {
      ObligationAnalysis b = new ObligationAnalysis(graph, implicitClose);
      b.steps = steps;
      b.ignoreFlags = true;
      b.run(new Config(vars, insts, false, null, null, 0, Map.of()));
      a = b;
    }
    if (a.gaveUp && graph.acquires()) {
      // too many paths with the body's own resources: what it does with its parameters may still
      // be found without them (what it returns is then not known). A body that acquires nothing
      // would go through the same paths again, as many as the run before.
      ObligationAnalysis c = new ObligationAnalysis(graph, implicitClose);
      c.steps = steps;
      c.ignoreFlags = true;
      c.paramsOnly = true;
      c.run(new Config(vars, insts, false, null, null, 0, Map.of()));
      a = c;
    }
    if (a.gaveUp) {
      return MethodSummary.UNKNOWN;
    }
    Set<Integer> closes = new TreeSet<>();
    Set<Integer> owns = new TreeSet<>();
    for (int i = 0; i < paramVars.size(); i++) {
      if (paramVars.get(i) == null || a.normalExits.isEmpty()) {
        continue;
      }
      boolean anyClosed = false;
      boolean allGone = true;
      for (Config c : a.normalExits) {
        Status s = c.insts.get(paramKey(i)).status;
        anyClosed |= s == Status.CLOSED;
        // stored in a field, even one its class never closes (a container of results a registry
        // closes elsewhere): the caller handed it to the object
        allGone &=
            s == Status.CLOSED || s == Status.TRANSFERRED || s == Status.IN_FIELD
                || s == Status.OWNED_BY_NEW_OBJECT || s == Status.FIELD_UNCLOSED;
      }
      if (anyClosed && !a.returned.contains(paramKey(i))) {
        // a helper that closes what it is given on some path closes it (precision first: a
        // cleanup that closes a proxy's target on its other path, closeConnection(unwrap(c)),
        // is a close the analysis cannot follow)
        closes.add(i);
      } else if (allGone && !a.returned.contains(paramKey(i))) {
        owns.add(i);
      }
    }
    boolean borrowed = false;
    boolean fresh = false;
    boolean selfClosing = true;
    Set<String> params = new TreeSet<>();
    Set<String> freshParents = new TreeSet<>();
    boolean other = false;
    for (String t : a.returned) {
      if (t.startsWith("param:")) {
        borrowed = true;
        params.add(t);
      } else if (t.startsWith("~")) {
        borrowed = true;
        other = true;
      } else if (a.sites.containsKey(t) && !a.returnedOpen.contains(t)) {
        // acquired, then kept by a holder (a registry, a cache) and returned: the holder owns it,
        // the caller borrows it
        borrowed = true;
        other = true;
      } else if (a.sites.containsKey(t) && a.returnedClosedAfter.contains(t)) {
        // its parent was closed by a finally after the return: the caller gets it closed, and
        // owns nothing
        borrowed = true;
        other = true;
      } else if (a.sites.containsKey(t)) {
        fresh = true;
        other = true;
        selfClosing &= a.returnedSelfClosing.contains(t);
        freshParents.addAll(a.returnedParents.getOrDefault(t, Set.of("null")));
      }
    }
    // every fresh resource returned was created from the same parameter (a helper running the
    // caller's statement): the caller's result is that argument's child
    String parent = freshParents.size() == 1 ? freshParents.iterator().next() : "";
    int childOf = parent.startsWith("param:") ? Integer.parseInt(parent.substring(6)) : -1;
    int returnsParam =
        params.size() == 1 && !other ? Integer.parseInt(params.iterator().next().substring(6)) : -1;
    Set<Integer> whenThrowing = new TreeSet<>();
    for (int i : closes) {
      if (closedWhenThrowing(a.exceptionalExits, paramKey(i))) {
        whenThrowing.add(i);
      }
    }
    // every return hands back what a field held before the method ran (return this.connection)
    boolean held = !a.returned.isEmpty();
    for (String t : a.returned) {
      held &= t.startsWith("~field:");
    }
    return new MethodSummary(
        closes, owns, fresh && !borrowed, borrowed, returnsParam, whenThrowing, fresh && !borrowed && selfClosing,
        false, fresh && !borrowed ? childOf : -1,
        !graph.canThrow(), held);
  }

  /**
   * True if the method's exceptional exits close a parameter: each of them closes it, or leaves
   * it open only where a flag has the opposite value of one under which another exceptional exit
   * closes it. A {@code finally} that closes the parameter when the method was asked to ({@code
   * boolean close = newTarget; ... finally { if (close) target.close(); }}) leaves the other
   * paths to the caller's choice, as a close guarded by a flag does on normal paths.
   */
  private static boolean closedWhenThrowing(List<Config> exits, String key) {
    List<Config> closed = new ArrayList<>();
    List<Config> open = new ArrayList<>();
    for (Config c : exits) {
      Inst in = c.insts.get(key);
      (in != null && in.status == Status.CLOSED ? closed : open).add(c);
    }
    if (open.isEmpty()) {
      return true;
    }
    if (closed.isEmpty()) {
      return false;
    }
    for (Config c : open) {
      if (!c.insts.containsKey(key) || !openOnlyUnderOtherFlag(c, closed)) {
        return false;
      }
    }
    return true;
  }

  /** True if {@code c} has a flag whose opposite value holds in one of {@code closed}. */
  private static boolean openOnlyUnderOtherFlag(Config c, List<Config> closed) {
    for (Map.Entry<String, Set<String>> e : c.vars.entrySet()) {
      Set<String> v = e.getValue();
      if (v.size() != 1 || !(v.contains(TRUE) || v.contains(FALSE))) {
        continue;
      }
      Set<String> opposite = Set.of(v.contains(TRUE) ? FALSE : TRUE);
      for (Config d : closed) {
        if (opposite.equals(d.vars.get(e.getKey()))) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * True if one of two single values is a resource acquired in this method and the other is a
   * different value: null, an untracked value (a field read, a parameter) or another acquisition.
   * Two values from one site are not told apart (a loop's resources share it).
   */
  private boolean acquiredHereAndOther(Set<String> a, Set<String> b) {
    if (a == null || b == null || a.size() != 1 || b.size() != 1) {
      return false;
    }
    String x = first(a);
    String y = first(b);
    return !x.equals(y) && (sites.containsKey(x) || sites.containsKey(y));
  }

  private static boolean hasFlags(EventGraph graph) {
    for (Node n : graph.nodes()) {
      if (n.event instanceof Event.AssumeFlag || n.event instanceof Event.AssignFlag) {
        return true;
      }
    }
    return false;
  }

  /**
   * The parameter a returned resource descends from through resources of this method ({@code
   * Statement st = con.createStatement(); ... return st.getResultSet();} descends from {@code
   * con}): closing the caller's argument closes it with its parent. Else its own parent.
   */
  private static String ancestorParam(Map<String, Inst> insts, String key) {
    String parent = insts.get(key).parent;
    Set<String> seen = new HashSet<>();
    for (String p = parent; p != null && seen.add(p); ) {
      if (p.startsWith("param:")) {
        return p;
      }
      Inst in = insts.get(p);
      p = in == null ? null : in.parent;
    }
    return parent;
  }

  /** True if one of the acquisition's guard flags is true on this path (see {@link Event.Acquire}). */
  private boolean boundToContext(Map<String, Set<String>> vars, Event.Acquire a) {
    if (ignoreFlags) {
      return false;
    }
    for (String f : a.boundWhen()) {
      if (Set.of(TRUE).equals(vars.get(f))) {
        return true;
      }
    }
    return false;
  }

  static String paramKey(int i) {
    return "param:" + i;
  }

  private void leak(String key, LeakPath path) {
    if (sites.containsKey(key)) {
      leaks.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(path);
    }
  }

  private void run(Config initial) {
    // the configurations seen at each node, by its id (ids are small: the order nodes were made)
    List<Set<Config>> seen = new ArrayList<>(graph.nodes().size() + 1);
    Deque<Object[]> work = new ArrayDeque<>();
    seenAt(seen, graph.entry()).add(initial);
    work.add(new Object[] {graph.entry(), initial});
    while (!work.isEmpty()) {
      Object[] item = work.poll();
      steps[0]++;
      Node n = (Node) item[0];
      Config c = (Config) item[1];
      if (n == graph.normalExit()) {
        exit(c, false);
        continue;
      }
      if (n == graph.exceptionalExit()) {
        exit(c, true);
        continue;
      }
      Config out = transfer(n, c);
      if (out != null) {
        for (Node s : n.normal) {
          if (!offer(seen, work, s, out)) {
            return;
          }
        }
      }
      Config ex = n.exceptional.isEmpty() ? null : exceptional(n, c, out);
      if (ex != null) {
        for (Node s : n.exceptional) {
          if (!offer(seen, work, s, ex)) {
            return;
          }
        }
      }
    }
    resolveDeferred();
  }

  private static Set<Config> seenAt(List<Set<Config>> seen, Node n) {
    while (seen.size() <= n.id) {
      seen.add(null);
    }
    Set<Config> set = seen.get(n.id);
    if (set == null) {
      set = new HashSet<>();
      seen.set(n.id, set);
    }
    return set;
  }

  private boolean offer(List<Set<Config>> seen, Deque<Object[]> work, Node s, Config c) {
    Set<Config> set = seenAt(seen, s);
    if (set.add(c)) {
      if (set.size() > MAX_CONFIGS_PER_NODE) {
        gaveUp = true;
        return false;
      }
      work.add(new Object[] {s, c});
    }
    return true;
  }

  /**
   * The state on the exceptional edges: the call threw, so an acquisition did not happen. Null
   * when the call cannot throw there: a close of what is known to be null (a null-safe close
   * helper does nothing; {@code close()} on null throws only a NullPointerException).
   */
  private Config exceptional(Node n, Config in, Config out) {
    Config base = n.event instanceof Event.Release && out != null ? out : in;
    if (n.throwInfo == null) {
      return base; // a rethrow keeps the original cause
    }
    Map<String, Inst> insts = base.insts;
    if (n.event instanceof Event.Release r && n.throwInfo.isClose()) {
      if (Set.of(NULL).equals(in.vars.get(r.var()))) {
        return null;
      }
      insts = deadWithConnection(in, r.var(), insts);
    }
    Map<String, ThrowInfo> escapes = base.escapes;
    for (Map.Entry<String, Inst> e : insts.entrySet()) {
      if (e.getValue().status == Status.OPEN && !escapes.containsKey(e.getKey())) {
        if (escapes == base.escapes) {
          escapes = new TreeMap<>(base.escapes);
        }
        escapes.put(e.getKey(), n.throwInfo);
      }
    }
    return new Config(
        base.vars, insts, n.throwInfo.isClose(), n.throwInfo, base.via, base.returnLine, escapes, base.frozen);
  }

  /**
   * The resources after the close of {@code var} threw. A JDBC close fails only on a database
   * access error, a broken connection: the statements and result sets of that connection (the
   * closed resource's family, by their parents) go with it, so the closes the exception skips
   * leave nothing of theirs open. Their connection must still be closed, to free its socket or to
   * go back to its pool: a connection skipped this way still leaks, as does a resource of another
   * kind or of another connection.
   */
  private static Map<String, Inst> deadWithConnection(Config before, String var, Map<String, Inst> insts) {
    Set<String> closed = before.vars.get(var);
    if (closed == null) {
      return insts;
    }
    Set<String> roots = new HashSet<>();
    for (String k : closed) {
      Inst i = before.insts.get(k);
      if (i != null && i.kind != null && i.kind.isJdbc()) {
        roots.add(family(before.insts, k));
      }
    }
    if (roots.isEmpty()) {
      return insts;
    }
    Map<String, Inst> out = insts;
    for (Map.Entry<String, Inst> e : insts.entrySet()) {
      Inst i = e.getValue();
      if (i.status == Status.OPEN
          && (i.kind == ResourceKind.STATEMENT || i.kind == ResourceKind.RESULT_SET)
          && roots.contains(family(insts, e.getKey()))) {
        if (out == insts) {
          out = new TreeMap<>(insts);
        }
        out.put(e.getKey(), i.with(Status.CLOSED));
      }
    }
    return out;
  }

  /** The first resource of the chain of tracked parents {@code key} was made from. */
  private static String family(Map<String, Inst> insts, String key) {
    String k = key;
    for (int depth = 0; depth < 16; depth++) {
      Inst i = insts.get(k);
      if (i == null || i.parent == null || !insts.containsKey(i.parent)) {
        return k;
      }
      k = i.parent;
    }
    return k;
  }

  private Config transfer(Node n, Config c) {
    if (n.event instanceof Event.Nop && c.frozen) {
      // half the nodes of a graph do nothing (joins, the points calls may throw from): a copy of
      // a frozen configuration, frozen again, is equal to it with the same notes
      return c;
    }
    Step s = new Step(c, n);
    Event e = n.event;
    if (e instanceof Event.Acquire a && paramsOnly) {
      s.bind(a.target(), null, LeakPath.Kind.REASSIGNED, a.target());
    } else if (e instanceof Event.Acquire a && boundToContext(s.vars, a)) {
      // bound to a context that closes it (a transaction): a borrowed one
      s.bind(a.target(), null, LeakPath.Kind.REASSIGNED, a.target());
    } else if (e instanceof Event.Acquire a) {
      String key = a.site().key();
      String parent = null;
      if (a.parentVar() != null) {
        Set<String> p = s.instances(a.parentVar());
        if (p.size() == 1) {
          parent = p.iterator().next();
        } else if (p.isEmpty()) {
          // a parent we do not track (a parameter, a field): remember it by a token, so that
          // closing it (st.close() on a parameter) closes this child as JDBC does
          Set<String> v = s.vars.get(a.parentVar());
          if (a.parentVar().equals(CallEffects.UNTRACKED_RECEIVER)) {
            parent = UNTRACKED_PARENT + a.site().key();
          } else if (v == null) {
            parent = UNTRACKED_PARENT + a.site().key();
            s.vars.put(a.parentVar(), Set.of(parent));
          } else if (v.size() == 1 && first(v).startsWith("~")) {
            parent = first(v);
          }
        }
      }
      Inst old = s.insts.get(key);
      boolean merged = old != null && old.status == Status.OPEN && referencedElsewhere(s, key, a);
      if (!merged) {
        Set<String> prev = s.vars.get(a.target());
        boolean sameSiteInVar = prev != null && prev.contains(key);
        if (sameSiteInVar && old != null && old.status == Status.OPEN) {
          leak(key, new LeakPath(LeakPath.Kind.NEXT_ITERATION, n.line, displayVar(a), s.via));
          s.insts.put(key, old.with(Status.LOST));
        }
        s.bind(a.target(), Set.of(), LeakPath.Kind.REASSIGNED, displayVar(a));
        // the same site's previous resource still sits in a field: storing this one there too
        // (a loop refreshing a cached statement) would overwrite it unclosed
        String overwrites = null;
        if (old != null && old.status == Status.IN_FIELD
            && s.vars.getOrDefault(FIELD_VALUE + old.note, Set.of()).contains(key)) {
          overwrites = OVERWRITES + old.note;
        }
        s.insts.put(key, new Inst(Status.OPEN, parent, a.site().kind(), overwrites, 0));
      }
      s.vars.put(a.target(), Set.of(key));
    } else if (e instanceof Event.Release r) {
      Set<String> visited = new HashSet<>();
      for (String k : s.instances(r.var())) {
        if (sites.containsKey(k) && s.insts.get(k).status == Status.OPEN) {
          closedSites.add(k);
          noteReleaseUnderParamFlags(c, k);
        }
        s.close(k, visited);
      }
      if (s.returnLine > 0 && !returnedOpen.isEmpty()) {
        // a finally running after the return closes the parent of what was returned
        for (String k : s.instances(r.var())) {
          for (Map.Entry<String, Inst> en : s.insts.entrySet()) {
            if (k.equals(en.getValue().parent) && returnedOpen.contains(en.getKey())) {
              returnedClosedAfter.add(en.getKey());
            }
          }
        }
      }
      // closing the untracked parent of a resource (rs.getStatement().close()) closes it too
      for (String t : s.vars.getOrDefault(r.var(), Set.of())) {
        if (t.startsWith(PARENT_OF) && s.insts.containsKey(t.substring(PARENT_OF.length()))) {
          s.close(t.substring(PARENT_OF.length()), visited);
        } else if (t.startsWith("~")) {
          closeChildrenOfUntracked(s, t, visited);
        }
      }
    } else if (e instanceof Event.ResetChildren r) {
      for (String t : s.vars.getOrDefault(r.var(), Set.of())) {
        if (t.startsWith("~")) {
          for (Map.Entry<String, Inst> en : new ArrayList<>(s.insts.entrySet())) {
            if (t.equals(en.getValue().parent) && en.getValue().status == Status.OPEN) {
              s.close(en.getKey(), new HashSet<>());
            }
          }
        }
      }
      for (String k : s.instances(r.var())) {
        for (Map.Entry<String, Inst> en : new ArrayList<>(s.insts.entrySet())) {
          if (k.equals(en.getValue().parent) && en.getValue().status == Status.OPEN) {
            s.close(en.getKey(), new HashSet<>());
          }
        }
      }
    } else if (e instanceof Event.Assign as) {
      Set<String> v = s.vars.get(as.from());
      s.bind(as.to(), v, LeakPath.Kind.REASSIGNED, as.to());
    } else if (e instanceof Event.AssignNull an) {
      s.bind(an.to(), Set.of(NULL), LeakPath.Kind.REASSIGNED, an.to());
    } else if (e instanceof Event.AssignUnknown au) {
      s.bind(
          au.to(),
          null,
          au.temporaryEnd() ? LeakPath.Kind.TEMPORARY : LeakPath.Kind.REASSIGNED,
          au.to());
    } else if (e instanceof Event.AssignOpaque ao) {
      Set<String> stored =
          ao.tag().startsWith("field:") ? s.vars.get(FIELD_VALUE + ao.tag().substring(6)) : null;
      s.bind(ao.to(), stored != null ? stored : Set.of("~" + ao.tag()), LeakPath.Kind.REASSIGNED, ao.to());
    } else if (e instanceof Event.AssignParentOf ap) {
      Set<String> parents = new TreeSet<>();
      for (String k : s.instances(ap.child())) {
        String p = s.insts.get(k).parent;
        parents.add(p != null ? p : PARENT_OF + k);
      }
      s.bind(ap.to(), parents.isEmpty() ? null : parents, LeakPath.Kind.REASSIGNED, ap.to());
    } else if (e instanceof Event.CloseWithChildren cw) {
      for (String k : s.instances(cw.var())) {
        Inst i = s.insts.get(k);
        if (i.status == Status.OPEN) {
          s.insts.put(k, i.with(Status.CLOSES_WITH_CHILDREN));
          released.add(k); // handed to its children where it gets one
        }
      }
    } else if (e instanceof Event.Transfer t) {
      for (String k : s.instances(t.var())) {
        s.transfer(k);
      }
    } else if (e instanceof Event.StoreField sf) {
      Set<String> stored = s.instances(sf.var());
      // what this method stored in the field before and never closed is lost when overwritten
      for (String old : s.instances(FIELD_VALUE + sf.field())) {
        Inst i = s.insts.get(old);
        if (!stored.contains(old) && (i.status == Status.IN_FIELD || i.status == Status.OWNED_BY_NEW_OBJECT)) {
          leak(old, new LeakPath(LeakPath.Kind.REASSIGNED, n.line, "this." + sf.field(), s.via));
          s.insts.put(old, i.with(Status.LOST));
        }
      }
      // reading the field later in this method gives what was stored
      s.vars.put(FIELD_VALUE + sf.field(), s.vars.getOrDefault(sf.var(), Set.of()));
      for (String k : stored) {
        Inst i = s.insts.get(k);
        if (i.status == Status.OPEN && (OVERWRITES + sf.field()).equals(i.note)) {
          leak(k, new LeakPath(LeakPath.Kind.NEXT_ITERATION, n.line, "this." + sf.field(), s.via));
          i = new Inst(Status.OPEN, i.parent, i.kind, null, 0);
          s.insts.put(k, i);
        }
        if (sf.closedByOwner() && graph.isConstructor() && i.status == Status.OPEN) {
          s.insts.put(k, new Inst(Status.OWNED_BY_NEW_OBJECT, i.parent, i.kind, sf.field(), n.line));
        } else if (sf.closedByOwner() && i.status == Status.OPEN) {
          s.insts.put(k, new Inst(Status.IN_FIELD, i.parent, i.kind, sf.field(), n.line));
          released.add(k);
        } else if (sf.closedByOwner()) {
          s.transfer(k);
        } else if (i.status == Status.OPEN) {
          s.insts.put(k, new Inst(Status.FIELD_UNCLOSED, i.parent, i.kind, sf.field(), n.line));
        }
      }
    } else if (e instanceof Event.AddTo at) {
      Set<String> add = s.instances(at.element());
      if (!add.isEmpty()) {
        Set<String> coll = new TreeSet<>(s.vars.getOrDefault(at.collection(), Set.of()));
        coll.addAll(add);
        s.vars.put(at.collection(), coll);
      }
    } else if (e instanceof Event.ElementsOf eo) {
      Set<String> elems = s.instances(eo.collection());
      s.bind(eo.to(), elems.isEmpty() ? null : elems, LeakPath.Kind.REASSIGNED, eo.to());
    } else if (e instanceof Event.AssumeEmpty ae) {
      for (String k : s.instances(ae.collection())) {
        if (!ae.removedAll() || s.insts.get(k).status == Status.OPEN) {
          return null;
        }
      }
      if (s.vars.containsKey(ae.collection())) {
        s.vars.put(ae.collection(), Set.of());
      }
    } else if (e instanceof Event.AssumeSame as) {
      if (as.same() && acquiredHereAndOther(s.vars.get(as.a()), s.vars.get(as.b()))) {
        return null; // a resource acquired here is not the other value
      }
    } else if (e instanceof Event.AssumeNull an) {
      Set<String> v = s.vars.get(an.var());
      if (v != null && !v.contains(NULL) && v.size() == 1
          && s.insts.containsKey(first(v))) {
        return null;
      }
      s.bind(an.var(), Set.of(NULL), LeakPath.Kind.REASSIGNED, an.var());
    } else if (e instanceof Event.AssumeNonNull ann) {
      Set<String> v = s.vars.get(ann.var());
      if (v != null && v.size() == 1 && v.contains(NULL)) {
        return null;
      }
    } else if ((e instanceof Event.AssignFlag || e instanceof Event.AssumeFlag) && ignoreFlags) {
      // followed no more: see ignoreFlags
    } else if (e instanceof Event.AssignFlag af) {
      s.bind(af.flag(), Set.of(af.value() ? TRUE : FALSE), LeakPath.Kind.REASSIGNED, af.flag());
    } else if (e instanceof Event.AssumeFlag af) {
      Set<String> v = s.vars.get(af.flag());
      if (v != null && v.size() == 1 && v.contains(af.value() ? FALSE : TRUE)) {
        return null; // this configuration already knows the other value
      }
      s.vars.put(af.flag(), Set.of(af.value() ? TRUE : FALSE));
    } else if (e instanceof Event.ForgetFlags) {
      // a loop head: fields and getters may have changed since the last test
      s.vars.keySet().removeIf(v -> v.startsWith(Event.FIELD_FLAG) || v.startsWith(Event.CALL_FLAG));
    } else if (e instanceof Event.Return r) {
      if (r.var() != null) {
        Set<String> v = s.vars.get(r.var());
        if (v != null) {
          returned.addAll(v);
          for (String k : s.instances(r.var())) {
            Status st = s.insts.get(k).status;
            if (st == Status.CLOSES_WITH_CHILDREN) {
              returnedSelfClosing.add(k);
            }
            if (st == Status.OPEN || st == Status.CLOSES_WITH_CHILDREN) {
              returnedOpen.add(k);
            }
            returnedParents.computeIfAbsent(k, x -> new TreeSet<>()).add(String.valueOf(ancestorParam(s.insts, k)));
            s.transfer(k);
          }
        }
      }
      s.returnLine = r.implicitEnd() ? -n.line : n.line;
    } else if (e instanceof Event.Jump j) {
      s.via = j.what();
    }
    return s.freeze();
  }

  /**
   * True for a resource whose tracked parent closes it (a ResultSet of a Statement, a Statement
   * of a Connection) and is still this method's or was handed over: a child dropped then is the
   * parent's (closed with it, or wherever it goes), not a leak of its own. A parent set to close
   * with its children is not: the dropped child is the one that had to be closed.
   */
  private boolean heldByParent(Config c, Inst i) {
    return heldByParent(c.insts, i);
  }

  private boolean heldByParent(Step s, Inst i) {
    return heldByParent(s.insts, i);
  }

  private boolean heldByParent(Map<String, Inst> insts, Inst i) {
    return closeByParent(insts, i, PARENT_HOLDS) != ImplicitClose.NONE;
  }

  /**
   * True for a child that its parent closes without a trace (a Statement's ResultSet) when that
   * parent was handed over (returned, stored in a field its owner closes, given to an object): the
   * child goes with it, as a result set of a statement the method never owned does.
   */
  private boolean goesWithHandedOverParent(Config c, Inst i) {
    return closeByParent(c.insts, i, PARENT_HANDED_OVER)
        == ImplicitClose.SILENT;
  }

  /**
   * True for a child that its parent closes without a trace (a Statement's ResultSet) when that
   * parent is itself still open at the exit. The parent is then reported on this exit (or goes
   * wherever it goes, and the child with it), and closing the parent closes the child: one leak
   * with one fix, reported once, on the parent.
   */
  private boolean closesSilentlyWithOpenParent(Config c, Inst i) {
    return closeByParent(c.insts, i, PARENT_OPEN) == ImplicitClose.SILENT;
  }

  private static final Set<Status> PARENT_HANDED_OVER =
      EnumSet.of(Status.TRANSFERRED, Status.IN_FIELD, Status.OWNED_BY_NEW_OBJECT);
  private static final Set<Status> PARENT_HOLDS =
      EnumSet.of(Status.OPEN, Status.TRANSFERRED, Status.IN_FIELD, Status.OWNED_BY_NEW_OBJECT);
  private static final Set<Status> PARENT_OPEN = EnumSet.of(Status.OPEN);

  /**
   * How closing its tracked parent closes {@code i} when that parent's status is one of {@code
   * statuses} (the model's implicit-close rule for the two kinds); NONE for no such parent.
   */
  private ImplicitClose closeByParent(Map<String, Inst> insts, Inst i, Set<Status> statuses) {
    if (i.parent == null || i.parent.startsWith("~") || i.kind == null) {
      return ImplicitClose.NONE;
    }
    Inst p = insts.get(i.parent);
    if (p == null || !statuses.contains(p.status)) {
      return ImplicitClose.NONE;
    }
    ResourceKind pk = p.kind != null ? p.kind : i.kind.parentKind();
    return pk == null ? ImplicitClose.NONE : implicitClose.apply(pk, i.kind);
  }

  private static boolean referencedByVariable(Config c, String key) {
    for (Set<String> v : c.vars.values()) {
      if (v.contains(key)) {
        return true;
      }
    }
    return false;
  }

  /** Closing an untracked parent (a parameter's statement) implicitly closes its tracked children. */
  private static void closeChildrenOfUntracked(Step s, String token, Set<String> visited) {
    for (Map.Entry<String, Inst> en : new ArrayList<>(s.insts.entrySet())) {
      Inst child = en.getValue();
      if (token.equals(child.parent) && child.status == Status.OPEN && child.kind != null) {
        s.cascade(token, child.kind.parentKind(), visited);
        return;
      }
    }
  }

  /**
   * True for a resource created from a parent the method does not own (a statement handed in,
   * read from a field, or this object) that closing the parent closes silently (a ResultSet of a
   * Statement): it is that parent's, closed with it or by its next execution.
   */
  private boolean closesWithUntrackedParent(Inst i) {
    return i.parent != null
        && i.parent.startsWith("~")
        && i.kind != null
        && i.kind.parentKind() != null
        && implicitClose.apply(i.kind.parentKind(), i.kind) == ImplicitClose.SILENT;
  }

  private static boolean hasChild(Config c, String parentKey) {
    for (Inst child : c.insts.values()) {
      if (parentKey.equals(child.parent)) {
        return true;
      }
    }
    return false;
  }

  private static String first(Set<String> v) {
    return v.iterator().next();
  }

  /** True if the open instance of this site is still held by something other than the target. */
  private static boolean referencedElsewhere(Step s, String key, Event.Acquire a) {
    for (Map.Entry<String, Set<String>> v : s.vars.entrySet()) {
      if (!v.getKey().equals(a.target()) && v.getValue().contains(key)) {
        return true;
      }
    }
    return false;
  }

  private static String displayVar(Event.Acquire a) {
    return a.site().variable() != null ? a.site().variable() : a.target();
  }

  private void exit(Config c, boolean exceptional) {
    if (!exceptional) {
      normalExits.add(c);
    } else {
      exceptionalExits.add(c);
    }
    // how this exit leaves, for a message: made only when something is left open
    LeakPath exitPath = null;
    noteHandedOver(c);
    Set<String> falseFlags = exceptional ? Set.of() : falseParamFlags(c);
    for (Map.Entry<String, Inst> e : c.insts.entrySet()) {
      Inst i = e.getValue();
      if (i.status == Status.OPEN && closesWithUntrackedParent(i)) {
        continue;
      }
      if (i.status == Status.OPEN && heldByParent(c, i) && !referencedByVariable(c, e.getKey())) {
        continue; // dropped while its parent was open: the parent's finding or hand-over covers it
      }
      if (i.status == Status.OPEN && goesWithHandedOverParent(c, i)) {
        continue; // a result set of a statement now someone else's, as one of the caller's statement
      }
      if (i.status == Status.OPEN && closesSilentlyWithOpenParent(c, i)) {
        // its statement is left open here too: that finding names the one close to add
        if (sites.containsKey(e.getKey())) {
          closedWithParent.computeIfAbsent(i.parent, k -> new TreeSet<>()).add(e.getKey());
        }
        continue;
      }
      if (i.status == Status.CLOSES_WITH_CHILDREN && hasChild(c, e.getKey())) {
        continue; // its result set is the one to close (and is judged on its own)
      }
      switch (i.status) {
        case OPEN, CLOSES_WITH_CHILDREN -> {
          Site site = sites.get(e.getKey());
          ThrowInfo escaped = c.escapes.get(e.getKey());
          LeakPath path;
          if (!exceptional && escaped != null && c.returnLine != 0) {
            // an exception was caught on this path and the method then returned normally
            path =
                new LeakPath(
                    escaped.isClose() ? LeakPath.Kind.CLOSE_CHAIN : LeakPath.Kind.EXCEPTION,
                    escaped.line(),
                    escaped.describe(),
                    c.via);
          } else if (site != null && site.variable() == null && !exceptional) {
            // Never bound to a variable: say so rather than naming an unrelated exit.
            path = new LeakPath(LeakPath.Kind.TEMPORARY, site.line(), null, null);
          } else {
            path = exitPath = exitPath != null ? exitPath : exitPath(c, exceptional);
          }
          if (falseFlags.isEmpty()) {
            leak(e.getKey(), path);
          } else {
            // perhaps returned to a caller that asked for it open: decided once every path was
            // followed (a method that throws hands nothing over: only normal exits get here)
            deferred.add(new Deferred(e.getKey(), falseFlags, path));
          }
        }
        case LEFT_TO_PARENT -> {
          exitPath = exitPath != null ? exitPath : exitPath(c, exceptional);
          leak(
              e.getKey(),
              new LeakPath(
                  LeakPath.Kind.LEFT_TO_PARENT,
                  exitPath.line(),
                  Messages.when(exitPath),
                  null));
        }
        case FIELD_UNCLOSED ->
            leak(e.getKey(), new LeakPath(LeakPath.Kind.FIELD, i.noteLine, i.note, null));
        case OWNED_BY_NEW_OBJECT -> {
          if (exceptional) {
            exitPath = exitPath != null ? exitPath : exitPath(c, exceptional);
            leak(
                e.getKey(),
                new LeakPath(LeakPath.Kind.CONSTRUCTOR_FAILS, exitPath.line(), Messages.when(exitPath), i.note));
          }
        }
        default -> {}
      }
    }
  }

  /** How a configuration leaves the method at an exit. */
  private static LeakPath exitPath(Config c, boolean exceptional) {
    if (exceptional) {
      ThrowInfo why = c.cause;
      String detail = why == null ? "when an exception leaves the method" : why.describe();
      return new LeakPath(
          c.closeChain ? LeakPath.Kind.CLOSE_CHAIN : LeakPath.Kind.EXCEPTION,
          why == null ? 0 : why.line(),
          detail,
          c.via);
    }
    if (c.returnLine > 0) {
      return new LeakPath(LeakPath.Kind.RETURN, c.returnLine, null, c.via);
    }
    return new LeakPath(LeakPath.Kind.END, -c.returnLine, null, c.via);
  }

  /** Adds what this exit hands over, with the resources it was made from, to {@link #handedOver}. */
  private void noteHandedOver(Config c) {
    for (Map.Entry<String, Inst> e : c.insts.entrySet()) {
      switch (e.getValue().status) {
        case TRANSFERRED, IN_FIELD, OWNED_BY_NEW_OBJECT -> {
          String k = e.getKey();
          handedOverItself.add(k);
          for (int depth = 0; k != null && depth < 16 && handedOver.add(k); depth++) {
            Inst i = c.insts.get(k);
            k = i == null ? null : i.parent;
          }
        }
        default -> {}
      }
    }
  }

  private List<Finding> findings() {
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<String, Set<LeakPath>> e : leaks.entrySet()) {
      Site site = sites.get(e.getKey());
      List<LeakPath> paths = new ArrayList<>(e.getValue());
      if (site != null && site.kind() != null && !site.kind().leaksWhenSetupFails()
          && handedOverItself.contains(e.getKey())) {
        paths.removeIf(LeakPath::exceptional); // see ResourceKind#leaksWhenSetupFails
        if (paths.isEmpty()) {
          continue;
        }
      }
      CheckId id = null;
      int best = Integer.MAX_VALUE;
      for (LeakPath p : paths) {
        CheckId pid = idFor(site, p);
        int rank = idRank(site, pid);
        if (rank < best) {
          best = rank;
          id = pid;
        }
      }
      CheckId chosen = id;
      List<LeakPath> matching = new ArrayList<>();
      List<LeakPath> others = new ArrayList<>();
      for (LeakPath p : paths) {
        (idFor(site, p) == chosen ? matching : others).add(p);
      }
      matching.sort(
          Comparator.comparingInt((LeakPath p) -> pathRank(p.kind())).thenComparingInt(LeakPath::line));
      LeakPath primary = matching.get(0);
      List<LeakPath> related = new ArrayList<>(matching.subList(1, matching.size()));
      related.addAll(others);
      boolean unconditional = !released.contains(e.getKey()) && !anyLost(paths);
      boolean given = handedOver.contains(e.getKey());
      boolean disputed = disputedSites.contains(e.getKey());
      Messages.HandOver how =
          !given
              ? Messages.HandOver.NO
              : handedOverItself.contains(e.getKey()) ? Messages.HandOver.ITSELF : Messages.HandOver.A_CHILD;
      List<Site> children = childSites(e.getKey());
      out.add(
          new Finding(
              chosen,
              site,
              primary,
              related,
              given,
              Messages.render(chosen, site, primary, unconditional, how, disputed)
                  + Messages.alsoCloses(children),
              disputed,
              children));
    }
    out.sort(Comparator.comparingInt(Finding::line).thenComparing(f -> f.id().name()));
    return out;
  }

  /**
   * The sites of the resources the finding of {@code key} also closes (its children left open
   * with it, theirs, and so on; not those reported on their own), in source order.
   */
  private List<Site> childSites(String key) {
    List<Site> out = new ArrayList<>();
    Set<String> seen = new HashSet<>(Set.of(key));
    Deque<String> work = new ArrayDeque<>(closedWithParent.getOrDefault(key, Set.of()));
    while (!work.isEmpty()) {
      String k = work.poll();
      if (!seen.add(k) || leaks.containsKey(k)) {
        continue;
      }
      out.add(sites.get(k));
      work.addAll(closedWithParent.getOrDefault(k, Set.of()));
    }
    out.sort(Comparator.comparingInt(Site::line));
    return out;
  }

  private static boolean anyLost(List<LeakPath> paths) {
    for (LeakPath p : paths) {
      if (p.kind() == LeakPath.Kind.REASSIGNED || p.kind() == LeakPath.Kind.NEXT_ITERATION) {
        return true;
      }
    }
    return false;
  }

  private static CheckId idFor(Site site, LeakPath p) {
    return switch (p.kind()) {
      case CLOSE_CHAIN -> CheckId.JdbcCloseChain;
      case FIELD -> CheckId.JdbcUnclosedOwningField;
      case LEFT_TO_PARENT -> CheckId.JdbcStatementLeftToConnectionClose;
      default -> site.kind().leakId();
    };
  }

  private static int idRank(Site site, CheckId id) {
    if (id == site.kind().leakId()) {
      return 0;
    }
    return switch (id) {
      case JdbcUnclosedOwningField -> 1;
      case JdbcStatementLeftToConnectionClose -> 2;
      case JdbcCloseChain -> 3;
      default -> 4;
    };
  }

  private static int pathRank(LeakPath.Kind k) {
    return switch (k) {
      case RETURN, END -> 0;
      case NEXT_ITERATION, REASSIGNED -> 1;
      case TEMPORARY -> 2;
      case EXCEPTION -> 3;
      default -> 4;
    };
  }
}
