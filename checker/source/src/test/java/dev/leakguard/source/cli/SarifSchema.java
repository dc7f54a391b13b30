package dev.leakguard.source.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/** The official SARIF 2.1.0 schema (a test resource; see sarif-schema-2.1.0.origin.md). */
final class SarifSchema {
  private static final Schema SCHEMA = load();

  private SarifSchema() {}

  private static Schema load() {
    try (InputStream in = SarifSchema.class.getResourceAsStream("sarif-schema-2.1.0.json")) {
      if (in == null) {
        throw new IllegalStateException("sarif-schema-2.1.0.json is missing from the test resources");
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails with every schema violation listed if {@code sarif} is not valid SARIF 2.1.0. */
  static void assertValid(String sarif) {
    List<Error> errors =
        SCHEMA.validate(sarif, InputFormat.JSON, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)));
    assertEquals(
        "",
        errors.stream().map(Error::toString).collect(Collectors.joining("\n")),
        "SARIF schema violations in:\n" + sarif);
  }

  /** The number of violations (for the test that the validator does reject bad SARIF). */
  static int violations(String sarif) {
    return SCHEMA.validate(sarif, InputFormat.JSON, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true))).size();
  }
}
