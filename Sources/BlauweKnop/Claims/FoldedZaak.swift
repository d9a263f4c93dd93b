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

    enum CodingKeys: String, CodingKey {
        case zaakkenmerk, omschrijving, verplicht, vereffend, saldo, achterstallig, contactopties, warnings
        case volgendeVervaldatum = "volgende_vervaldatum"
        case openBetalingsverplichtingen = "open_betalingsverplichtingen"
    }

}

extension FoldedZaak {
    /// The next payment of these zaken: the earliest due date, today or later, of a payment
    /// request that is not overdue. Past dates are overdue and said as such, never as the next
    /// payment.
    public static func nextPayment(in zaken: [FoldedZaak], today: String) -> String? {
        zaken.flatMap(\.openBetalingsverplichtingen).filter { !$0.achterstallig && $0.vervaldatum >= today }.map(\.vervaldatum).min()
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
