import Foundation
import Testing

/// Issue 13, bug 6: `planq query` ran a recursive CTE forever, buffered millions of rows, and ran
/// the first of two statements silently dropping the rest.
@Suite struct QueryLimitsTests {
    @Test func queryRunsOneStatementWithinItsLimits() throws {
        let planq = try Planq()
        try planq.run(["import", "samples/"])
        let two = try planq.run(["query", "SELECT count(*) FROM tasks; DELETE FROM tasks"])
        #expect(two.status == 2 && two.stderr.contains("query takes one statement; remove what follows it: `DELETE FROM tasks`"))
        #expect(try planq.run(["query", "SELECT count(*) AS n FROM tasks", "--format", "csv"]).stdout == "n\n27\n", "nothing was deleted")
        let forever = try planq.run(["query", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c", "--timeout", "0.5"])
        #expect(forever.status == 1 && forever.stderr.contains("ran longer than 0.5 s and was stopped"))
        let many = try planq.run(["query", "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 50) SELECT x FROM c", "--limit", "5", "--format", "csv"])
        #expect(many.status == 0 && many.stdout == "x\n1\n2\n3\n4\n5\n")
        #expect(many.stderr.contains("printed the first 5 rows"))
        #expect(try planq.run(["query", "   "]).status == 2)
    }
}
