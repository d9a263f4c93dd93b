/// Why a request got no usable response.
public struct TransportError: Error, Hashable, CustomStringConvertible, Sendable {
    /// A stable, comparable reason.
    public struct Code: Hashable, Sendable {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The host name did not resolve, or the connection was refused or reset.
        public static let unreachable = Code("unreachable")
        /// The TLS handshake failed or the certificate did not verify.
        public static let tls = Code("tls")
        /// A connect, request, low-speed or overall deadline passed.
        public static let timeout = Code("timeout")
        /// The response body exceeded the limit for this kind of document.
        public static let tooLarge = Code("tooLarge")
        /// The server answered with a redirect, which bk never follows.
        public static let redirect = Code("redirect")
        /// The URL is not an absolute https URL.
        public static let invalidURL = Code("invalidURL")
        /// The request was cancelled.
        public static let cancelled = Code("cancelled")
        /// Any other transfer failure.
        public static let failed = Code("failed")
    }

    /// The reason, for programs.
    public let code: Code
    /// The reason, for people.
    public let detail: String
    /// Whether nothing reached the server (no connection was made), so a retry is safe.
    public let isConnectionFailure: Bool

    public init(_ code: Code, _ detail: String, isConnectionFailure: Bool = false) {
        self.code = code
        self.detail = detail
        self.isConnectionFailure = isConnectionFailure
    }

    public var description: String { detail }
}
