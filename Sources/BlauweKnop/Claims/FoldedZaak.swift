/// One case with the figures the client derived from its events.
public struct FoldedZaak: Codable, Sendable, Hashable {
    public var zaakkenmerk: String
    @EncodedAsNull public var omschrijving: String?
    /// Σ obligations imposed − Σ waived, in cents.
    public var verplicht: Int
    /// Σ payments processed, in cents.
    public var vereffend: Int
    /// verplicht − vereffend; negative means the citizen paid too much.
    public var saldo: Int
    /// The part of saldo whose payment requests are past due.
    public var achterstallig: Int
    /// The earliest due date of an open payment request while saldo > 0.
    @EncodedAsNull public var volgendeVervaldatum: String?
    public var openBetalingsverplichtingen: [OpenBetalingsverplichting]
    public var contactopties: [Contactoptie]
    public var warnings: [String]
    /// When the decision behind the zaak was made (`FinancieleZaak.decisionMoment`), from
    /// schema 1.2; absent when the document does not say (a saldo-only document) and in
    /// overviews of an earlier schema version.
    public var datumtijdOpgelegd: String? = nil
    /// The requests about this zaak as its holder signed them (PROTOCOL §11.3), oldest first;
    /// from schema 1.2 always present (empty when there are none), absent in earlier versions.
    public var verzoeken: [Verzoek]? = nil

    enum CodingKeys: String, CodingKey {
        case zaakkenmerk, omschrijving, verplicht, vereffend, saldo, achterstallig, contactopties, warnings, verzoeken
        case volgendeVervaldatum = "volgende_vervaldatum"
        case openBetalingsverplichtingen = "open_betalingsverplichtingen"
        case datumtijdOpgelegd = "datumtijd_opgelegd"
    }

}

extension FoldedZaak {
    /// The next due date of these zaken, as PROTOCOL §5 defines it and the JSON and XML say
    /// (`volgende_vervaldatum`): the earliest due date of an open payment request of a zaak
    /// with saldo > 0. When it is before today, that payment was missed: table and PDF show the
    /// date as overdue, and no sentence calls it the next payment.
    public static func nextDueDate(in zaken: [FoldedZaak]) -> String? {
        zaken.compactMap(\.volgendeVervaldatum).min()
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
    @EncodedAsNull public var rekeningnummer: String?
    /// Whether the due date has passed.
    public var achterstallig: Bool

    enum CodingKeys: String, CodingKey {
        case betalingskenmerk, bedrag, openstaand, vervaldatum, type, rekeningnummer, achterstallig
        case gebeurtenisKenmerk = "gebeurtenis_kenmerk"
    }

}
