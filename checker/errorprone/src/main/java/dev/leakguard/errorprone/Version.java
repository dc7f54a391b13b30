package dev.leakguard.errorprone;

/** The LeakGuard version, from the jar manifest when packaged. */
final class Version {
  static final String VERSION =
      Version.class.getPackage().getImplementationVersion() != null
          ? Version.class.getPackage().getImplementationVersion()
          : "dev";

  private Version() {}
}
