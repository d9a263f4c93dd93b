/// The nearest name to a mistyped one: `bk overveiw` → `overview`.
enum Suggestion {
    /// The candidate closest to `typed` (letters swapped, left out, added or changed), when it
    /// is close enough to be what was meant; nil otherwise.
    static func nearest(to typed: String, among candidates: [String]) -> String? {
        let typed = typed.lowercased()
        let limit = typed.count <= 4 ? 1 : 2
        let scored = candidates.map { ($0, distance(Array(typed), Array($0.lowercased()))) }.filter { $0.1 <= limit }
        return scored.min { $0.1 < $1.1 }?.0
    }

    /// The optimal string alignment distance: insertions, deletions, substitutions and swaps of
    /// two neighbouring letters each count one.
    static func distance(_ left: [Character], _ right: [Character]) -> Int {
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: right.count + 1), count: left.count + 1)
        for row in 0...left.count { table[row][0] = row }
        for column in 0...right.count { table[0][column] = column }
        for row in 1...left.count {
            for column in 1...right.count {
                let cost = left[row - 1] == right[column - 1] ? 0 : 1
                var best = min(table[row - 1][column] + 1, table[row][column - 1] + 1, table[row - 1][column - 1] + cost)
                if row > 1, column > 1, left[row - 1] == right[column - 2], left[row - 2] == right[column - 1] {
                    best = min(best, table[row - 2][column - 2] + 1)
                }
                table[row][column] = best
            }
        }
        return table[left.count][right.count]
    }
}
