import Foundation

/// What bk remembers about schemes it accepted: the highest version, its payload digest, its
/// ETag and the JWS itself (PROTOCOL §1 rule 4, rollback protection), in one file written in
/// one step, so that the copy kept for `304 Not Modified` always belongs to the state.
public struct SchemeState: Codable, Sendable, Equatable {
    /// The highest version ever accepted.
    public var version: Int
    /// SHA-256 (hex) of that version's payload.
    public var payloadDigest: String
    /// The ETag the server gave it, for `If-None-Match`.
    public var etag: String?
    /// The accepted scheme JWS, for a `304 Not Modified`.
    public var jws: String?

    enum CodingKeys: String, CodingKey {
        case version, etag, jws
        case payloadDigest = "payload_sha256"
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
        try lock.withLock(exclusive: false, lockFailure: Self.lockFailure) { () throws(SchemeError) in try read() }
    }

    /// Admits a verified scheme against the state as it is now (another run may have moved it
    /// on since this run fetched) and remembers it, in one locked transaction.
    public func admitAndRemember(_ scheme: VerifiedScheme, etag: String?) throws(SchemeError) {
        try lock.withLock(exclusive: true, lockFailure: Self.lockFailure) { () throws(SchemeError) in
            let current = try read()
            if let current { try current.admits(scheme) }
            let state = SchemeState(version: scheme.document.version, payloadDigest: scheme.payloadDigest, etag: etag, jws: scheme.compact)
            guard state != current else { return }
            do {
                try directory.create()
                try AtomicFile.writeJSON(state, to: directory.schemeStatePath, mode: 0o600)
            } catch {
                throw SchemeError(.configuration, "cannot save the scheme state: \(error)")
            }
            // Earlier versions kept the JWS in a file of its own.
            unlink(directory.path + "/scheme.jws")
        }
    }

    private var lock: StateLock { StateLock(directory: directory) }

    private static func lockFailure(_ error: FileError) -> SchemeError { SchemeError(.configuration, "cannot lock the state folder: \(error)") }

    private func read() throws(SchemeError) -> SchemeState? {
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
                "the scheme state \(directory.schemeStatePath) is damaged (\(error)); remove it to start over (rollback protection restarts from the next scheme)"
            )
        }
    }
}
