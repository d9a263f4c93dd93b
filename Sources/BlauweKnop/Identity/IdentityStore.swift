import Foundation

/// The citizen's app key and credential in the state directory, both mode 0600.
public struct IdentityStore: Sendable {
    public let directory: StateDirectory

    public init(directory: StateDirectory) { self.directory = directory }

    /// Saves a new app key and the credential issued for it together, in one locked
    /// transaction: a concurrent login can never leave a key with another key's credential.
    public func save(appKey: PrivateKey, credential compact: String) throws(IdentityError) {
        try lock.withLock(exclusive: true, lockFailure: Self.lockFailure) { () throws(IdentityError) in
            do {
                try directory.create()
                try AtomicFile.write(try appKey.pemRepresentation(), to: directory.appKeyPath, mode: 0o600)
                try AtomicFile.write(compact, to: directory.credentialPath, mode: 0o600)
            } catch {
                throw IdentityError(.storage, "cannot save the login: \(error)")
            }
        }
    }

    /// Removes key and credential, the TLS sessions kept between runs, and any temporary copy
    /// an interrupted run left behind; returns whether there was a login.
    @discardableResult
    public func remove() throws(IdentityError) -> Bool {
        try lock.withLock(exclusive: true, lockFailure: Self.lockFailure) { () throws(IdentityError) in
            var removed = false
            for path in [directory.credentialPath, directory.appKeyPath] where FileManager.default.fileExists(atPath: path) {
                guard unlink(path) == 0 else { throw IdentityError(.storage, "cannot remove \(path): \(String(cString: strerror(errno)))") }
                removed = true
            }
            if unlink(directory.tlsSessionsPath) != 0, errno != ENOENT {
                throw IdentityError(.storage, "cannot remove \(directory.tlsSessionsPath): \(String(cString: strerror(errno)))")
            }
            TemporaryFiles.removeLeftovers(in: directory.path)
            return removed
        }
    }

    /// The verified identity for a run: key, credential, and the check that they belong together.
    public func loadIdentity(scheme: VerifiedScheme, now: Int64) throws(IdentityError) -> CitizenIdentity {
        let (key, compact) = try lock.withLock(exclusive: false, lockFailure: Self.lockFailure) { () throws(IdentityError) in
            (try loadAppKey(), try loadCredential())
        }
        guard let key, let compact else {
            throw IdentityError(.notLoggedIn, "you are not logged in; run 'bk login' first")
        }
        let credential = try Credential(compact: compact, scheme: scheme, now: now)
        guard credential.claims.cnf.jwk.canonical == key.publicJWK else {
            throw IdentityError(.damaged, "the credential belongs to another app key; run 'bk logout' and 'bk login' again")
        }
        return CitizenIdentity(appKey: key, credential: credential)
    }

    /// The stored credential JWS, unverified, or `nil` when there is none.
    public func storedCredential() throws(IdentityError) -> String? {
        try lock.withLock(exclusive: false, lockFailure: Self.lockFailure) { () throws(IdentityError) in try loadCredential() }
    }

    private func loadAppKey() throws(IdentityError) -> PrivateKey? {
        guard let bytes = try read(directory.appKeyPath, what: "app key") else { return nil }
        do {
            return try PrivateKey(pem: String(decoding: bytes, as: UTF8.self))
        } catch {
            throw IdentityError(.damaged, "the app key \(directory.appKeyPath) is damaged; run 'bk logout' and 'bk login' again")
        }
    }

    private func loadCredential() throws(IdentityError) -> String? {
        try read(directory.credentialPath, what: "credential").map { String(decoding: $0, as: UTF8.self).trimmingASCIIWhitespace }
    }

    private var lock: StateLock { StateLock(directory: directory) }

    private static func lockFailure(_ error: FileError) -> IdentityError { IdentityError(.storage, "cannot lock the state folder: \(error)") }

    private func read(_ path: String, what: String) throws(IdentityError) -> [UInt8]? {
        do {
            return try AtomicFile.read(path)
        } catch {
            throw IdentityError(.storage, "cannot read the \(what): \(error)")
        }
    }
}

/// The app key and the credential that binds it to the citizen.
public struct CitizenIdentity: Sendable {
    public let appKey: PrivateKey
    public let credential: Credential

    /// The citizen's BSN.
    public var bsn: String { credential.claims.sub }

    /// The app key thumbprint, the `aud` of FCID documents.
    public var appKeyThumbprint: String { (try? appKey.keyID()) ?? "" }
}
