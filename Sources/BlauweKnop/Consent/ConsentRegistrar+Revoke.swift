extension ConsentRegistrar {
    /// Revokes a consent at every organisation of the scheme that takes part in Plus and
    /// remembers, in the state folder, each one that did not confirm.
    public func revokeRemembering(_ jti: String, directory: StateDirectory) async throws(FileError) -> [(SchemeDocument.Organization, Revocation)] {
        let results = await revoke(jti, at: scheme.document.organizations)
        try remember(jti, failed: results.filter { $0.1.isFailure }.map(\.0.oin), directory: directory)
        return results
    }

    /// Tries every pending revocation again at the organisations that have not confirmed it;
    /// returns what is still pending.
    public func retryPending(directory: StateDirectory) async throws(FileError) -> PendingRevocations {
        let stored = try PendingRevocations.load(from: directory)
        for item in stored.pending {
            let organizations = scheme.document.organizations.filter { item.organizations.contains($0.oin) }
            let results = await revoke(item.jti, at: organizations)
            try remember(item.jti, failed: results.filter { $0.1.isFailure }.map(\.0.oin), directory: directory)
        }
        return try PendingRevocations.load(from: directory)
    }

    private func remember(_ jti: String, failed: [String], directory: StateDirectory) throws(FileError) {
        try StateLock(directory: directory).withLock(exclusive: true, lockFailure: { $0 }) { () throws(FileError) in
            var pending = try PendingRevocations.load(from: directory)
            pending.set(jti, organizations: failed)
            try pending.save(to: directory)
        }
    }
}
