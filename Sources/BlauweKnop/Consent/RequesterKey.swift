import Foundation

/// The requester's private key (PROTOCOL §10.4): a PEM (PKCS #8 or SEC 1) or private JWK file
/// that only its owner may read.
public enum RequesterKey {
    /// The largest key file read.
    static let maxBytes = 64 << 10

    /// Reads the key at `path`; refuses a file others can read, as ssh does.
    public static func load(path: String?) throws -> PrivateKey {
        guard let path, !path.isEmpty else { throw RequesterKeyError(.missing, path: "") }
        var status = stat()
        guard stat(path, &status) == 0 else { throw FileError(path: path, action: "read", errno: errno) }
        guard status.st_mode & 0o077 == 0 else { throw RequesterKeyError(.readableByOthers, path: path) }
        guard let bytes = try AtomicFile.read(path, limit: maxBytes) else { throw FileError(path: path, action: "read", errno: ENOENT) }
        // A private JWK is a JSON object; anything else is read as PEM.
        if bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) == UInt8(ascii: "{") { return try PrivateKey(jwkJSON: bytes) }
        return try PrivateKey(pem: String(decoding: bytes, as: UTF8.self))
    }
}

/// Why the requester's key cannot be used.
public struct RequesterKeyError: CodedError, Hashable {
    public typealias Code = ErrorCode<RequesterKeyError>

    public let code: Code
    /// The key file concerned (empty when none was given).
    public let path: String

    public init(_ code: Code, path: String) {
        self.code = code
        self.path = path
    }

    public var detail: String {
        code == .missing
            ? "give the requester's private key: --requester-key FILE or BK_REQUESTER_KEY"
            : "the requester key \(TerminalText.sanitized(path)) can be read by others: make it mode 0600 (chmod 600)"
    }
}

extension ErrorCode where Domain == RequesterKeyError {
    /// No key file was given.
    public static var missing: Self { Self("missing") }
    /// Others than its owner may read the key file.
    public static var readableByOthers: Self { Self("readableByOthers") }
}

extension Consent {
    /// A consent as a requester presents it (PROTOCOL §10.4), checked before any organisation
    /// is asked: it verifies against the scheme, and `key` is one the scheme lists for the
    /// consent's requester.
    public init(presentedWith key: PrivateKey, compact bytes: [UInt8], scheme: VerifiedScheme, now: Int64) throws(ConsentError) {
        let consent = try Consent(compact: String(decoding: bytes, as: UTF8.self), scheme: scheme, now: now)
        guard let keyID = try? key.keyID(), scheme.requesterKeys[consent.claims.aud]?[keyID] != nil else {
            throw ConsentError(.notAllowed, "this requester key is not one the scheme lists for \(TerminalText.sanitized(consent.requester.name))")
        }
        self = consent
    }
}
