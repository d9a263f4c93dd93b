/// The minimised document of PROTOCOL §10.5 (`detail: "saldo"`): per zaak only its figures as
/// the organisation states them, contact options and the open payment requests' amounts and
/// due dates; no events. Signed like any FCID (`fcid+jws`).
public struct SaldoDocument: Codable, Sendable, Hashable {
    public var iss: String
    public var sub: String
    public var aud: String
    public var iat: Int64
    public var exp: Int64
    public var documentType: String
    public var documentVersion: String
    public var financieleZaken: [Zaak]
    public var consent: String?
    public var purpose: String?
    public var detail: String?

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, iat, exp, consent, purpose, detail
        case documentType = "document_type"
        case documentVersion = "document_version"
        case financieleZaken = "financiele_zaken"
    }

    /// The members a zaak of a saldo document may have; anything else (events above all) is
    /// more than the consent allows.
    public static let zaakMembers: Set<String> = [
        "zaakkenmerk", "omschrijving", "totaal_financieel_verplicht", "totaal_financieel_vereffend", "saldo", "saldo_datumtijd", "contactopties",
        "open_betalingsverplichtingen",
    ]

    public init(
        iss: String, sub: String, aud: String, iat: Int64, exp: Int64, documentType: String, documentVersion: String, financieleZaken: [Zaak],
        consent: String?, purpose: String?, detail: String?
    ) {
        self.iss = iss
        self.sub = sub
        self.aud = aud
        self.iat = iat
        self.exp = exp
        self.documentType = documentType
        self.documentVersion = documentVersion
        self.financieleZaken = financieleZaken
        self.consent = consent
        self.purpose = purpose
        self.detail = detail
    }

    public struct Zaak: Codable, Sendable, Hashable {
        public var zaakkenmerk: String
        public var omschrijving: String?
        public var totaalFinancieelVerplicht: Int
        public var totaalFinancieelVereffend: Int
        public var saldo: Int
        public var saldoDatumtijd: String
        public var contactopties: [Contactoptie]
        public var openBetalingsverplichtingen: [OpenRequest]

        enum CodingKeys: String, CodingKey {
            case zaakkenmerk, omschrijving, saldo, contactopties
            case totaalFinancieelVerplicht = "totaal_financieel_verplicht"
            case totaalFinancieelVereffend = "totaal_financieel_vereffend"
            case saldoDatumtijd = "saldo_datumtijd"
            case openBetalingsverplichtingen = "open_betalingsverplichtingen"
        }

        public init(
            zaakkenmerk: String, omschrijving: String?, totaalFinancieelVerplicht: Int, totaalFinancieelVereffend: Int, saldo: Int, saldoDatumtijd: String,
            contactopties: [Contactoptie], openBetalingsverplichtingen: [OpenRequest]
        ) {
            self.zaakkenmerk = zaakkenmerk
            self.omschrijving = omschrijving
            self.totaalFinancieelVerplicht = totaalFinancieelVerplicht
            self.totaalFinancieelVereffend = totaalFinancieelVereffend
            self.saldo = saldo
            self.saldoDatumtijd = saldoDatumtijd
            self.contactopties = contactopties
            self.openBetalingsverplichtingen = openBetalingsverplichtingen
        }

        /// The stated figures as a folded zaak: overdue is what of the open requests is past
        /// its due date (never more than saldo), marked as stated by the organisation.
        func folded(today: String) throws(HolderFailure) -> FoldedZaak {
            guard totaalFinancieelVerplicht >= 0, totaalFinancieelVereffend >= 0,
                openBetalingsverplichtingen.allSatisfy({ $0.bedrag > 0 && Timestamps.isCalendarDate($0.vervaldatum) })
            else {
                throw HolderFailure(
                    .invalidDocument, "document content rejected: a saldo zaak has a negative figure, an amount not above zero or a malformed date")
            }
            guard saldo == totaalFinancieelVerplicht - totaalFinancieelVereffend else {
                throw HolderFailure(
                    .invalidDocument, "document content rejected: the saldo of \(TerminalText.sanitized(zaakkenmerk)) is not verplicht − vereffend")
            }
            let open = openBetalingsverplichtingen.map { request in
                OpenBetalingsverplichting(
                    gebeurtenisKenmerk: "", betalingskenmerk: "", bedrag: request.bedrag, openstaand: request.bedrag, vervaldatum: request.vervaldatum,
                    type: "", rekeningnummer: nil, achterstallig: request.vervaldatum < today)
            }
            let late = CheckedSum.of(open.filter(\.achterstallig).map(\.openstaand))
            return FoldedZaak(
                zaakkenmerk: zaakkenmerk, omschrijving: omschrijving, verplicht: totaalFinancieelVerplicht, vereffend: totaalFinancieelVereffend,
                saldo: saldo, achterstallig: max(0, min(late, saldo)), volgendeVervaldatum: saldo > 0 ? open.map(\.vervaldatum).min() : nil,
                openBetalingsverplichtingen: open, contactopties: contactopties, warnings: ["figures stated by the organisation (detail saldo)"],
                verzoeken: [])
        }
    }

    /// An open payment request, reduced to what it asks and until when.
    public struct OpenRequest: Codable, Sendable, Hashable {
        public var bedrag: Int
        public var vervaldatum: String

        public init(bedrag: Int, vervaldatum: String) {
            self.bedrag = bedrag
            self.vervaldatum = vervaldatum
        }
    }
}
