import GRDB

extension DossierStore {
    /// Stores evaluation points (dossier code → indicator → points) in one
    /// transaction; a later evaluation of the same indicator replaces the earlier.
    /// - Returns: the number of (dossier, indicator) values written.
    @discardableResult
    package func saveEvaluations(_ evaluations: [String: [Int: Int]]) throws -> Int {
        try write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT INTO evaluation (dossier_code, indicator, points) VALUES (?, ?, ?)
                ON CONFLICT(dossier_code, indicator) DO UPDATE SET points = excluded.points
                """)
            var count = 0
            for (code, values) in evaluations {
                for (indicator, points) in values {
                    try statement.execute(arguments: [code, indicator, points])
                    count += 1
                }
            }
            return count
        }
    }

    package func evaluations() throws -> [String: [Int: Int]] {
        try read { db in
            var out: [String: [Int: Int]] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT dossier_code, indicator, points FROM evaluation")
            while let row = try rows.next() { out[row[0] as String, default: [:]][row[1] as Int] = row[2] as Int }
            return out
        }
    }
}
