public import Foundation

/// One HTTPS request for the transport engine.
public struct HTTPRequest: Sendable {
    /// `GET`, `POST` or `DELETE`.
    public enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
        case delete = "DELETE"
    }

    public var method: Method
    /// An absolute `https://` URL.
    public var url: String
    /// Request headers, in order.
    public var headers: [(name: String, value: String)]
    /// The request body (POST only).
    public var body: [UInt8]?
    /// The largest response body accepted; larger ones abort while streaming.
    public var maxResponseBytes: Int
    /// Ask libcurl for the server certificate's details (for `bk check`).
    public var captureCertificate = false
    /// Whether the transport may send this request again after a transient failure. A request
    /// that spends something single-use (a session POST spends its challenge) is not: its
    /// caller starts again from the beginning instead.
    public var isRetryable = true
    /// Close the connection after this request: the organisation's last request of a run,
    /// so that finished organisations hold no descriptors.
    public var closesConnection = false

    public init(
        method: Method = .get, url: String, headers: [(name: String, value: String)] = [],
        body: [UInt8]? = nil, maxResponseBytes: Int, captureCertificate: Bool = false
    ) {
        self.captureCertificate = captureCertificate
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.maxResponseBytes = maxResponseBytes
    }

    /// Whether a header can be sent as it is: a token name, and a value of visible ASCII and
    /// spaces only. A value with CR or LF would let whoever chose it add headers of their own.
    public static func isSafeHeader(name: String, value: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") }
            && value.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 }
    }

    /// A POST of `value` as JSON; a value that cannot be written as JSON is an invalid request.
    public static func postJSON(
        url: String, json value: some Encodable, headers: [(name: String, value: String)] = [], maxResponseBytes: Int
    ) throws(TransportError) -> HTTPRequest {
        do {
            return postJSON(url: url, body: try JSONCoding.encode(value), headers: headers, maxResponseBytes: maxResponseBytes)
        } catch {
            throw TransportError(.invalidRequest, "the request to \(url) cannot be written: \(error)")
        }
    }

    public static func postJSON(
        url: String, body: [UInt8], headers: [(name: String, value: String)] = [], maxResponseBytes: Int
    ) -> HTTPRequest {
        HTTPRequest(
            method: .post, url: url,
            headers: [("Content-Type", "application/json"), ("Accept", "application/json")] + headers,
            body: body, maxResponseBytes: maxResponseBytes)
    }
}

/// A complete response as received.
public struct HTTPResponse: Sendable {
    /// The HTTP status code.
    public var status: Int
    /// Response headers with lowercased names (the last value of a repeated header wins).
    public var headers: [String: String]
    /// The body bytes.
    public var body: [UInt8]
    /// Seconds from start to the end of the transfer.
    public var totalSeconds: Double
    /// Seconds from start until the TLS handshake was done (0 on a reused connection).
    public var tlsSeconds: Double = 0
    /// The server certificate's notAfter, when the request asked for it and a handshake took place.
    public var certificateExpiry: Date?

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = [], totalSeconds: Double = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.totalSeconds = totalSeconds
    }

}
