// Helpers shared by the verify scripts; each script runs: evaluate(new File(itLib, 'lib.groovy'))
// The helpers are closures put in the script's binding.
import groovy.json.JsonSlurper
import dev.leakguard.maven.it.SarifCheck

/** Fails the build of the test project with a message that shows both values. */
check = { boolean ok, String what ->
    if (!ok) {
        throw new AssertionError(what)
    }
}

checkEq = { actual, expected, String what ->
    if (actual != expected) {
        throw new AssertionError("${what}:\n  expected: ${expected}\n  actual:   ${actual}")
    }
}

/** The build log of the test project. */
buildLog = { File dir = basedir ->
    def f = new File(dir, 'build.log')
    check(f.isFile(), "no build.log in ${dir}")
    f.getText('UTF-8')
}

/** The path of dir relative to the Git work tree that holds it (report paths start with it), '' if none. */
repoPrefix = { File dir = basedir ->
    File d = dir.canonicalFile
    File top = d
    while (top != null && !new File(top, '.git').exists()) {
        top = top.parentFile
    }
    if (top == null) {
        return ''
    }
    String rel = top.toPath().relativize(d.toPath()).toString().replace('\\', '/')
    rel.isEmpty() ? '' : rel + '/'
}

/**
 * Reads a SARIF report after checking it: valid against the OASIS SARIF 2.1.0 schema, one run,
 * LeakGuard's rules, and every result consistent with them (rule index, level, a relative URI,
 * a fingerprint, the engines that saw it).
 */
readSarif = { File file ->
    check(file.isFile(), "missing SARIF report ${file}")
    def violations = SarifCheck.violations(file.toPath())
    checkEq(violations, [], "SARIF schema violations in ${file}")
    def sarif = new JsonSlurper().parse(file, 'UTF-8')
    checkEq(sarif.version, '2.1.0', 'SARIF version')
    checkEq(sarif.runs.size(), 1, 'number of runs')
    def run = sarif.runs[0]
    checkEq(run.tool.driver.name, 'LeakGuard', 'tool name')
    def ruleIds = run.tool.driver.rules*.id
    // the leak rules first, in check-id order; the pool-configuration rules may follow
    checkEq(ruleIds.take(6), ['JdbcConnectionLeak', 'JdbcStatementLeak', 'JdbcResultSetLeak',
                      'JdbcStatementLeftToConnectionClose', 'JdbcCloseChain', 'JdbcUnclosedOwningField'], 'rules')
    checkEq(ruleIds.unique(false), ruleIds, 'rule ids are unique')
    def known = dev.leakguard.core.finding.CheckId.values()*.name()
    check(ruleIds.every { it in known }, "rule ids: ${ruleIds}")
    run.results.each { r ->
        checkEq(ruleIds[r.ruleIndex], r.ruleId, 'ruleIndex points at the rule')
        check(r.level in ['error', 'warning', 'note'], "level ${r.level}")
        def uri = r.locations[0].physicalLocation.artifactLocation.uri
        check(!(uri ==~ /^[a-zA-Z][a-zA-Z0-9+.-]*:.*/) && !uri.startsWith('/'), "URI is not repository-relative: ${uri}")
        check(r.locations[0].physicalLocation.region.startLine >= 1, 'startLine')
        check(r.partialFingerprints['leakguard/v1'] ==~ /[0-9a-f]{32}/, "fingerprint of ${r}")
        check(!r.properties.engines.isEmpty(), "engines of ${r}")
    }
    sarif
}

/** The results of a SARIF report as sorted "uri:line:ruleId" strings. */
results = { sarif ->
    sarif.runs[0].results.collect { r ->
        "${r.locations[0].physicalLocation.artifactLocation.uri}:${r.locations[0].physicalLocation.region.startLine}:${r.ruleId}".toString()
    }.sort()
}

/** The line numbers of the lines of a source file that carry a marker comment (// LEAK ..). */
markedLines = { File source, String marker ->
    def lines = []
    source.eachLine('UTF-8') { line, n -> if (line.contains(marker)) { lines << n } }
    lines
}

/**
 * The "line:Id" labels of a configuration file: '# POOL <Id>' at the end of a YAML line labels
 * that line, '# POOL <Id> (next line)' on a line of its own the line after it (a properties value
 * cannot carry a comment).
 */
poolLabels = { File config ->
    def labels = []
    config.eachLine('UTF-8') { line, n ->
        def m = line =~ /# POOL (\w+)( \(next line\))?/
        if (m.find()) {
            labels << "${m.group(2) ? n + 1 : n}:${m.group(1)}".toString()
        }
    }
    labels
}
