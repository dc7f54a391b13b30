package dev.leakguard.core.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one model file into {@link ResourceModel.Item}s. The grammar is documented in
 * docs/model-format.md; every message names the file, the 1-based line, the offending token and
 * what was expected.
 */
final class ModelParser {
  static final String KINDS =
      "connection, statement, resultset, session, cursor, pool, http-response, redis-connection or jms";
  static final String DIRECTIVES =
      "section, resource, not-resource, acquire, resets-children, closes-with-children, release,"
          + " borrow, transfer,"
          + " wrap, bound-when, keeps-last, implicit-close or annotation";
  static final String SIG_FORM =
      "<fq.Owner>.<method>(<fq.param.Type>,...) or <fq.Owner>.<method>(..)";

  private static final String TYPE_KEY = "type";
  private static final String METHOD_KEY = "signature and directive";
  private static final String RESULT_KEY =
      "signature and result (acquire and borrow both describe the result)";

  private final String source;
  private final List<ResourceModel.Item> items = new ArrayList<>();
  /** Key of each entry seen so far in this file, to its line and text. */
  private final Map<String, ResourceModel.Item> seen = new HashMap<>();
  private String section = "";

  // The line being parsed.
  private int lineNo;
  private String text;
  private String[] tokens;
  private int pos;

  private ModelParser(String source) {
    this.source = source;
  }

  static List<ResourceModel.Item> parse(String source, Reader in) throws ModelException {
    ModelParser p = new ModelParser(source);
    BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
    try {
      String raw;
      while ((raw = r.readLine()) != null) {
        p.lineNo++;
        if (p.lineNo == 1 && raw.startsWith("\uFEFF")) {
          raw = raw.substring(1);
        }
        p.parseLine(raw);
      }
    } catch (IOException e) {
      throw new ModelException(source, "cannot read the model file (" + describe(e) + ")", e);
    }
    return p.items;
  }

  static String describe(Throwable e) {
    String name = e.getClass().getSimpleName();
    return e.getMessage() == null ? name : name + ": " + e.getMessage();
  }

  /** Removes a comment: '#' at the start of the line or after whitespace, up to the end. */
  static String stripComment(String raw) {
    for (int i = raw.indexOf('#'); i >= 0; i = raw.indexOf('#', i + 1)) {
      if (i == 0 || Character.isWhitespace(raw.charAt(i - 1))) {
        return raw.substring(0, i);
      }
    }
    return raw;
  }

  /** What separates tokens, compiled once (String.split compiles it again for every line). */
  private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

  private void parseLine(String raw) throws ModelException {
    text = stripComment(raw).strip();
    if (text.isEmpty()) {
      return;
    }
    tokens = WHITESPACE.split(text);
    pos = 1;
    String directive = tokens[0];
    switch (directive) {
      case "section" -> parseSection();
      case "resource" -> parseResource();
      case "not-resource" -> parseNotResource();
      case "acquire" -> parseAcquire();
      case "resets-children" -> parseResetsChildren();
      case "closes-with-children" -> parseClosesWithChildren();
      case "release" -> parseRelease();
      case "borrow" -> parseBorrow();
      case "transfer" -> parseTransfer();
      case "wrap" -> parseWrap();
      case "bound-when" -> parseBoundWhen();
      case "keeps-last" -> parseKeepsLast();
      case "implicit-close" -> parseImplicitClose();
      case "annotation" -> parseAnnotation();
      default -> throw error("unknown directive", directive, DIRECTIVES);
    }
  }

  // ---------------------------------------------------------------- directives

  private void parseSection() throws ModelException {
    String name = need("section name", "a name for the library, e.g. java.sql");
    if (pos < tokens.length) {
      pos++; // the reference: free text without whitespace, usually a URL
    }
    end("end of line after the section name and its reference");
    section = name;
  }

  private void parseResource() throws ModelException {
    String type = typeToken();
    String kindToken = need("kind", KINDS);
    ResourceKind kind = ResourceKind.fromToken(kindToken);
    if (kind == null) {
      throw error("unknown kind", kindToken, KINDS);
    }
    end("end of line after the kind");
    add("resource", null, "type " + type, type, kind, TYPE_KEY);
  }

  private void parseNotResource() throws ModelException {
    String type = typeToken();
    end("end of line after the type");
    add("not-resource", null, "type " + type, type, null, TYPE_KEY);
  }

