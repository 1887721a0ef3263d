/// The file line of each row inserted into a table that was empty when the file started, kept as
/// runs rather than one entry per row: a repeated id needs the line of the row it repeats.
///
/// Every row of such a table came from this file, so "seen in this file" is "present in the
/// table" and the primary key answers it; what is left is the earlier row's line. Rows go in
/// with consecutive rowids and, in a CSV or NDJSON export, on lines a constant step apart, so a
/// run `(first rowid, first line, step)` covers every row between two irregularities (a reject, a
/// quoted line break, a blank line). Measured at 1M `affiliate_clicks` rows (issue 14): recording
/// each id in ``SeenIDs`` instead was about a tenth of the row phase, in a second 1M-key B-tree.
///
/// Memory grows with the irregularities, not the rows; past `runLimit` runs (e.g. a JSON array
/// of rows of varying length) the caller records the remaining ids in ``SeenIDs`` instead.
struct InsertedLines {
    private struct Run {
        let firstRowID: Int64
        let firstLine: Int
        var step: Int
        var count: Int64

        func line(of rowID: Int64) -> Int? {
            guard rowID >= firstRowID, rowID < firstRowID + count else { return nil }
            return firstLine + Int(rowID - firstRowID) * step
        }
    }

    private var runs: [Run] = []
    /// At most this many runs (24 bytes each: 1.5 MiB at the default).
    let runLimit: Int

    init(runLimit: Int = 65_536) {
        self.runLimit = runLimit
    }

    /// False once the runs reached ``runLimit``: later rows are not recorded here.
    var hasRoom: Bool { runs.count < runLimit }

    /// Records that the row with `rowID` came from `line`.
    mutating func record(rowID: Int64, line: Int) {
        if var last = runs.last, rowID == last.firstRowID + last.count {
            let lastLine = last.firstLine + Int(last.count - 1) * last.step
            if last.count == 1 && line > lastLine {
                last.step = line - lastLine
                last.count = 2
                runs[runs.count - 1] = last
                return
            }
            if line == lastLine + last.step {
                last.count += 1
                runs[runs.count - 1] = last
                return
            }
        }
        runs.append(Run(firstRowID: rowID, firstLine: line, step: 1, count: 1))
    }

    /// The line the row with `rowID` came from, when it was recorded here.
    func line(of rowID: Int64) -> Int? {
        // Runs are in rowid order: binary search for the last run starting at or before rowID.
        var low = 0
        var high = runs.count
        while low < high {
            let middle = (low + high) / 2
            if runs[middle].firstRowID <= rowID { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : runs[low - 1].line(of: rowID)
    }

    var runCount: Int { runs.count }
}
