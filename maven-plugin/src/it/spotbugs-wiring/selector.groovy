// Pending until LeakGuard's SpotBugs plugin is in a repository the tests can reach (e.g. after
// 'mvn install' of spotbugs-plugin/): without it there is nothing to compare.
def rel = "dev/leakguard/${spotbugsPluginArtifact}/${pluginVersion}/${spotbugsPluginArtifact}-${pluginVersion}.jar"
def found = [userLocalRepository, localRepositoryPath.toString()].any { new File(it.toString(), rel).isFile() }
if (!found) {
    println "spotbugs-wiring: PENDING, ${rel} is in no local repository"
}
found