  private void parseAcquire() throws ModelException {
    MethodSig sig = sigToken();
    String kindToken = need("kind", KINDS);
    ResourceKind kind = ResourceKind.fromToken(kindToken);
    if (kind == null) {
      throw error("unknown kind", kindToken, KINDS);
    }
    MethodRule.Parent parent = MethodRule.Parent.NONE;
    int parentArg = MethodRule.RECEIVER;
    if (pos < tokens.length) {
      String from = tokens[pos++];
      if (!from.equals("from")) {
        throw error("unexpected", from, "'from receiver', 'from arg <n>' or end of line");
      }
      String what = need("parent", "'receiver' or 'arg <n>' after 'from'");
      if (what.equals("receiver")) {
        if (sig.isConstructor()) {
          throw error(
              "a constructor has no receiver to be created from:",
              what,
              "'from arg <n>' or no 'from' for a constructor");
        }
        parent = MethodRule.Parent.RECEIVER;
      } else if (what.equals("arg")) {
        parent = MethodRule.Parent.ARGUMENT;
        parentArg = index(sig, need("argument index", "a parameter index after 'arg'"));
      } else {
        throw error("unknown parent", what, "'receiver' or 'arg <n>' after 'from'");
      }
    }
    end("end of line");
    add("acquire", sig, "result " + sig, null,
        new MethodRule.Acquire(kind, parent, parentArg, origin()), RESULT_KEY);
  }

  private void parseResetsChildren() throws ModelException {
    MethodSig sig = sigToken();
    if (sig.isConstructor()) {
      throw error("resets-children needs a receiver; a constructor has none:", tokens[1],
          "a method called on a resource");
    }
    end("end of line after the signature");
    add("resets-children", sig, "resets-children " + sig, null,
        new MethodRule.ResetChildren(origin()), METHOD_KEY);
  }

  private void parseClosesWithChildren() throws ModelException {
    MethodSig sig = sigToken();
    if (sig.isConstructor()) {
      throw error("closes-with-children needs a receiver; a constructor has none:", tokens[1],
          "a method called on a resource");
    }
    end("end of line after the signature");
    add("closes-with-children", sig, "closes-with-children " + sig, null,
        new MethodRule.ClosesWithChildren(origin()), METHOD_KEY);
  }

  private void parseRelease() throws ModelException {
    MethodSig sig = sigToken();
    String what = need("what is released", "'receiver' or 'arg <n>[,<n>...]'");
    List<Integer> args;
    if (what.equals("receiver")) {
      if (sig.isConstructor()) {
        throw error("a constructor has no receiver to release:", what, "'arg <n>[,<n>...]'");
      }
      args = List.of(MethodRule.RECEIVER);
    } else if (what.equals("arg")) {
      args = indexes(sig, need("argument indexes", "'<n>[,<n>...]' after 'arg'"));
    } else {
      throw error("unknown release target", what, "'receiver' or 'arg <n>[,<n>...]'");
    }
    boolean quiet = false;
    if (pos < tokens.length) {
      String flag = tokens[pos++];
      if (!flag.equals("quiet")) {
        throw error("unexpected", flag, "'quiet' or end of line");
      }
      quiet = true;
    }
    end("end of line after 'quiet'");
    add("release", sig, "release " + sig, null, new MethodRule.Release(args, quiet, origin()),
        METHOD_KEY);
  }

  private void parseBorrow() throws ModelException {
    MethodSig sig = sigToken();
    if (sig.isConstructor()) {
      throw error("a constructor never returns a borrowed object:", tokens[1],
          "a method signature");
    }
    String of = need("what is borrowed", "'parent' or 'none'");
    MethodRule.BorrowOf borrowOf;
    if (of.equals("parent")) {
      borrowOf = MethodRule.BorrowOf.PARENT_OF_RECEIVER;
    } else if (of.equals("none")) {
      borrowOf = MethodRule.BorrowOf.NONE;
    } else {
      throw error("unknown borrow target", of, "'parent' or 'none'");
    }
    end("end of line");
    add("borrow", sig, "result " + sig, null, new MethodRule.Borrow(borrowOf, origin()),
        RESULT_KEY);
  }

  private void parseTransfer() throws ModelException {
    MethodSig sig = sigToken();
    String what = need("what is handed over", "'receiver' or 'arg <n>[,<n>...]'");
    List<Integer> args;
    if (what.equals("receiver")) {
      if (sig.isConstructor()) {
        throw error("a constructor has no receiver to hand over:", what, "'arg <n>[,<n>...]'");
      }
      args = List.of(MethodRule.RECEIVER);
    } else if (what.equals("arg")) {
      args = indexes(sig, need("argument indexes", "'<n>[,<n>...]' after 'arg'"));
    } else {
      throw error("unexpected", what, "'receiver' or 'arg <n>[,<n>...]'");
    }
    end("end of line");
    add("transfer", sig, "transfer " + sig, null, new MethodRule.Transfer(args, origin()),
        METHOD_KEY);
  }

