import Foundation

/// The citizen's app key and credential in the state directory, both mode 0600.
public struct IdentityStore: Sendable {
    public let directory: StateDirectory

    public init(directory: StateDirectory) { self.directory = directory }

    /// The stored app key, or a new one saved first.
    public func loadOrCreateAppKey() throws(IdentityError) -> PrivateKey {
        if let key = try loadAppKey() { return key }
        do {
            let key = try PrivateKey.generate(.p256)
            try directory.create()
            try AtomicFile.write(try key.pemRepresentation(), to: directory.appKeyPath, mode: 0o600)
            return key
        } catch let error as FileError {
            throw IdentityError(.storage, "cannot save the app key: \(error)")
        } catch {
            throw IdentityError(.storage, "cannot create an app key: \(error)")
        }
    }

    /// The stored app key, or `nil` when there is none.
    public func loadAppKey() throws(IdentityError) -> PrivateKey? {
        guard let bytes = try read(directory.appKeyPath, what: "app key") else { return nil }
        do {
            return try PrivateKey(pem: String(decoding: bytes, as: UTF8.self))
        } catch {
            throw IdentityError(.damaged, "the app key \(directory.appKeyPath) is damaged; run 'bk logout' and 'bk login' again")
        }
    }

    /// The stored credential JWS, or `nil`.
    public func loadCredential() throws(IdentityError) -> String? {
        try read(directory.credentialPath, what: "credential").map { String(decoding: $0, as: UTF8.self).trimmingASCIIWhitespace }
    }

    /// Saves the credential atomically, mode 0600.
    public func saveCredential(_ compact: String) throws(IdentityError) {
        do {
            try directory.create()
            try AtomicFile.write(compact, to: directory.credentialPath, mode: 0o600)
        } catch {
            throw IdentityError(.storage, "cannot save the credential: \(error)")
        }
    }

    /// Removes key and credential; returns whether anything was there.
    @discardableResult
    public func remove() throws(IdentityError) -> Bool {
        var removed = false
        for path in [directory.credentialPath, directory.appKeyPath] where FileManager.default.fileExists(atPath: path) {
            guard unlink(path) == 0 else { throw IdentityError(.storage, "cannot remove \(path): \(String(cString: strerror(errno)))") }
            removed = true
        }
        return removed
    }

    /// The verified identity for a run: key, credential, and the check that they belong together.
    public func loadIdentity(scheme: VerifiedScheme, now: Int64) throws(IdentityError) -> CitizenIdentity {
        guard let key = try loadAppKey(), let compact = try loadCredential() else {
            throw IdentityError(.notLoggedIn, "you are not logged in; run 'bk login' first")
        }
        let credential = try Credential(compact: compact, scheme: scheme, now: now)
        guard credential.claims.cnf.jwk.canonical == key.publicJWK else {
            throw IdentityError(.damaged, "the credential belongs to another app key; run 'bk logout' and 'bk login' again")
        }
        return CitizenIdentity(appKey: key, credential: credential)
    }

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
