/// Sums of amounts that came from outside, without the trap of Swift's `+` on overflow.
public enum CheckedSum {
    /// The sum, or `nil` when it does not fit in `Int`.
    public static func exact<S: Sequence>(_ values: S) -> Int? where S.Element == Int {
        var total = 0
        for value in values {
            let (sum, overflow) = total.addingReportingOverflow(value)
            if overflow { return nil }
            total = sum
        }
        return total
    }

    /// The sum, held at `Int.max` or `Int.min` when it does not fit. Each document's own sums
    /// are exact (the fold refuses a document whose amounts overflow); only a total over many
    /// organisations can reach this, and then it stays a number instead of a crash.
    public static func of<S: Sequence>(_ values: S) -> Int where S.Element == Int {
        var total = 0
        for value in values {
            let (sum, overflow) = total.addingReportingOverflow(value)
            total = overflow ? (value > 0 ? .max : .min) : sum
        }
        return total
    }
}
