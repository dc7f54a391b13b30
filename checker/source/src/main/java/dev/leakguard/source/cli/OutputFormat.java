package dev.leakguard.source.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The report formats of {@code --format}. */
enum OutputFormat {
  TEXT(TextReport::render),
  SARIF(SarifReport::render),
  GITHUB(GithubAnnotations::render),
  CHECKSTYLE(CheckstyleReport::render),
  JSON(JsonReport::render);

  private final Function<ScanReport, String> renderer;

  OutputFormat(Function<ScanReport, String> renderer) {
    this.renderer = renderer;
  }

  String render(ScanReport report) {
    return renderer.apply(report);
  }

  /** The name as written on the command line. */
  String optionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static OutputFormat parse(String text) {
    for (OutputFormat f : values()) {
      if (f.optionName().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '" + text + "'; expected one of " + names());
  }

  static String names() {
    return Arrays.stream(values()).map(OutputFormat::optionName).collect(Collectors.joining(", "));
  }
}
