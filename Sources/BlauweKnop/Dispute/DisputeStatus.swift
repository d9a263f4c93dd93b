/// Where a request about a zaak stands at its holder (PROTOCOL §11.3): its wire value.
public enum DisputeStatus: String, Codable, Sendable, CaseIterable {
    case ontvangen
    case inBehandeling = "in_behandeling"
    case toegewezen
    case deelsToegewezen = "deels_toegewezen"
    case afgewezen
    case ingetrokken

    /// Whether the holder has decided (or the citizen withdrew): nothing can change it any more.
    public var isFinal: Bool { self != .ontvangen && self != .inBehandeling }
}

/// One request as the holder lists it (`GET <requests_url>`, PROTOCOL §11.3).
public struct DisputeListEntry: Codable, Sendable, Hashable {
    public var jti: String
    public var kind: DisputeKind
    public var zaakkenmerk: String
    public var kenmerk: String
    public var ontvangenOp: String
    public var beslissenVoor: String
    public var status: DisputeStatus
    public var statusOp: String
    /// The holder's explanation: untrusted text, sanitised before it reaches a terminal.
    public var toelichting: String?

    enum CodingKeys: String, CodingKey {
        case jti, kind, zaakkenmerk, kenmerk, status, toelichting
        case ontvangenOp = "ontvangen_op"
        case beslissenVoor = "beslissen_voor"
        case statusOp = "status_op"
    }

    public init(
        jti: String, kind: DisputeKind, zaakkenmerk: String, kenmerk: String, ontvangenOp: String, beslissenVoor: String, status: DisputeStatus,
        statusOp: String, toelichting: String?
    ) {
        self.jti = jti
        self.kind = kind
        self.zaakkenmerk = zaakkenmerk
        self.kenmerk = kenmerk
        self.ontvangenOp = ontvangenOp
        self.beslissenVoor = beslissenVoor
        self.status = status
        self.statusOp = statusOp
        self.toelichting = toelichting
    }
}

/// The body of `GET <requests_url>`.
public struct DisputeList: Codable, Sendable, Hashable {
    public var requests: [DisputeListEntry]
    public init(requests: [DisputeListEntry]) { self.requests = requests }
}
