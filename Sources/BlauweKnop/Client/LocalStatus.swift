import Foundation

/// `bk status`: who is logged in on this computer and which scheme bk last accepted, from the
/// state directory alone (nothing is fetched). The BSN is shown masked.
public struct LocalStatus: Codable, Sendable {
    public var loggedIn: Bool
    /// The masked BSN of the credential, when logged in.
    public var bsn: String?
    /// When the credential expires (RFC 3339).
    public var credentialValidUntil: String?
    public var credentialExpired: Bool?
    public var schemeVersion: Int?
    /// When the last accepted scheme expires (RFC 3339).
    public var schemeExpiresAt: String?
    public var stateDirectory: String

    enum CodingKeys: String, CodingKey {
        case bsn
        case loggedIn = "logged_in"
        case credentialValidUntil = "credential_valid_until"
        case credentialExpired = "credential_expired"
        case schemeVersion = "scheme_version"
        case schemeExpiresAt = "scheme_expires_at"
        case stateDirectory = "state_directory"
    }

    /// Reads the state directory. The stored scheme is verified against the trust anchor (as
    /// of when it was issued, so an expired one is still shown) and the credential against
    /// that scheme's App Managers; anything that does not verify counts as not there.
    public static func read(settings: ClientSettings, clock: WallClock = .system) -> LocalStatus {
        let directory = StateDirectory(path: settings.stateDirectory)
        var status = LocalStatus(loggedIn: false, stateDirectory: directory.path)
        guard let anchorPath = settings.trustAnchorPath, let anchor = try? TrustAnchor(path: anchorPath),
            let state = try? SchemeStateStore(directory: directory).load(), let jws = state.jws,
            let issuedAt = (try? JWS(compact: jws)).flatMap({ try? JSONCoding.decode(SchemeDocument.self, from: $0.payload) })?.iat,
            let scheme = try? VerifiedScheme(compact: jws, trustAnchor: anchor, environment: settings.environment, now: issuedAt)
        else { return status }
        status.schemeVersion = scheme.document.version
        status.schemeExpiresAt = EpochTime.describe(scheme.document.exp)
        guard let compact = try? IdentityStore(directory: directory).storedCredential(),
            let claims = try? Credential.verifiedClaims(
                compact: compact, appManagerKeys: scheme.appManagerKeys, environment: scheme.document.environment, now: clock.epochSeconds, checkExpiry: false)
        else { return status }
        status.loggedIn = claims.exp > clock.epochSeconds
        status.bsn = Identifiers.masked(bsn: claims.sub)
        status.credentialValidUntil = EpochTime.describe(claims.exp)
        status.credentialExpired = claims.exp <= clock.epochSeconds
        return status
    }
}
