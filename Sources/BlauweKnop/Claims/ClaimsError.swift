/// Why an FCID document's content cannot be used. Any of these rejects the whole document.
public struct ClaimsError: Error, Hashable, CustomStringConvertible, Sendable {
    /// The reason, for people.
    public let detail: String

    public init(_ detail: String) { self.detail = detail }

    public var description: String { detail }
}
