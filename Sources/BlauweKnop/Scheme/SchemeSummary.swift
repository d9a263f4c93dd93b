/// A readable summary of a verified scheme, for `bk scheme show`.
public struct SchemeSummary: Codable, Sendable {
    public struct Entry: Codable, Sendable {
        public var oin: String
        public var name: String
        public var url: String
        public var keyIDs: [String]

        enum CodingKeys: String, CodingKey {
            case oin, name, url
            case keyIDs = "key_ids"
        }
    }

    public var iss: String
    public var environment: String
    public var version: Int
    public var issuedAt: String
    public var expiresAt: String
    public var organizations: [Entry]
    public var appManagers: [Entry]

    enum CodingKeys: String, CodingKey {
        case iss, environment, version, organizations
        case issuedAt = "issued_at"
        case expiresAt = "expires_at"
        case appManagers = "app_managers"
    }

    public init(_ scheme: VerifiedScheme) {
        let document = scheme.document
        iss = document.iss
        environment = document.environment
        version = document.version
        issuedAt = EpochTime.describe(document.iat)
        expiresAt = EpochTime.describe(document.exp)
        organizations = document.organizations.map {
            Entry(oin: $0.oin, name: $0.name, url: $0.discoveryURL, keyIDs: scheme.organizationKeys[$0.oin]?.ids ?? [])
        }
        appManagers = document.appManagers.map {
            Entry(oin: $0.oin, name: $0.name, url: $0.registrationURL, keyIDs: scheme.appManagerKeys[$0.oin]?.ids ?? [])
        }
    }

    /// A plain-text table.
    public func table() -> String {
        var lines = ["Scheme \(environment) version \(version), issued by \(iss)", "valid from \(issuedAt) until \(expiresAt)", ""]
        var table = TextTable(headers: ["Organisation", "OIN", "Discovery URL", "Key ids"], rightAligned: [])
        for entry in organizations { table.add([entry.name, entry.oin, entry.url, entry.keyIDs.joined(separator: " ")]) }
        lines += table.render()
        lines.append("")
        var managers = TextTable(headers: ["App Manager", "OIN", "Registration URL", "Key ids"], rightAligned: [])
        for entry in appManagers { managers.add([entry.name, entry.oin, entry.url, entry.keyIDs.joined(separator: " ")]) }
        lines += managers.render()
        return lines.joined(separator: "\n") + "\n"
    }
}
