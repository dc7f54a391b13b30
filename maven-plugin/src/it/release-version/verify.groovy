evaluate(new File(itLib, 'lib.groovy'))

def log = buildLog()
check(log.contains('BUILD SUCCESS'), 'the build should pass')
check(!pluginVersion.contains('SNAPSHOT'), "the plugin's version is a release: ${pluginVersion}")
check((log =~ /maven-enforcer-plugin:3\.6\.2:enforce \(no-snapshot-plugins\)/).find()
        || (log =~ /enforcer:3\.6\.2:enforce \(no-snapshot-plugins\)/).find(),
        'the parent\'s enforcer rule ran')
check(log.contains('RequirePluginVersions passed'), 'the rule that bans SNAPSHOT plugins passed')
check(log.contains("LeakGuard: engines errorprone, spotbugs (the default: LeakGuard's SpotBugs plugin ${pluginVersion} resolved"),
        'the log says which engines run and why')
check((log =~ /LeakGuard: 1 finding \(1 note\) in release-version/).find(), 'LeakGuard ran and reported the leak')
def sarif = readSarif(new File(basedir, 'target/leakguard/leakguard.sarif'))
checkEq(results(sarif), ["${repoPrefix()}src/main/java/shop/MenuDao.java:20:JdbcStatementLeftToConnectionClose".toString()], 'SARIF results')
true