  private void parseWrap() throws ModelException {
    MethodSig sig = sigToken();
    String arg = need("what is wrapped", "'arg <n>' or 'receiver'");
    int index;
    if (arg.equals("receiver")) {
      if (sig.isConstructor()) {
        throw error("a constructor has no receiver to wrap:", arg, "'arg <n>'");
      }
      index = MethodRule.RECEIVER;
    } else if (arg.equals("arg")) {
      index = index(sig, need("argument index", "a parameter index after 'arg'"));
    } else {
      throw error("unexpected", arg, "'arg <n>' or 'receiver'");
    }
    end("end of line (wrap names a single argument)");
    add("wrap", sig, "wrap " + sig, null, new MethodRule.Wrap(index, origin()), METHOD_KEY);
  }

  private void parseBoundWhen() throws ModelException {
    MethodSig sig = sigToken();
    List<String> guards = new ArrayList<>();
    while (pos < tokens.length) {
      String g = tokens[pos++];
      if (g.startsWith("@")) {
        if (!g.substring(1).matches("[\\w$]+(\\.[\\w$]+)+")) {
          throw error("malformed annotation", g, "'@' and a fully qualified annotation name");
        }
        guards.add(g);
        continue;
      }
      MethodSig guard;
      try {
        guard = MethodSig.parse(g);
      } catch (IllegalArgumentException e) {
        throw error("malformed guard", g, BOUND_GUARD_FORM, e.getMessage());
      }
      if (guard.isConstructor() || guard.anyOverload() || !guard.paramTypes().isEmpty()) {
        throw error("a guard is a method of no arguments:", g, BOUND_GUARD_FORM);
      }
      guards.add(MethodRule.guardMethod(guard.owner(), guard.name()));
    }
    if (guards.isEmpty()) {
      throw error("missing guard after", sig.toString(), BOUND_GUARD_FORM);
    }
    add("bound-when", sig, "bound-when " + sig, null, new MethodRule.BoundWhen(List.copyOf(guards), origin()),
        METHOD_KEY);
  }

  private void parseKeepsLast() throws ModelException {
    MethodSig sig = sigToken();
    if (sig.isConstructor()) {
      throw error("a constructor has no receiver to keep its result:", sig.toString(), "a method signature");
    }
    end("end of line");
    add("keeps-last", sig, "keeps-last " + sig, null, new MethodRule.KeepsLast(origin()), METHOD_KEY);
  }

  private static final String BOUND_GUARD_FORM =
      "one or more guards: 'owner.method()' (a static method of no arguments) or '@annotation.Name'";

  private void parseImplicitClose() throws ModelException {
    String parentToken = need("parent kind", KINDS);
    ResourceKind parent = ResourceKind.fromToken(parentToken);
    if (parent == null) {
      throw error("unknown kind", parentToken, KINDS);
    }
    String childToken = need("child kind", KINDS);
    ResourceKind child = ResourceKind.fromToken(childToken);
    if (child == null) {
      throw error("unknown kind", childToken, KINDS);
    }
    // kinds rank in declaration order (connection > statement > resultset > session > cursor
    // ...), so rules cannot make a cycle; a non-JDBC kind may be its own parent (a JMS session of
    // a JMS connection)
    if (child.ordinal() < parent.ordinal() || (child == parent && parent.isJdbc())) {
      throw error("a " + parent.token() + " cannot be the parent of a", childToken,
          "a child kind below the parent (connection > statement > resultset > session > cursor >"
              + " pool > http-response > redis-connection > jms; a non-JDBC kind may be its own parent)");
    }
    String modeToken = need("mode", "'silent' or 'report'");
    ImplicitClose mode =
        switch (modeToken) {
          case "silent" -> ImplicitClose.SILENT;
          case "report" -> ImplicitClose.REPORT;
          default -> throw error("unknown mode", modeToken, "'silent' or 'report'");
        };
    end("end of line after the mode");
    add("implicit-close", null, "implicit-close " + parent + " " + child, null,
        new ResourceModel.ImplicitCloseRule(parent, child, mode), "parent and child kind");
  }

  private void parseAnnotation() throws ModelException {
    String name = need("annotation simple name", "a simple name such as WillClose");
    if (name.startsWith("@")) {
      throw error("write the annotation name without '@':", name, name.substring(1));
    }
    if (!MethodSig.isIdentifier(name)) {
      throw error("not a simple annotation name:", name,
          "the simple name only, e.g. WillClose (annotations are matched by simple name)");
    }
    String roleToken = need("role", roles());
    AnnotationRole role = ResourceModel.roleFromToken(roleToken);
    if (role == null) {
      throw error("unknown role", roleToken, roles());
    }
    end("end of line after the role (write one role per line)");
    add("annotation", null,
        "annotation " + name + " " + ResourceModel.AnnotationTarget.of(role), null,
        new ResourceModel.AnnotationRule(name, role),
        "annotation name and target (method, parameter or field)");
  }

