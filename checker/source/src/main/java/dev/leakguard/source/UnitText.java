package dev.leakguard.source;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.expr.LiteralStringValueExpr;
import com.github.javaparser.ast.expr.Name;
import com.github.javaparser.ast.expr.SimpleName;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The text a unit was parsed from, kept in place of its tokens. JavaParser links every token of a
 * file (with its text and range) from the nodes: more than half of what a parsed unit holds. The
 * engine needs tokens only for the code of a node as written, which is the text between the
 * node's begin and end: so a unit kept for the analysis drops its tokens (not its ranges, which
 * {@code setStoreTokens(false)} would drop too) and keeps its text.
 */
final class UnitText {
  private static final DataKey<UnitText> KEY = new DataKey<>() {};

  private final String text;
  /** Where each line begins in {@link #text}; made on first use. */
  private int[] lineStarts;

  private UnitText(String text) {
    this.text = text;
  }

  /**
   * Drops the tokens of one node, keeping its range (call for every node of a unit, parents before
   * their children, then {@link #keep}): its parent's, if that is equal. Lets it share one empty
   * list for its orphan comments and its observers.
   */
  static void dropTokens(Node n) {
    Range range = n.getRange().orElse(null);
    n.setTokenRange(null); // drops the range too: set again
    n.setRange(sharedRange(n, range));
    shareEmptyLists(n);
  }

  /**
   * As {@link #dropTokens}, and the room a node's list of children grew to beyond its children is
   * given back, or the list itself shared for a node without children (most nodes are names and
   * literals): about a twentieth of what a kept unit holds. Call for every node of a unit, parents
   * before their children, then {@link #keep}. (One position object per line and column was tried
   * too: JavaParser already shares the positions of nodes that begin or end together, so it saved
   * nothing.)
   *
   * <p>Also: a node that spans what its parent spans (a name and the expression it is) shares its
   * parent's range; the lists of nodes a node holds ({@link NodeList}s: its modifiers, arguments,
   * statements...) share one empty list when they are empty, and give back the room they grew to
   * otherwise, and every list of theirs shares one empty list of observers; and names and literal
   * values are the ones {@code strings} gives for them, so that a tree holds one copy of each
   * name. Together about a sixth of what the kept units hold (hibernate-core's largest live heap:
   * 858 MB before, 705 MB after).
   */
  static void compact(Node n, UnaryOperator<String> strings) {
    dropTokens(n);
    Nodes.trimChildren(n, NO_ELEMENTS);
    compactNodeLists(n);
    if (STRING_FIELDS != null) {
      int field =
          n instanceof SimpleName ? 0 : n instanceof Name ? 2 : n instanceof LiteralStringValueExpr ? 4 : -1;
      if (field >= 0) {
        // set in place: the setters keep the string they have when it is equal
        try {
          String own = (String) STRING_FIELDS[field].invokeExact(n);
          STRING_FIELDS[field + 1].invokeExact(n, strings.apply(own));
        } catch (Throwable e) {
          throw unchecked(e);
        }
      }
    }
  }

  /**
   * The getter and the setter of the string a {@link SimpleName}, a {@link Name} and a {@link
   * LiteralStringValueExpr} hold, in that order, each taking a {@link Node}: invoked exactly, with
   * no conversion of types to look up at each call (as a field's handle called with a {@code Node}
   * had, about 2 % of a scan of the JDK's sources). Null if JavaParser no longer has these fields
   * (then each node keeps its own).
   */
  private static final MethodHandle[] STRING_FIELDS = stringFields();

