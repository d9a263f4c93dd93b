/// How a citizen names a consent to withdraw: its full id, the short id `bk consent list`
/// shows (the first characters of the id), or the consent file itself.
public enum ConsentSelector {
    /// Characters of the id that `bk consent list` shows.
    public static let shortLength = 8

    /// The short id shown for a consent.
    public static func shortID(_ jti: String) -> String { String(jti.prefix(shortLength)) }

    /// The full id `given` names without asking anyone: itself when it is a full id, or the id
    /// inside a consent file of that name; nil when it can only be a short id.
    public static func fullID(_ given: String) -> String? {
        if isFullID(given) { return given }
        guard given.contains(".") || given.contains("/"), let bytes = try? AtomicFile.read(given, limit: Consent.maxBytes, regularOnly: true),
            let jws = try? JWS(compact: String(decoding: bytes, as: UTF8.self).trimmingASCIIWhitespace),
            let claims = try? JSONCoding.decode(Consent.Claims.self, from: jws.payload), isFullID(claims.jti)
        else { return nil }
        return claims.jti
    }

    /// The one id among `ids` that starts with `prefix`.
    /// - Throws: `.unknown` when none does, `.ambiguous` when several do.
    public static func match(_ prefix: String, in ids: [String]) throws(ConsentError) -> String {
        let found = Set(ids.filter { $0.hasPrefix(prefix) })
        guard !prefix.isEmpty, let only = found.first else {
            throw ConsentError(.unknown, "no consent of yours has the id '\(TerminalText.sanitized(String(prefix.prefix(40))))'")
        }
        guard found.count == 1 else { throw ConsentError(.ambiguous, "more than one consent starts with '\(TerminalText.sanitized(prefix))'") }
        return only
    }

    static func isFullID(_ text: String) -> Bool { text.utf8.count == 22 && Base64URL.decode(text)?.count == 16 }
}
