/// Where a run of `bk overview` stands: for a live progress line.
public struct OverviewProgress: Sendable {
    /// Organisations that have answered (or failed) so far.
    public var done: Int
    /// Organisations in the scheme.
    public var total: Int
    /// Display names of those still being asked, in scheme order.
    public var pending: [String]
}
