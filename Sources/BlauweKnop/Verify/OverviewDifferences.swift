/// Where what a file claims for one holder differs from what its signed document proves.
enum HolderDifference {
    /// A sentence naming the first difference, or `nil` when the two agree.
    static func first(claimed: HolderResult, proven: HolderResult) -> String? {
        if claimed.status != proven.status { return "the file says '\(claimed.status.rawValue)', the signed document gives '\(proven.status.rawValue)'" }
        if claimed.error != proven.error { return "the file shows an error text the signed document does not give" }
        if claimed.warnings != proven.warnings { return "the warnings differ from what the signed document gives" }
        let figures: [(String, KeyPath<HolderTotals, Int>)] = [
            ("verplicht", \.verplicht), ("vereffend", \.vereffend), ("saldo", \.saldo), ("achterstallig", \.achterstallig), ("zaken", \.zaken),
        ]
        for (name, figure) in figures where claimed.totals[keyPath: figure] != proven.totals[keyPath: figure] {
            return "\(name) is \(claimed.totals[keyPath: figure]) in the file, \(proven.totals[keyPath: figure]) in the signed document"
        }
        if claimed.zaken.count != proven.zaken.count { return "the file shows \(claimed.zaken.count) zaken, the signed document \(proven.zaken.count)" }
        for (index, (mine, theirs)) in zip(claimed.zaken, proven.zaken).enumerated() where mine != theirs {
            return "zaak \(index + 1) (\(OverviewVerifier.shown(theirs.zaakkenmerk))) differs from the signed document"
        }
        return nil
    }
}

/// The first difference between two JSON trees, as a path and a sentence.
enum JSONDifference {
    static func first(expected: JSONValue, actual: JSONValue, path: String) -> String? {
        let here = path.isEmpty ? "the document" : path
        switch (expected, actual) {
        case (.object(let mine), .object(let theirs)):
            for key in theirs.keys.sorted() where mine[key] == nil {
                return "\(here) has a member '\(OverviewVerifier.shown(key))' that bk does not write"
            }
            for key in mine.keys.sorted() {
                guard let other = theirs[key] else { return "\(here) lacks '\(key)'" }
                if let difference = first(expected: mine[key] ?? .null, actual: other, path: path.isEmpty ? key : "\(path).\(key)") { return difference }
            }
            return nil
        case (.array(let mine), .array(let theirs)):
            guard mine.count == theirs.count else { return "\(here) has \(theirs.count) items instead of \(mine.count)" }
            for (index, (left, right)) in zip(mine, theirs).enumerated() {
                if let difference = first(expected: left, actual: right, path: "\(path)[\(index)]") { return difference }
            }
            return nil
        default:
            return expected == actual ? nil : "\(here) differs"
        }
    }
}
