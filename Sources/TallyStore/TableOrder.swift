import GRDB

/// Tables with parents before children (their foreign keys), ties by name: the order loads write
/// in and the PostgreSQL dump declares in.
public enum TableOrder {
    /// `names` ordered parents first; a foreign key to a table outside `names` is ignored.
    public static func parentsFirst(_ names: [String], in db: Database) throws -> [String] {
        var parentsOf: [String: Set<String>] = [:]
        for name in names {
            let parents = try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(name.quotedDatabaseIdentifier))")
                .map { $0["table"] as String }.filter { $0 != name && names.contains($0) }
            parentsOf[name] = Set(parents)
        }
        var ordered: [String] = []
        var placed = Set<String>()
        while ordered.count < names.count {
            let ready = names.filter { !placed.contains($0) && parentsOf[$0, default: []].isSubset(of: placed) }
            // A cycle cannot happen among the mirrored tables; if one did, fall back to name order.
            let next = ready.isEmpty ? names.filter { !placed.contains($0) } : ready
            for name in next {
                ordered.append(name)
                placed.insert(name)
            }
        }
        return ordered
    }
}
