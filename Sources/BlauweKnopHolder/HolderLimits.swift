/// What one client may take of a holder, so that a flood from one address or one citizen never
/// stops another (README, "The reference holder under load"). Each is set in the environment
/// file's `limits` object by the names below; a missing one keeps its default.
public struct HolderLimits: Codable, Sendable, Equatable {
    /// Live (unexpired, unrevoked) consents one citizen may have at one organisation; one more
    /// is answered `429`.
    public var consentsPerCitizen = 100
    /// Days an expired or revoked consent stays listed (with its accesses) before it is purged.
    public var consentGraceDays = 30
    /// Accesses listed per consent: the most recent; the count, first and last cover all.
    public var recentAccesses = 20
    /// Connections one client address may hold open to one listener at once; more are closed
    /// as they come.
    public var connectionsPerClient = 64
    /// Seconds a connection may go without a whole request head (or body part) while no
    /// response is under way: from accept (TLS handshake included) to the first request, and
    /// between requests. A client that sends half a request, or nothing, is closed then.
    public var idleTimeoutSeconds = 10

    public init() {}

    enum CodingKeys: String, CodingKey {
        case consentsPerCitizen = "consents_per_citizen"
        case consentGraceDays = "consent_grace_days"
        case recentAccesses = "recent_accesses"
        case connectionsPerClient = "connections_per_client"
        case idleTimeoutSeconds = "idle_timeout_seconds"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = HolderLimits()
        consentsPerCitizen = try container.decodeIfPresent(Int.self, forKey: .consentsPerCitizen) ?? defaults.consentsPerCitizen
        consentGraceDays = try container.decodeIfPresent(Int.self, forKey: .consentGraceDays) ?? defaults.consentGraceDays
        recentAccesses = try container.decodeIfPresent(Int.self, forKey: .recentAccesses) ?? defaults.recentAccesses
        connectionsPerClient = try container.decodeIfPresent(Int.self, forKey: .connectionsPerClient) ?? defaults.connectionsPerClient
        idleTimeoutSeconds = try container.decodeIfPresent(Int.self, forKey: .idleTimeoutSeconds) ?? defaults.idleTimeoutSeconds
    }
}
