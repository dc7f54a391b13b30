package dev.leakguard.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MethodSigTest {

  static Stream<Arguments> validSignatures() {
    return Stream.of(
        // text, owner, name, params ("" = none, null = (..)), descriptor, display
        Arguments.of(
            "java.sql.Connection.prepareStatement(java.lang.String,int)",
            "java.sql.Connection", "prepareStatement", "java.lang.String,int",
            "(Ljava/lang/String;I)", "Connection.prepareStatement(..)"),
        Arguments.of(
            "java.sql.Connection.createStatement()",
            "java.sql.Connection", "createStatement", "",
            "()", "Connection.createStatement(..)"),
        Arguments.of(
            "java.sql.Connection.prepareStatement(..)",
            "java.sql.Connection", "prepareStatement", null,
            null, "Connection.prepareStatement(..)"),
        Arguments.of(
            "java.sql.Connection.prepareStatement(java.lang.String,java.lang.String[])",
            "java.sql.Connection", "prepareStatement", "java.lang.String,java.lang.String[]",
            "(Ljava/lang/String;[Ljava/lang/String;)", "Connection.prepareStatement(..)"),
        Arguments.of(
            "com.acme.Grid.fill(int[][],boolean,byte,char,short,long,float,double)",
            "com.acme.Grid", "fill", "int[][],boolean,byte,char,short,long,float,double",
            "([[IZBCSJFD)", "Grid.fill(..)"),
        Arguments.of(
            "com.acme.Pool$Handle.<init>(java.sql.Connection)",
            "com.acme.Pool$Handle", "<init>", "java.sql.Connection",
            "(Ljava/sql/Connection;)", "new Pool.Handle(..)"),
        Arguments.of(
            "org.apache.commons.io.IOUtils.closeQuietly(java.io.Closeable[])",
            "org.apache.commons.io.IOUtils", "closeQuietly", "java.io.Closeable[]",
            "([Ljava/io/Closeable;)", "IOUtils.closeQuietly(..)"),
        Arguments.of(
            "com.acme.Outer$Inner.run(com.acme.Outer$Key)",
            "com.acme.Outer$Inner", "run", "com.acme.Outer$Key",
            "(Lcom/acme/Outer$Key;)", "Outer.Inner.run(..)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validSignatures")
  void parsesValidSignature(
      String text, String owner, String name, String params, String descriptor, String display) {
    MethodSig sig = MethodSig.parse(text);
    assertEquals(owner, sig.owner());
    assertEquals(name, sig.name());
    if (params == null) {
      assertTrue(sig.anyOverload());
      assertNull(sig.paramTypes());
      assertThrows(IllegalStateException.class, sig::jvmParamDescriptor);
    } else {
      assertFalse(sig.anyOverload());
      List<String> expected = params.isEmpty() ? List.of() : Arrays.asList(params.split(","));
      assertEquals(expected, sig.paramTypes());
      assertEquals(descriptor, sig.jvmParamDescriptor());
      assertEquals(expected, MethodSig.paramTypesFromDescriptor(descriptor + "V"));
    }
    assertEquals(display, sig.display());
    assertEquals(text, sig.toString());
    assertEquals(sig, MethodSig.parse(sig.toString()));
    assertEquals(sig, MethodSig.of(owner, name, sig.paramTypes()));
  }

  static Stream<Arguments> malformedSignatures() {
    return Stream.of(
        Arguments.of("java.sql.Connection.close", "missing parameter list"),
        Arguments.of("java.sql.Connection.close(", "must end with ')'"),
        Arguments.of("java.sql.Connection.close())", "unbalanced parentheses"),
        Arguments.of("java.sql.Connection.close(()", "unbalanced parentheses"),
        Arguments.of("close()", "missing owner type before the method name 'close'"),
        Arguments.of("Connection.close()", "owner 'Connection' is not fully qualified"),
        Arguments.of("java.sql.Connection.()", "missing method name after 'java.sql.Connection.'"),
        Arguments.of("java.sql.Connection.1close()", "method name '1close' is not a Java"),
        Arguments.of("java.sql.Connection.<clinit>()", "method name '<clinit>'"),
        Arguments.of("java..Connection.close()", "'' is not a Java identifier"),
        Arguments.of(
            "java.sql.Connection.prepareStatement(String)",
            "parameter type 'String' is not fully qualified (write the package too, e.g."
                + " java.lang.String)"),
        Arguments.of(
            "java.sql.Connection.prepareStatement(java.lang.String, int)",
            "must not contain whitespace"),
        Arguments.of(
            "java.sql.Connection.prepareStatement(java.lang.String,)",
            "empty parameter type"),
        Arguments.of(
            "org.apache.commons.io.IOUtils.closeQuietly(java.io.Closeable...)",
            "write it as an array, e.g. java.io.Closeable[]"),
        Arguments.of(
            "com.acme.Db.all(java.util.List<java.lang.String>)",
            "has type arguments; write the erased type"),
        Arguments.of("com.acme.Db.run(void)", "'void' is not a parameter type"),
        Arguments.of("com.acme.Db.run(int,..)", "'..' must be the whole parameter list"),
        Arguments.of("com.acme.Db[].run()", "must not be an array"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedSignatures")
  void rejectsMalformedSignature(String text, String messagePart) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MethodSig.parse(text));
    assertTrue(
        e.getMessage().contains(messagePart),
        () -> "message '" + e.getMessage() + "' should contain '" + messagePart + "'");
  }

  @Test
  void matchesExactOwnerNameAndParameters() {
    MethodSig exact = MethodSig.parse("java.sql.Connection.prepareStatement(java.lang.String)");
    assertTrue(exact.matches("java.sql.Connection", "prepareStatement", List.of("java.lang.String")));
    assertFalse(
        exact.matches("java.sql.Connection", "prepareStatement", List.of("java.lang.String", "int")));
    assertFalse(exact.matches("java.sql.Connection", "prepareCall", List.of("java.lang.String")));
    // No supertype or subtype matching here: front-ends ask once per type.
    assertFalse(exact.matches("com.acme.MyConnection", "prepareStatement",
        List.of("java.lang.String")));

    MethodSig any = MethodSig.parse("java.sql.Connection.prepareStatement(..)");
    assertTrue(any.matches("java.sql.Connection", "prepareStatement", List.of()));
    assertTrue(any.matches("java.sql.Connection", "prepareStatement",
        List.of("java.lang.String", "int[]")));
    assertFalse(any.matches("java.sql.Statement", "prepareStatement", List.of()));
  }

  @Test
  void descriptorWithoutReturnTypeAndMalformedDescriptors() {
    assertEquals(List.of("long", "java.util.Map"),
        MethodSig.paramTypesFromDescriptor("(JLjava/util/Map;)"));
    assertEquals(List.of(), MethodSig.paramTypesFromDescriptor("()Ljava/sql/Connection;"));
    for (String bad : new String[] {"I", "(Q)V", "(Ljava/lang/String)V", "([)V", "(", null}) {
      assertThrows(IllegalArgumentException.class, () -> MethodSig.paramTypesFromDescriptor(bad),
          String.valueOf(bad));
    }
  }

  @Test
  void equalityDistinguishesAnyOverloadFromNoParameters() {
    assertFalse(MethodSig.parse("a.B.c()").equals(MethodSig.parse("a.B.c(..)")));
    assertEquals(MethodSig.parse("a.B.c(int)").hashCode(), MethodSig.parse("a.B.c(int)").hashCode());
  }
}
