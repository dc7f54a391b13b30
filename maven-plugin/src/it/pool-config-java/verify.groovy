evaluate(new File(itLib, 'lib.groovy'))

def log = buildLog()
def prefix = repoPrefix()
def rel = 'src/main/java/shop/PoolSetup.java'
def source = new File(basedir, rel)
def size = markedLines(source, 'POOL JdbcPoolSizeOutOfRange')
def wait = markedLines(source, 'POOL JdbcPoolUnboundedWait')
checkEq(size.size(), 1, 'one size label')
checkEq(wait.size(), 1, 'one wait label')
def expected = ["${prefix}${rel}:${size[0]}:JdbcPoolSizeOutOfRange", "${prefix}${rel}:${wait[0]}:JdbcPoolUnboundedWait"]*.toString().sort()

// run 1: Error Prone and the source engine both see the two setter calls, and nothing else
def run1 = readSarif(new File(basedir, 'target/run1/leakguard.sarif'))
checkEq(results(run1), expected, 'run 1: SARIF results')
run1.runs[0].results.each { r -> checkEq(r.properties.engines, ['errorprone', 'source'], "run 1: engines of ${r.ruleId}") }
check(log.contains("${prefix}${rel}:${size[0]}: [JdbcPoolSizeOutOfRange] config.setMaximumPoolSize(1) in PoolSetup.orders"
        + ' lets HikariCP open a single connection'), 'run 1: the size message names the call and the method')
check(log.contains("[JdbcPoolUnboundedWait] ds.setMaxWait(Duration.ofMillis(-1)) in PoolSetup.reports makes a borrower wait"),
      'run 1: the wait message')

// run 2: the SpotBugs engine reports the same two calls at the same lines
def run2 = readSarif(new File(basedir, 'target/run2/leakguard.sarif'))
checkEq(results(run2), expected, 'run 2: SARIF results')
run2.runs[0].results.each { r -> checkEq(r.properties.engines, ['spotbugs'], "run 2: engines of ${r.ruleId}") }

// both runs fail the build on the error-level settings
checkEq(log.findAll('BUILD FAILURE').size(), 2, 'both runs fail')
true
