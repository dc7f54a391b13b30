package dev.leakguard.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.leakguard.core.model.MethodRule.Acquire;
import dev.leakguard.core.model.MethodRule.BorrowOf;
import dev.leakguard.core.model.MethodRule.Parent;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelParserTest {
  private static final String FILE = "my-model.txt";
  /** Two lines before the line under test, so line numbers are checked to be 1-based. */
  private static final String PREFIX = "# a user model\n\n";

  private static ResourceModel parse(String text) throws ModelException {
    return ResourceModel.parse(FILE, new StringReader(text));
  }

  private static String origin(int line) {
    return FILE + ":" + line;
  }

  // ------------------------------------------------------------------ valid method lines

  static Stream<Arguments> validMethodLines() {
    String o = origin(3);
    return Stream.of(
        Arguments.of("acquire com.acme.Db.open() connection",
            "com.acme.Db", "open", List.of(),
            List.of(new Acquire(ResourceKind.CONNECTION, Parent.NONE, MethodRule.RECEIVER, o))),
        Arguments.of("acquire com.acme.Db.statement(java.lang.String) statement from receiver",
            "com.acme.Db", "statement", List.of("java.lang.String"),
            List.of(new Acquire(ResourceKind.STATEMENT, Parent.RECEIVER, MethodRule.RECEIVER, o))),
        Arguments.of("acquire com.acme.Db.query(java.sql.Statement,int) resultset from arg 0",
            "com.acme.Db", "query", List.of("java.sql.Statement", "int"),
            List.of(new Acquire(ResourceKind.RESULT_SET, Parent.ARGUMENT, 0, o))),
        Arguments.of("acquire com.acme.Db.query(..) resultset from arg 1",
            "com.acme.Db", "query", List.of("int", "java.sql.Statement"),
            List.of(new Acquire(ResourceKind.RESULT_SET, Parent.ARGUMENT, 1, o))),
        Arguments.of("acquire com.acme.OwnConnection.<init>(java.lang.String) connection",
            "com.acme.OwnConnection", "<init>", List.of("java.lang.String"),
            List.of(new Acquire(ResourceKind.CONNECTION, Parent.NONE, MethodRule.RECEIVER, o))),
        Arguments.of("release com.acme.Db.shutdown() receiver",
            "com.acme.Db", "shutdown", List.of(),
            List.of(new MethodRule.Release(List.of(MethodRule.RECEIVER), false, o))),
        Arguments.of(
            "release com.acme.Util.closeAll(java.sql.Connection,java.sql.Statement) arg 1,0 quiet",
            "com.acme.Util", "closeAll", List.of("java.sql.Connection", "java.sql.Statement"),
            List.of(new MethodRule.Release(List.of(1, 0), true, o))),
        Arguments.of("release com.acme.Util.closeAll(java.lang.AutoCloseable[]) arg 0",
            "com.acme.Util", "closeAll", List.of("java.lang.AutoCloseable[]"),
            List.of(new MethodRule.Release(List.of(0), false, o))),
        Arguments.of("borrow com.acme.Cursor.owner() parent",
            "com.acme.Cursor", "owner", List.of(),
            List.of(new MethodRule.Borrow(BorrowOf.PARENT_OF_RECEIVER, o))),
        Arguments.of("borrow com.acme.Holder.current() none",
            "com.acme.Holder", "current", List.of(),
            List.of(new MethodRule.Borrow(BorrowOf.NONE, o))),
        Arguments.of("transfer com.acme.Pool.giveBack(java.lang.String,java.sql.Connection) arg 1",
            "com.acme.Pool", "giveBack", List.of("java.lang.String", "java.sql.Connection"),
            List.of(new MethodRule.Transfer(List.of(1), o))),
        Arguments.of("wrap com.acme.Session.<init>(java.sql.Connection) arg 0",
            "com.acme.Session", "<init>", List.of("java.sql.Connection"),
            List.of(new MethodRule.Wrap(0, o))),
        Arguments.of("wrap com.acme.Cursor.unwrap(java.lang.Class) receiver",
            "com.acme.Cursor", "unwrap", List.of("java.lang.Class"),
            List.of(new MethodRule.Wrap(MethodRule.RECEIVER, o))),
        Arguments.of("resets-children com.acme.Query.rerun(..)",
            "com.acme.Query", "rerun", List.of("boolean"),
            List.of(new MethodRule.ResetChildren(o))),
        Arguments.of("acquire com.acme.Db.open() connection   # trailing comment",
            "com.acme.Db", "open", List.of(),
            List.of(new Acquire(ResourceKind.CONNECTION, Parent.NONE, MethodRule.RECEIVER, o))),
        Arguments.of("\t acquire\tcom.acme.Db.open()   connection\t",
            "com.acme.Db", "open", List.of(),
            List.of(new Acquire(ResourceKind.CONNECTION, Parent.NONE, MethodRule.RECEIVER, o))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validMethodLines")
  void parsesValidMethodLine(
      String line, String owner, String name, List<String> params, List<MethodRule> expected)
      throws ModelException {
    ResourceModel model = parse(PREFIX + line + "\n");
    assertEquals(expected, model.rules(owner, name, params));
    assertTrue(model.ownersWithRules().contains(owner));
    assertTrue(model.methodNamesWithRules().contains(name));
    assertEquals(1, model.entries().size());
    ResourceModel.Entry entry = model.entries().get(0);
    assertEquals(origin(3), entry.origin());
    assertEquals(line.split("#")[0].strip(), entry.text());
    assertEquals(MethodSig.parse(line.strip().split("\\s+")[1]), entry.sig());
  }

  @Test
  void explicitSignatureDoesNotMatchOtherOverloadsOrOtherOwners() throws ModelException {
    ResourceModel model = parse("acquire com.acme.Db.open(java.lang.String) connection\n");
    assertEquals(1, model.rules("com.acme.Db", "open", List.of("java.lang.String")).size());
    assertEquals(List.of(), model.rules("com.acme.Db", "open", List.of()));
    assertEquals(List.of(), model.rules("com.acme.Db", "open", List.of("java.lang.Object")));
    assertEquals(List.of(), model.rules("com.acme.SubDb", "open", List.of("java.lang.String")));
  }

  @Test
  void explicitOverloadHidesAnyOverloadEntryOfTheSameDirective() throws ModelException {
    ResourceModel model = parse(String.join("\n",
        "acquire com.acme.Db.get(..) connection",
        "borrow com.acme.Db.get(java.lang.String) none",
        "resets-children com.acme.Db.get(..)",
        ""));
    assertEquals(
        List.of(new MethodRule.ResetChildren(origin(3)),
            new MethodRule.Borrow(BorrowOf.NONE, origin(2))),
        model.rules("com.acme.Db", "get", List.of("java.lang.String")));
    assertEquals(
        List.of(new MethodRule.ResetChildren(origin(3)),
            new Acquire(ResourceKind.CONNECTION, Parent.NONE, MethodRule.RECEIVER, origin(1))),
        model.rules("com.acme.Db", "get", List.of("int")));
  }

  @Test
  void rulesComeInEffectOrder() throws ModelException {
    ResourceModel model = parse(String.join("\n",
        "acquire com.acme.S.next(java.sql.ResultSet) resultset from receiver",
        "transfer com.acme.S.next(java.sql.ResultSet) arg 0",
        "release com.acme.S.next(java.sql.ResultSet) receiver",
        "resets-children com.acme.S.next(java.sql.ResultSet)",
        ""));
    List<MethodRule> rules = model.rules("com.acme.S", "next", List.of("java.sql.ResultSet"));
    assertEquals(4, rules.size());
    assertTrue(rules.get(0) instanceof MethodRule.ResetChildren);
    assertTrue(rules.get(1) instanceof MethodRule.Release);
    assertTrue(rules.get(2) instanceof MethodRule.Transfer);
    assertTrue(rules.get(3) instanceof Acquire);
    assertEquals(rules, model.rules(MethodSig.parse("com.acme.S.next(java.sql.ResultSet)")));
  }

  // ------------------------------------------------------------------ other directives

  @Test
  void typesImplicitCloseAnnotationsAndSections() throws ModelException {
    ResourceModel model = parse(String.join("\n",
        "resource com.acme.Conn connection   # before any section",
        "section acme https://acme.example/docs/api.html#db",
        "resource com.acme.Cursor resultset",
        "   # only a comment",
        "not-resource com.acme.OfflineCursor",
        "section acme-2",
        "implicit-close statement resultset report",
        "implicit-close connection resultset silent",
        "annotation Closes param-released",
        "annotation Keeps param-owned",
        "annotation Keeps field-owned",
        "annotation Fresh returns-owned",
        "annotation Mine returns-borrowed",
        "annotation Lent param-borrowed",
        "annotation Wraps param-wrapped",
        "acquire com.acme.Conn.cursor() RESULTSET",
        ""));
    assertEquals(ResourceKind.CONNECTION, model.resourceKind("com.acme.Conn"));
    assertEquals(ResourceKind.RESULT_SET, model.resourceKind("com.acme.Cursor"));
    assertNull(model.resourceKind("com.acme.OfflineCursor"));
    assertTrue(model.isNotResource("com.acme.OfflineCursor"));
    assertFalse(model.isNotResource("com.acme.Cursor"));
    assertNull(model.resourceKind("com.acme.Unknown"));
    assertEquals(Set.of("com.acme.Conn", "com.acme.Cursor"), model.resourceTypes());

    assertEquals(ImplicitClose.REPORT,
        model.implicitClose(ResourceKind.STATEMENT, ResourceKind.RESULT_SET));
    assertEquals(ImplicitClose.SILENT,
        model.implicitClose(ResourceKind.CONNECTION, ResourceKind.RESULT_SET));
    assertEquals(ImplicitClose.NONE,
        model.implicitClose(ResourceKind.CONNECTION, ResourceKind.STATEMENT));

    assertEquals(Set.of(AnnotationRole.PARAM_RELEASED), model.annotationRoles("Closes"));
    assertEquals(Set.of(AnnotationRole.PARAM_OWNED, AnnotationRole.FIELD_OWNED),
        model.annotationRoles("Keeps"));
    assertEquals(Set.of(AnnotationRole.RETURNS_OWNED), model.annotationRoles("Fresh"));
    assertEquals(Set.of(AnnotationRole.RETURNS_BORROWED), model.annotationRoles("Mine"));
    assertEquals(Set.of(AnnotationRole.PARAM_BORROWED), model.annotationRoles("Lent"));
    assertEquals(Set.of(AnnotationRole.PARAM_WRAPPED), model.annotationRoles("Wraps"));
    assertEquals(Set.of(), model.annotationRoles("keeps"));

    List<ResourceModel.Entry> entries = model.entries();
    assertEquals(13, entries.size());
    assertEquals(new ResourceModel.Entry("resource", null, "resource com.acme.Conn connection",
        origin(1), ""), entries.get(0));
    assertEquals(new ResourceModel.Entry("resource", null, "resource com.acme.Cursor resultset",
        origin(3), "acme"), entries.get(1));
    assertEquals("acme", entries.get(2).section());
    assertEquals(origin(5), entries.get(2).origin());
    assertEquals("acme-2", entries.get(12).section());
    assertEquals(List.of(new Acquire(ResourceKind.RESULT_SET, Parent.NONE, -1, origin(16))),
        model.rules("com.acme.Conn", "cursor", List.of()));
  }

  @Test
  void resourceKindOfWalksSupertypesAndNotResourceWins() throws ModelException {
    ResourceModel model = parse(String.join("\n",
        "resource java.sql.ResultSet resultset",
        "resource java.sql.Statement statement",
        "not-resource com.acme.Offline",
        "resource com.acme.OnlineAgain resultset",
        ""));
    assertEquals(ResourceKind.RESULT_SET,
        model.resourceKindOf("com.acme.Rs", List.of("java.sql.ResultSet", "java.lang.Object")));
    assertNull(model.resourceKindOf("com.acme.Sub",
        List.of("com.acme.Offline", "java.sql.ResultSet")));
    assertNull(model.resourceKindOf("com.acme.Sub",
        List.of("java.sql.ResultSet", "com.acme.Offline")));
    // The type's own entry decides.
    assertEquals(ResourceKind.RESULT_SET, model.resourceKindOf("com.acme.OnlineAgain",
        List.of("com.acme.Offline", "java.sql.ResultSet")));
    assertNull(model.resourceKindOf("com.acme.Offline", List.of("java.sql.ResultSet")));
    // Nearest first.
    assertEquals(ResourceKind.STATEMENT, model.resourceKindOf("com.acme.Odd",
        List.of("java.sql.Statement", "java.sql.ResultSet")));
    assertNull(model.resourceKindOf("java.lang.String", List.of("java.lang.Object")));
  }


  @Test
  void blankLinesCommentsCrLfAndByteOrderMark() throws ModelException {
    ResourceModel model = parse(
        "\uFEFF# heading\r\n\r\n   \r\n\t# indented comment\r\n"
            + "resource com.acme.Conn connection # trailing\r\n"
            + "section acme https://acme.example/api#fragment   # '#' inside a token is kept\r\n"
            + "acquire com.acme.Db.open() connection\r\n");
    assertEquals(2, model.entries().size());
    assertEquals(origin(5), model.entries().get(0).origin());
    assertEquals("resource com.acme.Conn connection", model.entries().get(0).text());
    assertEquals(origin(7), model.entries().get(1).origin());
    assertEquals("acme", model.entries().get(1).section());
  }

  @Test
  void commentStartsAtHashAtLineStartOrAfterWhitespace() {
    assertEquals("", ModelParser.stripComment("# all comment"));
    assertEquals("a b ", ModelParser.stripComment("a b # comment"));
    assertEquals("a\t", ModelParser.stripComment("a\t#comment"));
    assertEquals("section x https://h/p#frag",
        ModelParser.stripComment("section x https://h/p#frag"));
  }

  @Test
  void guardsOfBoundWhenBecomeFlags() throws ModelException {
    ResourceModel model =
        parse(PREFIX + "acquire com.acme.Db.current() connection\n"
            + "bound-when com.acme.Db.current() com.acme.Tx.active() @com.acme.InTransaction\n"
            + "bound-when com.acme.Db.peek() com.acme.Tx.active()\n");
    assertEquals(
        List.of(
            new Acquire(ResourceKind.CONNECTION, Parent.NONE, MethodRule.RECEIVER, origin(3)),
            new MethodRule.BoundWhen(List.of("com.acme.Tx.active()", "@com.acme.InTransaction"), origin(4))),
        model.rules("com.acme.Db", "current", List.of()));
    // it only qualifies an acquisition: alone it says nothing of the call
    assertEquals(List.of(), model.rules("com.acme.Db", "peek", List.of()));
    assertEquals("guard:com.acme.Tx.active()", model.guardFlag("com.acme.Tx", "active"));
    assertEquals(null, model.guardFlag("com.acme.Tx", "inactive"));
    assertEquals(
        List.of("guard:@com.acme.InTransaction"),
        model.guardFlagsOfAnnotations(List.of("com.acme.Other", "com.acme.InTransaction")));
    assertEquals(Set.of("com.acme.InTransaction"), model.guardAnnotations());
  }

  @Test
  void keepsLastQualifiesAnAcquisition() throws ModelException {
    ResourceModel model =
        parse(PREFIX + "acquire com.acme.Pooled.handle() connection from receiver\n"
            + "keeps-last com.acme.Pooled.handle()\n"
            + "keeps-last com.acme.Pooled.peek()\n");
    assertEquals(
        List.of(
            new Acquire(ResourceKind.CONNECTION, Parent.RECEIVER, MethodRule.RECEIVER, origin(3)),
            new MethodRule.KeepsLast(origin(4))),
        model.rules("com.acme.Pooled", "handle", List.of()));
    // alone it says nothing of the call
    assertEquals(List.of(), model.rules("com.acme.Pooled", "peek", List.of()));
  }

  @Test
  void emptyInputIsAnEmptyModel() throws ModelException {
    ResourceModel model = parse("");
    assertEquals(List.of(), model.entries());
    assertEquals(Set.of(), model.resourceTypes());
    assertEquals(List.of(), model.rules("java.sql.Connection", "close", List.of()));
  }

  // ------------------------------------------------------------------ malformed lines

  static Stream<Arguments> malformedLines() {
    String sig = "; expected " + ModelParser.SIG_FORM;
    String kinds = "; expected connection, statement, resultset, session, cursor, pool, http-response, redis-connection or jms";
    return Stream.of(
        // the example of the format documentation
        Arguments.of("acquire com.acme.Db.open() conection",
            "unknown kind 'conection' in 'acquire com.acme.Db.open() conection'" + kinds),
        Arguments.of("aquire com.acme.Db.open() connection",
            "unknown directive 'aquire' in 'aquire com.acme.Db.open() connection'; expected"
                + " section, resource, not-resource, acquire, resets-children, closes-with-children,"
                + " release, borrow, transfer, wrap, bound-when, keeps-last, implicit-close or annotation"),
        Arguments.of("Acquire com.acme.Db.open() connection",
            "unknown directive 'Acquire' in 'Acquire com.acme.Db.open() connection'; expected"
                + " section, resource, not-resource, acquire, resets-children, closes-with-children,"
                + " release, borrow, transfer, wrap, bound-when, keeps-last, implicit-close or annotation"),
        Arguments.of("acquire",
            "missing method signature at the end of 'acquire'" + sig),
        Arguments.of("bound-when com.acme.Db.current()",
            "missing guard after 'com.acme.Db.current()' in 'bound-when com.acme.Db.current()'; expected"
                + " one or more guards: 'owner.method()' (a static method of no arguments) or '@annotation.Name'"),
        Arguments.of("bound-when com.acme.Db.current() com.acme.Tx.active(int)",
            "a guard is a method of no arguments: 'com.acme.Tx.active(int)' in 'bound-when com.acme.Db.current()"
                + " com.acme.Tx.active(int)'; expected one or more guards: 'owner.method()' (a static method"
                + " of no arguments) or '@annotation.Name'"),
        Arguments.of("bound-when com.acme.Db.current() @Transactional",
            "malformed annotation '@Transactional' in 'bound-when com.acme.Db.current() @Transactional';"
                + " expected '@' and a fully qualified annotation name"),
        Arguments.of("keeps-last com.acme.Pooled.<init>()",
            "a constructor has no receiver to keep its result: 'com.acme.Pooled.<init>()' in"
                + " 'keeps-last com.acme.Pooled.<init>()'; expected a method signature"),
        Arguments.of("keeps-last com.acme.Pooled.handle() receiver",
            "unexpected 'receiver' in 'keeps-last com.acme.Pooled.handle() receiver'; expected end of line"),
        Arguments.of("acquire com.acme.Db.open()",
            "missing kind at the end of 'acquire com.acme.Db.open()'" + kinds),
        Arguments.of("acquire Db.open() connection",
            "malformed signature 'Db.open()' in 'acquire Db.open() connection' (owner 'Db' is"
                + " not fully qualified (write the package too, e.g. java.lang.Db))" + sig),
        Arguments.of("acquire com.acme.Db.open connection",
            "malformed signature 'com.acme.Db.open' in 'acquire com.acme.Db.open connection'"
                + " (missing parameter list '(...)')" + sig),
        Arguments.of("acquire com.acme.Db.open(String) connection",
            "malformed signature 'com.acme.Db.open(String)' in 'acquire com.acme.Db.open(String)"
                + " connection' (parameter type 'String' is not fully qualified (write the"
                + " package too, e.g. java.lang.String))" + sig),
        Arguments.of("acquire com.acme.Db.open(java.lang.String, int) connection",
            "malformed signature 'com.acme.Db.open(java.lang.String, int)' in 'acquire"
                + " com.acme.Db.open(java.lang.String, int) connection' (a signature must not"
                + " contain whitespace)" + sig),
        Arguments.of("release org.apache.commons.io.IOUtils.closeQuietly(java.io.Closeable...)"
                + " arg 0",
            "malformed signature 'org.apache.commons.io.IOUtils.closeQuietly(java.io.Closeable...)'"
                + " in 'release org.apache.commons.io.IOUtils.closeQuietly(java.io.Closeable...)"
                + " arg 0' (varargs parameter 'java.io.Closeable...': write it as an array, e.g."
                + " java.io.Closeable[])" + sig),
        Arguments.of("acquire com.acme.Db.open() connection from",
            "missing parent at the end of 'acquire com.acme.Db.open() connection from'; expected"
                + " 'receiver' or 'arg <n>' after 'from'"),
        Arguments.of("acquire com.acme.Db.open() connection from parent",
            "unknown parent 'parent' in 'acquire com.acme.Db.open() connection from parent';"
                + " expected 'receiver' or 'arg <n>' after 'from'"),
        Arguments.of("acquire com.acme.Db.open(int) connection from arg",
            "missing argument index at the end of 'acquire com.acme.Db.open(int) connection from"
                + " arg'; expected a parameter index after 'arg'"),
        Arguments.of("acquire com.acme.Db.open(int) connection from arg first",
            "argument index 'first' in 'acquire com.acme.Db.open(int) connection from arg first'"
                + " (not a non-negative number); expected a parameter index 0, 1, ... (comma"
                + " separated, no spaces)"),
        Arguments.of("acquire com.acme.Db.open(int) connection from arg -1",
            "argument index '-1' in 'acquire com.acme.Db.open(int) connection from arg -1'"
                + " (not a non-negative number); expected a parameter index 0, 1, ... (comma"
                + " separated, no spaces)"),
        Arguments.of("acquire com.acme.Db.open(int) connection from arg 1",
            "argument index '1' in 'acquire com.acme.Db.open(int) connection from arg 1' (out of"
                + " range for 1 parameter); expected an index from 0 to 0 (indexes start at 0)"),
        Arguments.of("release com.acme.Db.shut() arg 0",
            "argument index '0' in 'release com.acme.Db.shut() arg 0' (out of range for 0"
                + " parameters); expected no index: the method has no parameters"),
        Arguments.of("acquire com.acme.Db.open() connection to receiver",
            "unexpected 'to' in 'acquire com.acme.Db.open() connection to receiver'; expected"
                + " 'from receiver', 'from arg <n>' or end of line"),
        Arguments.of("acquire com.acme.Db.open() connection from receiver now",
            "unexpected 'now' in 'acquire com.acme.Db.open() connection from receiver now';"
                + " expected end of line"),
        Arguments.of("acquire com.acme.Conn.<init>() connection from receiver",
            "a constructor has no receiver to be created from: 'receiver' in 'acquire"
                + " com.acme.Conn.<init>() connection from receiver'; expected 'from arg <n>' or"
                + " no 'from' for a constructor"),
        Arguments.of("release com.acme.Db.close() receiver loudly",
            "unexpected 'loudly' in 'release com.acme.Db.close() receiver loudly'; expected"
                + " 'quiet' or end of line"),
        Arguments.of("release com.acme.Db.close() receiver quiet quiet",
            "unexpected 'quiet' in 'release com.acme.Db.close() receiver quiet quiet'; expected"
                + " end of line after 'quiet'"),
        Arguments.of("release com.acme.Db.close()",
            "missing what is released at the end of 'release com.acme.Db.close()'; expected"
                + " 'receiver' or 'arg <n>[,<n>...]'"),
        Arguments.of("release com.acme.Db.close() everything",
            "unknown release target 'everything' in 'release com.acme.Db.close() everything';"
                + " expected 'receiver' or 'arg <n>[,<n>...]'"),
        Arguments.of("release com.acme.Db.close(java.sql.Connection,java.sql.Statement) arg 0,0",
            "repeated argument index '0' in 'release"
                + " com.acme.Db.close(java.sql.Connection,java.sql.Statement) arg 0,0'; expected"
                + " each index once"),
        Arguments.of("release com.acme.Db.close(java.sql.Connection,java.sql.Statement) arg 0, 1",
            "argument index list '0,' in 'release"
                + " com.acme.Db.close(java.sql.Connection,java.sql.Statement) arg 0, 1' (an index"
                + " is missing); expected indexes separated by commas without spaces, e.g. 0,1,2"),
        Arguments.of("release com.acme.Db.<init>() receiver",
            "a constructor has no receiver to release: 'receiver' in 'release"
                + " com.acme.Db.<init>() receiver'; expected 'arg <n>[,<n>...]'"),
        Arguments.of("borrow com.acme.Db.get() child",
            "unknown borrow target 'child' in 'borrow com.acme.Db.get() child'; expected"
                + " 'parent' or 'none'"),
        Arguments.of("borrow com.acme.Db.<init>() none",
            "a constructor never returns a borrowed object: 'com.acme.Db.<init>()' in 'borrow"
                + " com.acme.Db.<init>() none'; expected a method signature"),
        Arguments.of("transfer com.acme.Pool.put(java.sql.Connection) 0",
            "unexpected '0' in 'transfer com.acme.Pool.put(java.sql.Connection) 0'; expected"
                + " 'receiver' or 'arg <n>[,<n>...]'"),
        Arguments.of("wrap com.acme.W.<init>(java.sql.Connection) arg 0 quiet",
            "unexpected 'quiet' in 'wrap com.acme.W.<init>(java.sql.Connection) arg 0 quiet';"
                + " expected end of line (wrap names a single argument)"),
        Arguments.of("wrap com.acme.W.<init>(java.sql.Connection) receiver",
            "a constructor has no receiver to wrap: 'receiver' in 'wrap"
                + " com.acme.W.<init>(java.sql.Connection) receiver'; expected 'arg <n>'"),
        Arguments.of("wrap com.acme.W.of(java.sql.Connection) 0",
            "unexpected '0' in 'wrap com.acme.W.of(java.sql.Connection) 0'; expected 'arg <n>' or"
                + " 'receiver'"),
        Arguments.of("resets-children com.acme.Q.<init>()",
            "resets-children needs a receiver; a constructor has none: 'com.acme.Q.<init>()' in"
                + " 'resets-children com.acme.Q.<init>()'; expected a method called on a"
                + " resource"),
        Arguments.of("resets-children com.acme.Q.run() receiver",
            "unexpected 'receiver' in 'resets-children com.acme.Q.run() receiver'; expected end"
                + " of line after the signature"),
        Arguments.of("resource java.sql.Connection",
            "missing kind at the end of 'resource java.sql.Connection'" + kinds),
        Arguments.of("resource Connection connection",
            "malformed type 'Connection' in 'resource Connection connection' (type 'Connection'"
                + " is not fully qualified (write the package too, e.g. java.lang.Connection));"
                + " expected a fully qualified type name, e.g. java.sql.Connection"),
        Arguments.of("resource java.sql.Connection connection pooled",
            "unexpected 'pooled' in 'resource java.sql.Connection connection pooled'; expected"
                + " end of line after the kind"),
        Arguments.of("not-resource javax.sql.rowset.CachedRowSet disconnected",
            "unexpected 'disconnected' in 'not-resource javax.sql.rowset.CachedRowSet"
                + " disconnected'; expected end of line after the type"),
        Arguments.of("implicit-close statment resultset silent",
            "unknown kind 'statment' in 'implicit-close statment resultset silent'" + kinds),
        Arguments.of("implicit-close statement resultset loud",
            "unknown mode 'loud' in 'implicit-close statement resultset loud'; expected 'silent'"
                + " or 'report'"),
        Arguments.of("implicit-close resultset statement silent",
            "a resultset cannot be the parent of a 'statement' in 'implicit-close resultset"
                + " statement silent'; expected a child kind below the parent (connection >"
                + " statement > resultset > session > cursor > pool > http-response > redis-connection"
                + " > jms; a non-JDBC kind may be its own parent)"),
        Arguments.of("implicit-close statement statement silent",
            "a statement cannot be the parent of a 'statement' in 'implicit-close statement"
                + " statement silent'; expected a child kind below the parent (connection >"
                + " statement > resultset > session > cursor > pool > http-response > redis-connection"
                + " > jms; a non-JDBC kind may be its own parent)"),
        Arguments.of("implicit-close statement resultset",
            "missing mode at the end of 'implicit-close statement resultset'; expected 'silent'"
                + " or 'report'"),
        Arguments.of("annotation WillClose param-closed",
            "unknown role 'param-closed' in 'annotation WillClose param-closed'; expected"
                + " returns-owned, returns-borrowed, param-released, param-owned,"
                + " param-borrowed, param-wrapped or field-owned"),
        Arguments.of("annotation @WillClose param-released",
            "write the annotation name without '@': '@WillClose' in 'annotation @WillClose"
                + " param-released'; expected WillClose"),
        Arguments.of("annotation javax.annotation.WillClose param-released",
            "not a simple annotation name: 'javax.annotation.WillClose' in 'annotation"
                + " javax.annotation.WillClose param-released'; expected the simple name only,"
                + " e.g. WillClose (annotations are matched by simple name)"),
        Arguments.of("annotation Owning param-owned field-owned",
            "unexpected 'field-owned' in 'annotation Owning param-owned field-owned'; expected"
                + " end of line after the role (write one role per line)"),
        Arguments.of("section",
            "missing section name at the end of 'section'; expected a name for the library, e.g."
                + " java.sql"),
        Arguments.of("section acme https://acme.example/ extra",
            "unexpected 'extra' in 'section acme https://acme.example/ extra'; expected end of"
                + " line after the section name and its reference"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedLines")
  void rejectsMalformedLineNamingFileLineAndToken(String line, String message) {
    ModelException e = assertThrows(ModelException.class, () -> parse(PREFIX + line + "\n"));
    assertEquals(FILE + ":3: " + message, e.getMessage());
    assertEquals(FILE, e.source());
    assertEquals(3, e.line());
  }

  static Stream<Arguments> conflictingLines() {
    return Stream.of(
        Arguments.of("resource com.acme.Cursor resultset",
            "resource  com.acme.Cursor   resultset",
            "'com.acme.Cursor' in 'resource  com.acme.Cursor   resultset' repeats 'resource"
                + " com.acme.Cursor resultset' at line 1; expected one entry per type"),
        Arguments.of("release com.acme.Db.close() receiver",
            "release com.acme.Db.close() receiver quiet",
            "'com.acme.Db.close()' in 'release com.acme.Db.close() receiver quiet' conflicts"
                + " with 'release com.acme.Db.close() receiver' at line 1; expected one entry per"
                + " signature and directive"),
        Arguments.of("acquire com.acme.Db.get() connection",
            "borrow com.acme.Db.get() none",
            "'com.acme.Db.get()' in 'borrow com.acme.Db.get() none' conflicts with 'acquire"
                + " com.acme.Db.get() connection' at line 1; expected one entry per signature and"
                + " result (acquire and borrow both describe the result)"),
        Arguments.of("resource com.acme.Cursor resultset",
            "not-resource com.acme.Cursor",
            "'com.acme.Cursor' in 'not-resource com.acme.Cursor' conflicts with 'resource"
                + " com.acme.Cursor resultset' at line 1; expected one entry per type"),
        Arguments.of("implicit-close statement resultset silent",
            "implicit-close statement resultset report",
            "'statement' in 'implicit-close statement resultset report' conflicts with"
                + " 'implicit-close statement resultset silent' at line 1; expected one entry per"
                + " parent and child kind"),
        Arguments.of("annotation Keeps param-owned",
            "annotation Keeps param-released",
            "'Keeps' in 'annotation Keeps param-released' conflicts with 'annotation Keeps"
                + " param-owned' at line 1; expected one entry per annotation name and target"
                + " (method, parameter or field)"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("conflictingLines")
  void rejectsSecondEntryForTheSameKeyInOneFile(String first, String second, String message) {
    ModelException e =
        assertThrows(ModelException.class, () -> parse(first + "\n# between\n" + second + "\n"));
    assertEquals(FILE + ":3: " + message, e.getMessage());
  }

  @Test
  void anyOverloadAndExplicitOverloadAreDifferentEntries() throws ModelException {
    ResourceModel model = parse(
        "acquire com.acme.Db.get(..) connection\nacquire com.acme.Db.get() statement\n");
    assertEquals(2, model.entries().size());
  }

  // ------------------------------------------------------------------ merging

  @Test
  void userModelAddsEntriesAndOverridesSameKey() throws ModelException {
    ResourceModel user = ResourceModel.parse("user.model", new StringReader(String.join("\n",
        "section acme https://acme.example/db",
        "resource com.acme.Conn connection",
        "acquire com.acme.Db.open() connection",
        "# disconnected in our code base",
        "not-resource javax.sql.RowSet",
        "resource javax.sql.rowset.CachedRowSet resultset",
        "release java.sql.Connection.close() receiver quiet",
        "borrow org.springframework.jdbc.datasource.DataSourceUtils.getConnection("
            + "javax.sql.DataSource) none",
        "borrow java.sql.Connection.prepareStatement(java.lang.String) none",
        "implicit-close connection statement silent",
        "annotation Owning param-borrowed",
        "annotation Closes param-released",
        "")));
    ResourceModel builtIn = ResourceModel.builtIn();
    ResourceModel merged = builtIn.merge(user);

    // additions
    assertEquals(ResourceKind.CONNECTION, merged.resourceKind("com.acme.Conn"));
    assertEquals(1, merged.rules("com.acme.Db", "open", List.of()).size());
    assertEquals(Set.of(AnnotationRole.PARAM_RELEASED), merged.annotationRoles("Closes"));
    // built-in entries the user did not touch stay
    assertEquals(ResourceKind.STATEMENT, merged.resourceKind("java.sql.PreparedStatement"));
    assertEquals(builtIn.rules("java.sql.Statement", "executeQuery", List.of("java.lang.String")),
        merged.rules("java.sql.Statement", "executeQuery", List.of("java.lang.String")));
    // a user not-resource wins over a built-in resource, and the other way round
    assertNull(merged.resourceKind("javax.sql.RowSet"));
    assertTrue(merged.isNotResource("javax.sql.RowSet"));
    assertFalse(merged.resourceTypes().contains("javax.sql.RowSet"));
    assertEquals(ResourceKind.RESULT_SET, merged.resourceKind("javax.sql.rowset.CachedRowSet"));
    assertFalse(merged.isNotResource("javax.sql.rowset.CachedRowSet"));
    // the same directive and signature: the user's entry replaces the built-in one
    assertEquals(List.of(new MethodRule.Release(List.of(MethodRule.RECEIVER), true,
            "user.model:7")),
        merged.rules("java.sql.Connection", "close", List.of()));
    // acquire and borrow share a key
    assertEquals(List.of(new MethodRule.Borrow(BorrowOf.NONE, "user.model:8")),
        merged.rules("org.springframework.jdbc.datasource.DataSourceUtils", "getConnection",
            List.of("javax.sql.DataSource")));
    // an explicit overload hides the built-in (..) entry for that overload only
    assertEquals(List.of(new MethodRule.Borrow(BorrowOf.NONE, "user.model:9")),
        merged.rules("java.sql.Connection", "prepareStatement", List.of("java.lang.String")));
    List<MethodRule> other =
        merged.rules("java.sql.Connection", "prepareStatement", List.of("java.lang.String", "int"));
    assertEquals(1, other.size());
    assertTrue(other.get(0) instanceof Acquire a && a.kind() == ResourceKind.STATEMENT);
    // implicit-close and annotation targets
    assertEquals(ImplicitClose.SILENT,
        merged.implicitClose(ResourceKind.CONNECTION, ResourceKind.STATEMENT));
    assertEquals(Set.of(AnnotationRole.PARAM_BORROWED, AnnotationRole.FIELD_OWNED),
        merged.annotationRoles("Owning"));

    // entries: built-in first (minus the replaced ones), then the user's with their origins
    int replaced = 6; // RowSet, CachedRowSet, Connection.close, getConnection, implicit, Owning
    assertEquals(builtIn.entries().size() - replaced + user.entries().size(),
        merged.entries().size());
    ResourceModel.Entry last = merged.entries().get(merged.entries().size() - 1);
    assertEquals("user.model:12", last.origin());
    assertEquals("acme", last.section());
    // merging does not change either input
    assertEquals(ResourceKind.RESULT_SET, builtIn.resourceKind("javax.sql.RowSet"));
  }

  @Test
  void laterUserFileWinsAndErrorsNameTheFile(@TempDir Path dir) throws Exception {
    Path first = dir.resolve("first.model");
    Path second = dir.resolve("second.model");
    Files.writeString(first, "acquire com.acme.Db.open() connection\n", StandardCharsets.UTF_8);
    Files.writeString(second, "# override\nborrow com.acme.Db.open() none\n",
        StandardCharsets.UTF_8);
    ResourceModel model = ResourceModel.withUserFiles(List.of(first, second));
    assertEquals(List.of(new MethodRule.Borrow(BorrowOf.NONE, second + ":2")),
        model.rules("com.acme.Db", "open", List.of()));
    assertTrue(model.entries().size() > ResourceModel.builtIn().entries().size());
    assertEquals(ResourceModel.builtIn().entries(),
        ResourceModel.withUserFiles(List.of()).entries());

    Path bad = dir.resolve("bad.model");
    Files.writeString(bad, "\n\nacquire com.acme.Db.open() conection\n", StandardCharsets.UTF_8);
    ModelException e = assertThrows(ModelException.class,
        () -> ResourceModel.withUserFiles(List.of(first, bad)));
    assertEquals(bad + ":3: unknown kind 'conection' in 'acquire com.acme.Db.open() conection';"
        + " expected connection, statement, resultset, session, cursor, pool, http-response, redis-connection or jms", e.getMessage());
  }

  @Test
  void missingDirectoryAndNonUtf8FilesAreModelExceptions(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("nope.model");
    ModelException e = assertThrows(ModelException.class, () -> ResourceModel.load(missing));
    assertEquals(missing.toString(), e.source());
    assertEquals(0, e.line());
    assertTrue(e.getMessage().startsWith(missing + ": cannot read the model file"
        + " (NoSuchFileException"), e.getMessage());
    assertTrue(e.getCause() instanceof java.nio.file.NoSuchFileException);

    ModelException d = assertThrows(ModelException.class, () -> ResourceModel.load(dir));
    assertEquals(dir + ": cannot read the model file (it is a directory)", d.getMessage());

    Path latin1 = dir.resolve("latin1.model");
    Files.write(latin1, "# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    ModelException u = assertThrows(ModelException.class, () -> ResourceModel.load(latin1));
    assertTrue(u.getMessage().startsWith(latin1 + ": cannot read the model file"
        + " (MalformedInputException"), u.getMessage());

    Path ok = dir.resolve("ok.model");
    Files.writeString(ok, "resource com.acme.Conn connection\n", StandardCharsets.UTF_8);
    assertEquals(ok + ":1", ResourceModel.load(ok).entries().get(0).origin());
  }
}
