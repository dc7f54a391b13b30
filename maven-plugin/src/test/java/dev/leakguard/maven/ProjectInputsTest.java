package dev.leakguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectInputsTest {
  private static void touch(Path root, String... files) throws Exception {
    for (String f : files) {
      Path p = root.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "x=1\n");
    }
  }

  private static Resource resource(String directory, List<String> includes, List<String> excludes) {
    Resource r = new Resource();
    r.setDirectory(directory);
    r.setIncludes(includes);
    r.setExcludes(excludes);
    return r;
  }

  private static List<String> paths(List<InputFile> files) {
    return files.stream().map(f -> f.reportPath() + " " + f.rootRelative() + " " + f.moduleRelative()).toList();
  }

  @Test
  void configFilesAreThePoolConfigurationFilesOfTheResourceDirectories(@TempDir Path repo) throws Exception {
    Path module = repo.resolve("shop");
    touch(module.resolve("src/main/resources"),
        "application.yml", "application-prod.properties", "config/application.yaml", "dbcp.properties",
        "c3p0-reports.properties", "HIKARI.properties", "hikaripool.properties", "messages.properties", "logback.xml",
        "app.yml");
    touch(module.resolve("src/test/resources"), "application.yml");
    List<InputFile> found = ProjectInputs.configFiles(
        List.of(resource(module.resolve("src/main/resources").toString(), List.of(), List.of())),
        module, module.resolve("target"), repo);
    assertEquals(List.of(
            "shop/src/main/resources/HIKARI.properties HIKARI.properties src/main/resources/HIKARI.properties",
            "shop/src/main/resources/application-prod.properties application-prod.properties src/main/resources/application-prod.properties",
            "shop/src/main/resources/application.yml application.yml src/main/resources/application.yml",
            "shop/src/main/resources/c3p0-reports.properties c3p0-reports.properties src/main/resources/c3p0-reports.properties",
            "shop/src/main/resources/config/application.yaml config/application.yaml src/main/resources/config/application.yaml",
            "shop/src/main/resources/dbcp.properties dbcp.properties src/main/resources/dbcp.properties"),
        paths(found));
  }

  @Test
  void theResourcesIncludesAndExcludesApply(@TempDir Path module) throws Exception {
    touch(module.resolve("src/main/resources"), "application.yml", "application-dev.yml", "db/dbcp.properties");
    touch(module.resolve("conf"), "application.properties", "hikari.properties");
    List<InputFile> found = ProjectInputs.configFiles(
        List.of(
            resource("src/main/resources", List.of("**/*.yml"), List.of("**/application-dev.yml")),
            resource("conf", List.of(), List.of("hikari.properties"))),
        module, module.resolve("target"), module);
    assertEquals(List.of("src/main/resources/application.yml", "conf/application.properties"),
        found.stream().map(InputFile::reportPath).toList());
  }

  @Test
  void nothingBelowTheBuildDirectoryIsRead(@TempDir Path module) throws Exception {
    touch(module, "application.yml", "target/classes/application.yml", "target/generated/dbcp.properties");
    List<InputFile> found = ProjectInputs.configFiles(
        List.of(
            resource(module.toString(), List.of(), List.of()),
            resource("target/generated", List.of(), List.of())),
        module, module.resolve("target"), module);
    assertEquals(List.of("application.yml"), found.stream().map(InputFile::reportPath).toList());
  }

  @Test
  void aFileOfTwoResourcesIsListedOnceAndMissingDirectoriesAreNoError(@TempDir Path module) throws Exception {
    touch(module.resolve("src/main/resources"), "application.yml");
    List<InputFile> found = ProjectInputs.configFiles(
        List.of(
            resource("src/main/resources", List.of(), List.of()),
            resource("src/main/resources", List.of("*.yml"), List.of()),
            resource("src/main/missing", List.of(), List.of()),
            resource(null, List.of(), List.of())),
        module, module.resolve("target"), module);
    assertEquals(List.of("src/main/resources/application.yml"), found.stream().map(InputFile::reportPath).toList());
  }
}
