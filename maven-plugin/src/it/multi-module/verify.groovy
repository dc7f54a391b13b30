evaluate(new File(itLib, 'lib.groovy'))

def log = buildLog()
def prefix = repoPrefix()
def leak = { String module, String rel, String id ->
    def path = "${module}/src/main/java/${rel}"
    "${prefix}${path}:${markedLines(new File(basedir, path), 'LEAK ' + id)[0]}:${id}".toString()
}
def dao = leak('dao', 'shop/dao/Db.java', 'JdbcConnectionLeak')
def service = leak('service', 'shop/service/AuditService.java', 'JdbcStatementLeak')

check(log.contains('BUILD SUCCESS'), 'report-only build passes')
// one report per module
checkEq(results(readSarif(new File(basedir, 'dao/target/leakguard/leakguard.sarif'))), [dao], 'dao report')
checkEq(results(readSarif(new File(basedir, 'service/target/leakguard/leakguard.sarif'))), [service], 'service report')
checkEq(results(readSarif(new File(basedir, 'util/target/leakguard/leakguard.sarif'))), [], 'util report')
// the service module was compiled against the dao module for the analysis
check(log.contains('LeakGuard: 1 finding (1 warning) in service (1 source file, engines: errorprone, source)'), 'service summary')
check(!log.contains('did not compile'), 'the analysis compiled service against dao')
check(log.contains('LeakGuard: multi-module has no Java sources to analyse'), 'the parent has no sources')
// the aggregate at the execution root, written by the last module
def aggregate = new File(basedir, 'target/leakguard/leakguard-aggregate.sarif')
checkEq(results(readSarif(aggregate)), [dao, service].sort(), 'aggregate report')
check(log.contains("LeakGuard: 2 findings (1 error, 1 warning) in 4 modules of the reactor; aggregate report ${aggregate.canonicalPath}"),
      'aggregate summary')
true
