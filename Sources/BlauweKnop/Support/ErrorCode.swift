/// A stable, comparable reason for an error of one domain. It is opaque, so that new reasons
/// can be added without breaking callers: compare with the domain's static members
/// (`error.code == .invalidSignature`).
public struct ErrorCode<Domain>: Hashable, Sendable, CustomStringConvertible {
    private let name: String

    init(_ name: String) { self.name = name }

    public var description: String { name }
}

/// An error with an opaque code for programs and a sentence for people.
public protocol CodedError: Error, CustomStringConvertible, Sendable {
    associatedtype Domain
    /// The reason, for programs.
    var code: ErrorCode<Domain> { get }
    /// The reason, for people.
    var detail: String { get }
}

extension CodedError {
    public var description: String { detail }
}