  private static MethodHandle[] stringFields() {
    try {
      List<MethodHandle> out = new ArrayList<>();
      for (Class<? extends Node> c : List.of(SimpleName.class, Name.class, LiteralStringValueExpr.class)) {
        VarHandle field =
            MethodHandles.privateLookupIn(c, MethodHandles.lookup())
                .findVarHandle(c, c == LiteralStringValueExpr.class ? "value" : "identifier", String.class);
        out.add(
            field.toMethodHandle(VarHandle.AccessMode.GET).asType(MethodType.methodType(String.class, Node.class)));
        out.add(
            field
                .toMethodHandle(VarHandle.AccessMode.SET)
                .asType(MethodType.methodType(void.class, Node.class, String.class)));
      }
      return out.toArray(new MethodHandle[0]);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** {@code own}, or the equal range of {@code n}'s parent (whose tokens were dropped before). */
  private static Range sharedRange(Node n, Range own) {
    Node parent = own == null ? null : n.getParentNode().orElse(null);
    Range parents = parent == null ? null : parent.getRange().orElse(null);
    return parents != null && own.equals(parents) ? parents : own;
  }

  /**
   * The getters of the {@link NodeList} fields of each class of node, each taking a {@link Node}
   * (as {@link #STRING_FIELDS}); none if JavaParser's fields cannot be read.
   */
  private static final ClassValue<MethodHandle[]> NODE_LIST_FIELDS =
      new ClassValue<>() {
        @Override
        protected MethodHandle[] computeValue(Class<?> type) {
          List<MethodHandle> out = new ArrayList<>();
          try {
            for (Class<?> c = type; c != null && Node.class.isAssignableFrom(c); c = c.getSuperclass()) {
              MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(c, MethodHandles.lookup());
              for (Field f : c.getDeclaredFields()) {
                if (f.getType() == NodeList.class && !Modifier.isStatic(f.getModifiers())) {
                  out.add(lookup.unreflectGetter(f).asType(MethodType.methodType(NodeList.class, Node.class)));
                }
              }
            }
          } catch (ReflectiveOperationException | RuntimeException e) {
            return new MethodHandle[0];
          }
          return out.toArray(new MethodHandle[0]);
        }
      };

  /**
   * A node list's own list of elements and of observers: final fields, set through handles made
   * from accessible {@link Field}s. Null if JavaParser no longer has them (then lists stay as parsed).
   */
  private static final MethodHandle[] NODE_LIST_LISTS = nodeListLists();

  private static MethodHandle[] nodeListLists() {
    try {
      MethodHandle[] out = new MethodHandle[4];
      int i = 0;
      for (String name : List.of("innerList", "observers")) {
        Field f = NodeList.class.getDeclaredField(name);
        f.setAccessible(true);
        out[i++] = MethodHandles.lookup().unreflectGetter(f);
        out[i++] = MethodHandles.lookup().unreflectSetter(f);
      }
      return out;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static void compactNodeLists(Node n) {
    if (NODE_LIST_LISTS == null) {
      return;
    }
    for (MethodHandle field : NODE_LIST_FIELDS.get(n.getClass())) {
      NodeList<?> list;
      try {
        list = (NodeList<?>) field.invokeExact(n);
      } catch (Throwable e) {
        throw unchecked(e);
      }
      if (list != null) {
        compactList(list);
      }
    }
  }

  private static void compactList(NodeList<?> list) {
    try {
      for (int i = 0; i < NODE_LIST_LISTS.length; i += 2) {
        List<?> own = (List<?>) NODE_LIST_LISTS[i].invokeExact((NodeList) list);
        if (own instanceof ArrayList<?> elements && own != NO_ELEMENTS) {
          if (elements.isEmpty()) {
            NODE_LIST_LISTS[i + 1].invokeExact((NodeList) list, (List) NO_ELEMENTS);
          } else {
            elements.trimToSize();
          }
        }
      }
    } catch (Throwable e) {
      throw unchecked(e);
    }
  }

  /** What a handle threw, rethrown as it is if unchecked (the handles read and set fields only). */
  private static RuntimeException unchecked(Throwable e) {
    if (e instanceof RuntimeException r) {
      throw r;
    }
    if (e instanceof Error r) {
      throw r;
    }
    return new IllegalStateException(e);
  }

  /**
   * Every node has its own list of orphan comments and of observers, empty in a kept unit
   * (comments are not attributed, and the engine observes nothing): two lists of the three a
   * node has, about 13 % of what the units of a scan hold. They are replaced by one shared list
   * that refuses elements, so that an unexpected use fails instead of being shared. Null if
   * JavaParser no longer has these fields (then nodes keep their own lists).
   */
  private static final VarHandle[] EMPTY_LIST_FIELDS = emptyListFields();

  private static final ArrayList<Object> NO_ELEMENTS = new NoElements();

  private static VarHandle[] emptyListFields() {
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Node.class, MethodHandles.lookup());
      return new VarHandle[] {
        lookup.findVarHandle(Node.class, "orphanComments", ArrayList.class),
        lookup.findVarHandle(Node.class, "observers", ArrayList.class)
      };
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static void shareEmptyLists(Node n) {
    if (EMPTY_LIST_FIELDS == null) {
      return;
    }
    for (VarHandle field : EMPTY_LIST_FIELDS) {
      ArrayList<?> own = (ArrayList<?>) field.get(n);
      if (own != null && own.isEmpty() && own != NO_ELEMENTS) {
        field.set(n, NO_ELEMENTS);
      }
    }
  }

  /** An empty list that cannot be added to. */
  private static final class NoElements extends ArrayList<Object> {
    private static final long serialVersionUID = 1L;

    NoElements() {
      super(0);
    }

    @Override
    public boolean add(Object e) {
      throw refused();
    }

    @Override
    public void add(int index, Object e) {
      throw refused();
    }

    @Override
    public boolean addAll(Collection<?> c) {
      throw refused();
    }

    @Override
    public boolean addAll(int index, Collection<?> c) {
      throw refused();
    }

    private static UnsupportedOperationException refused() {
      return new UnsupportedOperationException("a node of a kept unit was changed");
    }
  }

  /** Keeps {@code text}, which {@code cu} was parsed from, with it. */
  static void keep(CompilationUnit cu, String text) {
    synchronized (cu) {
      cu.setData(KEY, new UnitText(text));
    }
  }

  /** The code of {@code n} as written in its unit's text, or null if the unit keeps none. */
  static String of(Node n) {
    Range range = n.getRange().orElse(null);
    CompilationUnit cu = n.findCompilationUnit().orElse(null);
    if (range == null || cu == null) {
      return null;
    }
    UnitText t;
    // units are shared by the threads that compute summaries, which add data of their own
    synchronized (cu) {
      t = cu.containsData(KEY) ? cu.getData(KEY) : null;
    }
    return t == null ? null : t.slice(range);
  }

  private synchronized String slice(Range range) {
    if (lineStarts == null) {
      lineStarts = lineStarts(text);
    }
    if (range.begin.line < 1 || range.end.line > lineStarts.length) {
      return null;
    }
    // columns count characters from 1; the end is inclusive
    int begin = lineStarts[range.begin.line - 1] + range.begin.column - 1;
    int end = lineStarts[range.end.line - 1] + range.end.column;
    return begin >= 0 && begin <= end && end <= text.length() ? text.substring(begin, end) : null;
  }

  /** The offsets where lines begin: lines end with \n, \r\n or \r, as for the parser. */
  private static int[] lineStarts(String text) {
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        count++;
      }
    }
    int[] starts = new int[count];
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        starts[line++] = i + 1;
      }
    }
    return starts;
  }
}
