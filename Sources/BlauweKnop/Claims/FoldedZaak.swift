/// One case with the figures the client derived from its events.
public struct FoldedZaak: Codable, Sendable, Hashable {
    public var zaakkenmerk: String
    public var omschrijving: String?
    /// Σ obligations imposed − Σ waived, in cents.
    public var verplicht: Int
    /// Σ payments processed, in cents.
    public var vereffend: Int
    /// verplicht − vereffend; negative means the citizen paid too much.
    public var saldo: Int
    /// The part of saldo whose payment requests are past due.
    public var achterstallig: Int
    /// The earliest due date of an open payment request while saldo > 0.
    public var volgendeVervaldatum: String?
    public var openBetalingsverplichtingen: [OpenBetalingsverplichting]
    public var contactopties: [Contactoptie]
    public var warnings: [String]

    enum CodingKeys: String, CodingKey {
        case zaakkenmerk, omschrijving, verplicht, vereffend, saldo, achterstallig, contactopties, warnings
        case volgendeVervaldatum = "volgende_vervaldatum"
        case openBetalingsverplichtingen = "open_betalingsverplichtingen"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(zaakkenmerk, forKey: .zaakkenmerk)
        try container.encode(omschrijving, forKey: .omschrijving)
        try container.encode(verplicht, forKey: .verplicht)
        try container.encode(vereffend, forKey: .vereffend)
        try container.encode(saldo, forKey: .saldo)
        try container.encode(achterstallig, forKey: .achterstallig)
        try container.encode(volgendeVervaldatum, forKey: .volgendeVervaldatum)
        try container.encode(openBetalingsverplichtingen, forKey: .openBetalingsverplichtingen)
        try container.encode(contactopties, forKey: .contactopties)
        try container.encode(warnings, forKey: .warnings)
    }
}

/// A payment request not withdrawn and not yet covered by payments.
public struct OpenBetalingsverplichting: Codable, Sendable, Hashable {
    public var gebeurtenisKenmerk: String
    public var betalingskenmerk: String
    /// The amount requested, in cents.
    public var bedrag: Int
    /// What is still to be paid of it after earlier payments, in cents.
    public var openstaand: Int
    public var vervaldatum: String
    /// `Aanschrijving`, `Herinnering` or `Aanmaning`.
    public var type: String
    public var rekeningnummer: String?
    /// Whether the due date has passed.
    public var achterstallig: Bool

    enum CodingKeys: String, CodingKey {
        case betalingskenmerk, bedrag, openstaand, vervaldatum, type, rekeningnummer, achterstallig
        case gebeurtenisKenmerk = "gebeurtenis_kenmerk"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(gebeurtenisKenmerk, forKey: .gebeurtenisKenmerk)
        try container.encode(betalingskenmerk, forKey: .betalingskenmerk)
        try container.encode(bedrag, forKey: .bedrag)
        try container.encode(openstaand, forKey: .openstaand)
        try container.encode(vervaldatum, forKey: .vervaldatum)
        try container.encode(type, forKey: .type)
        try container.encode(rekeningnummer, forKey: .rekeningnummer)
        try container.encode(achterstallig, forKey: .achterstallig)
    }
}
