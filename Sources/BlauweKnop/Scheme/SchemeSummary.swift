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

    /// A table for people, fitting the style's width.
    public func table(style: TableStyle = TableStyle()) -> String {
        let text = style.messages
        var lines = [
            text[.schemeTitle, ["environment": TerminalText.sanitized(environment), "version": "\(version)", "issuer": iss]],
            text[.schemeValidity, ["from": text.moment(issuedAt), "until": text.moment(expiresAt)]], "",
        ]
        for (title, entries) in [(text[.schemeColumnOrganization], organizations), (text[.schemeColumnAppManager], appManagers)] {
            var table = FittingTable([
                .init(header: title, flexible: true), .init(header: "OIN"), .init(header: text[.schemeColumnURL], dropPriority: 1),
                .init(header: text[.schemeColumnKeys], dropPriority: 0),
            ])
            for entry in entries { table.add([.init(entry.name), .init(entry.oin), .init(entry.url), .init(entry.keyIDs.joined(separator: " "))]) }
            lines += table.render(width: style.width, color: false)
            lines.append("")
        }
        return lines.dropLast().joined(separator: "\n") + "\n"
    }
}
