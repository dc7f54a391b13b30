evaluate(new File(itLib, 'lib.groovy'))

def log = buildLog()
def prefix = repoPrefix()
def rel = 'src/main/java/shop/InventoryDao.java'
def source = new File(basedir, rel)

// what javac + Error Prone printed during compile: [WARNING] /abs/path/File.java:[line,col] [Id] message
def fromCompiler = [] as Set
(log =~ /\[WARNING\] (\S+\.java):\[(\d+),\d+\] \[(Jdbc\w+)\]/).each { all, file, line, id ->
    def p = new File(file).canonicalFile.toPath()
    def r = basedir.canonicalFile.toPath().relativize(p).toString().replace('\\', '/')
    fromCompiler << "${prefix}${r}:${line}:${id}".toString()
}
// what the source says: every // LEAK label
def labelled = [] as Set
source.eachLine('UTF-8') { line, n ->
    def m = (line =~ /LEAK (Jdbc\w+)/)
    if (m.find()) {
        labelled << "${prefix}${rel}:${n}:${m.group(1)}".toString()
    }
}
check(labelled.size() >= 3, "labels: ${labelled}")
def fromCheck = results(readSarif(new File(basedir, 'target/leakguard/leakguard.sarif'))) as Set

checkEq(fromCompiler, labelled, 'the compiler-plugin wiring reports the labelled leaks')
checkEq(fromCheck, fromCompiler, 'leakguard:check reports the same findings as the compiler-plugin wiring')
true
