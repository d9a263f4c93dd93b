/// A share file (PROTOCOL §12.2): the scheme the statements verify against and one
/// presentation per organisation, each with only the chosen disclosures and a key binding to
/// the recipient.
public struct ShareFile: Codable, Sendable, Hashable {
    /// The file's `type`.
    public static let typeName = "bk-share"
    /// Largest share file read.
    public static let maxBytes = 4 << 20

    public var type: String
    public var version: Int
    /// The scheme JWS, as the citizen's bk accepted it.
    public var scheme: String
    /// `<sd-jwt>~<kb-jwt>`, one per organisation.
    public var presentations: [String]

    public init(scheme: String, presentations: [String]) {
        self.type = Self.typeName
        self.version = 1
        self.scheme = scheme
        self.presentations = presentations
    }

    private struct TypeOnly: Decodable { let type: String? }

    /// Whether bytes claim to be a share file (what `bk verify` then reads them as).
    public static func isShareFile(_ bytes: [UInt8]) -> Bool {
        bytes.count <= maxBytes && (try? JSONCoding.decode(TypeOnly.self, from: bytes))?.type == typeName
    }
}