  // ---------------------------------------------------------------- tokens

  private String need(String what, String expected) throws ModelException {
    if (pos >= tokens.length) {
      throw new ModelException(source, lineNo,
          "missing " + what + " at the end of '" + text + "'; expected " + expected);
    }
    return tokens[pos++];
  }

  private void end(String expected) throws ModelException {
    if (pos < tokens.length) {
      throw error("unexpected", tokens[pos], expected);
    }
  }

  private String typeToken() throws ModelException {
    String type = need("type", "a fully qualified type name, e.g. java.sql.Connection");
    try {
      MethodSig.checkTypeName(type, "type");
    } catch (IllegalArgumentException e) {
      throw error("malformed type", type, "a fully qualified type name, e.g. java.sql.Connection",
          e.getMessage());
    }
    return type;
  }

  private MethodSig sigToken() throws ModelException {
    String token = need("method signature", SIG_FORM);
    if (token.indexOf('(') >= 0 && token.indexOf(')') < 0) {
      // "Owner.m(java.lang.String, int)" was split at the space.
      StringBuilder joined = new StringBuilder(token);
      for (int i = pos; i < tokens.length && joined.indexOf(")") < 0; i++) {
        joined.append(' ').append(tokens[i]);
      }
      throw error("malformed signature", joined.toString(), SIG_FORM,
          "a signature must not contain whitespace");
    }
    try {
      return MethodSig.parse(token);
    } catch (IllegalArgumentException e) {
      throw error("malformed signature", token, SIG_FORM, e.getMessage());
    }
  }

  private List<Integer> indexes(MethodSig sig, String token) throws ModelException {
    List<Integer> out = new ArrayList<>();
    String[] parts = token.split(",", -1);
    for (String part : parts) {
      if (part.isEmpty()) {
        throw error("argument index list", token,
            "indexes separated by commas without spaces, e.g. 0,1,2",
            "an index is missing");
      }
    }
    for (String part : parts) {
      int i = index(sig, part);
      if (out.contains(i)) {
        throw error("repeated argument index", part, "each index once");
      }
      out.add(i);
    }
    return List.copyOf(out);
  }

  private int index(MethodSig sig, String token) throws ModelException {
    int i;
    try {
      if (token.isEmpty() || !token.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new NumberFormatException();
      }
      i = Integer.parseInt(token);
    } catch (NumberFormatException e) {
      throw error("argument index", token, "a parameter index 0, 1, ... (comma separated, no"
          + " spaces)", "not a non-negative number");
    }
    if (!sig.anyOverload() && i >= sig.paramTypes().size()) {
      int n = sig.paramTypes().size();
      throw error("argument index", token,
          n == 0 ? "no index: the method has no parameters"
              : "an index from 0 to " + (n - 1) + " (indexes start at 0)",
          "out of range for " + n + " parameter" + (n == 1 ? "" : "s"));
    }
    return i;
  }

  // ---------------------------------------------------------------- entries and errors

  private String origin() {
    return source + ":" + lineNo;
  }

  /**
   * Records an entry unless this file already has one with the same key.
   *
   * @param keyWhat what the key is, for the message ("signature and directive", "type", ...)
   */
  private void add(String directive, MethodSig sig, String key, String type, Object payload,
      String keyWhat) throws ModelException {
    ResourceModel.Item prior = seen.get(key);
    if (prior != null) {
      String token = sig != null ? sig.toString() : tokens[1];
      String verb = String.join(" ", tokens).equals(String.join(" ",
          WHITESPACE.split(prior.entry().text()))) ? "repeats" : "conflicts with";
      throw new ModelException(source, lineNo,
          "'" + token + "' in '" + text + "' " + verb + " '" + prior.entry().text()
              + "' at line " + prior.line() + "; expected one entry per " + keyWhat);
    }
    ResourceModel.Entry entry =
        new ResourceModel.Entry(directive, sig, text, origin(), section);
    ResourceModel.Item item = new ResourceModel.Item(entry, key, type, payload, lineNo);
    seen.put(key, item);
    items.add(item);
  }

  private ModelException error(String problem, String token, String expected) {
    return new ModelException(source, lineNo,
        problem + " '" + token + "' in '" + text + "'; expected " + expected);
  }

  private ModelException error(String problem, String token, String expected, String reason) {
    return new ModelException(source, lineNo,
        problem + " '" + token + "' in '" + text + "' (" + reason + "); expected " + expected);
  }

  private static String roles() {
    List<String> names = new ArrayList<>();
    for (AnnotationRole r : AnnotationRole.values()) {
      names.add(ResourceModel.roleToken(r));
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " or "
        + names.get(names.size() - 1);
  }
}
