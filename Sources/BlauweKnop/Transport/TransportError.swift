/// Why a request got no usable response.
public struct TransportError: CodedError, Hashable {
    /// The reasons of this domain.
    public typealias Code = ErrorCode<TransportError>

    public let code: Code
    public let detail: String
    /// Whether nothing reached the server (no connection was made), so a retry is safe.
    public let isConnectionFailure: Bool
    /// Whether the TLS handshake had completed when the request failed: then the failure
    /// belongs to the request, not to the connection.
    public var handshakeCompleted = false
    /// Whether the host refused the connection (`ECONNREFUSED`): nothing listens on that port,
    /// which an operator fixes otherwise than a name that does not resolve or a timeout.
    public var connectionRefused = false
    /// Whether a kept-alive connection, reused for this request, died before any answer came:
    /// the server closed it as it went idle while the request was on its way. A request that may
    /// be sent twice is tried again on a fresh connection, as browsers do.
    public var reusedConnectionDied = false

    public init(_ code: Code, _ detail: String, isConnectionFailure: Bool = false) {
        self.code = code
        self.detail = detail
        self.isConnectionFailure = isConnectionFailure
    }

    /// The failure of a request made after, or still open at, the engine's shutdown.
    static var shutDown: TransportError { TransportError(.shutDown, "the transport was shut down") }

    /// The failure of a request cancelled before it was handed to the network.
    static var cancelledBeforeSending: TransportError { TransportError(.cancelled, "cancelled before it was sent") }
}

extension ErrorCode where Domain == TransportError {
    /// The host name did not resolve, or the connection was refused or reset.
    public static var unreachable: Self { Self("unreachable") }
    /// The TLS handshake failed or the certificate did not verify.
    public static var tls: Self { Self("tls") }
    /// A connect, request, low-speed or overall deadline passed.
    public static var timeout: Self { Self("timeout") }
    /// The response body exceeded the limit for this kind of document.
    public static var tooLarge: Self { Self("tooLarge") }
    /// The server answered with a redirect, which bk never follows.
    public static var redirect: Self { Self("redirect") }
    /// The URL is not an absolute https URL.
    public static var invalidURL: Self { Self("invalidURL") }
    /// The request itself is unsafe to send (a header value with line breaks or controls).
    public static var invalidRequest: Self { Self("invalidRequest") }
    /// The request was cancelled.
    public static var cancelled: Self { Self("cancelled") }
    /// The engine was shut down before the request could be made or finished.
    public static var shutDown: Self { Self("shutDown") }
    /// Any other transfer failure.
    public static var failed: Self { Self("failed") }
}
