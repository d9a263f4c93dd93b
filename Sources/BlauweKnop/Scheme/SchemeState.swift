import Foundation

/// What bk remembers about schemes it accepted: the highest version, its payload digest, its
/// ETag and the JWS itself (PROTOCOL §1 rule 4, rollback protection).
public struct SchemeState: Codable, Sendable, Equatable {
    /// The highest version ever accepted.
    public var version: Int
    /// SHA-256 (hex) of that version's payload.
    public var payloadDigest: String
    /// The ETag the server gave it, for `If-None-Match`.
    public var etag: String?

    enum CodingKeys: String, CodingKey {
        case version
        case payloadDigest = "payload_sha256"
        case etag
    }

    /// Rejects a scheme older than the remembered one, or different at the same version.
    public func admits(_ scheme: VerifiedScheme) throws(SchemeError) {
        let offered = scheme.document.version
        if offered < version {
            throw SchemeError(.rollback, "the scheme offered is version \(offered), older than version \(version) accepted before (rollback refused)")
        }
        if offered == version && scheme.payloadDigest != payloadDigest {
            throw SchemeError(.rollback, "the scheme offered has the same version \(offered) as before but different content (refused)")
        }
    }
}

/// Reads and writes `SchemeState` and the accepted JWS in the state directory.
public struct SchemeStateStore: Sendable {
    public let directory: StateDirectory

    public init(directory: StateDirectory) { self.directory = directory }

    /// The remembered state, or `nil` when no scheme was accepted yet.
    public func load() throws(SchemeError) -> SchemeState? {
        let bytes: [UInt8]?
        do {
            bytes = try AtomicFile.read(directory.schemeStatePath)
        } catch {
            throw SchemeError(.configuration, "\(error)")
        }
        guard let bytes else { return nil }
        do {
            return try JSONCoding.decode(SchemeState.self, from: bytes)
        } catch {
            throw SchemeError(
                .configuration,
                "the scheme state \(directory.schemeStatePath) is damaged (\(error)); remove it to start over (rollback protection restarts from the next scheme)")
        }
    }

    /// The last accepted scheme JWS, for a `304 Not Modified`.
    public func cachedScheme() -> String? {
        (try? AtomicFile.read(directory.schemeCachePath)).flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Remembers an accepted scheme. Only ever called after `admits` passed.
    public func remember(_ scheme: VerifiedScheme, etag: String?) throws(SchemeError) {
        let state = SchemeState(version: scheme.document.version, payloadDigest: scheme.payloadDigest, etag: etag)
        do {
            try directory.create()
            try AtomicFile.write(scheme.compact, to: directory.schemeCachePath, mode: 0o600)
            try AtomicFile.write(JSONCoding.encode(state), to: directory.schemeStatePath, mode: 0o600)
        } catch {
            throw SchemeError(.configuration, "cannot save the scheme state: \(error)")
        }
    }
}
