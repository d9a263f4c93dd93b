/// The FCID payload (PROTOCOL §5): a citizen's financial cases at one organisation, as events.
public struct FinancialClaimsDocument: Codable, Sendable, Hashable {
    /// The JWS type of FCID documents.
    public static let jwsType = "fcid+jws"
    /// The document type name.
    public static let documentType = "financial_claims_information"
    /// The major version bk understands.
    public static let supportedMajorVersion = 3
    /// Largest FCID accepted (PROTOCOL §6).
    public static let maxBytes = 8 << 20

    public var iss: String
    public var sub: String
    public var aud: String
    public var iat: Int64
    public var exp: Int64
    public var documentType: String
    public var documentVersion: String
    public var financieleZaken: [FinancieleZaak]
    /// For a requester (PROTOCOL §10.4): the consent's id, purpose and detail; absent for the
    /// citizen's own document.
    public var consent: String?
    public var purpose: String?
    public var detail: String?

    enum CodingKeys: String, CodingKey {
        case iss, sub, aud, iat, exp, consent, purpose, detail
        case documentType = "document_type"
        case documentVersion = "document_version"
        case financieleZaken = "financiele_zaken"
    }

    public init(
        iss: String, sub: String, aud: String, iat: Int64, exp: Int64, documentType: String = Self.documentType,
        documentVersion: String = "3.0", financieleZaken: [FinancieleZaak], consent: String? = nil, purpose: String? = nil, detail: String? = nil
    ) {
        self.consent = consent
        self.purpose = purpose
        self.detail = detail
        self.iss = iss
        self.sub = sub
        self.aud = aud
        self.iat = iat
        self.exp = exp
        self.documentType = documentType
        self.documentVersion = documentVersion
        self.financieleZaken = financieleZaken
    }
}

/// One financial case ("financiële zaak").
public struct FinancieleZaak: Codable, Sendable, Hashable {
    public var zaakkenmerk: String
    public var omschrijving: String?
    /// Stated totals; the client recomputes them and warns on a difference.
    public var totaalFinancieelVerplicht: Int?
    public var totaalFinancieelVereffend: Int?
    public var saldo: Int?
    public var saldoDatumtijd: String?
    public var gebeurtenissen: [Gebeurtenis]
    public var contactopties: [Contactoptie]?
    /// Requests about this zaak (PROTOCOL §11.3), signed as part of the document.
    public var verzoeken: [Verzoek]?

    enum CodingKeys: String, CodingKey {
        case zaakkenmerk, omschrijving, saldo, gebeurtenissen, contactopties, verzoeken
        case totaalFinancieelVerplicht = "totaal_financieel_verplicht"
        case totaalFinancieelVereffend = "totaal_financieel_vereffend"
        case saldoDatumtijd = "saldo_datumtijd"
    }

    public init(
        zaakkenmerk: String, omschrijving: String?, totaalFinancieelVerplicht: Int? = nil, totaalFinancieelVereffend: Int? = nil,
        saldo: Int? = nil, saldoDatumtijd: String? = nil, gebeurtenissen: [Gebeurtenis], contactopties: [Contactoptie]? = nil
    ) {
        self.zaakkenmerk = zaakkenmerk
        self.omschrijving = omschrijving
        self.totaalFinancieelVerplicht = totaalFinancieelVerplicht
        self.totaalFinancieelVereffend = totaalFinancieelVereffend
        self.saldo = saldo
        self.saldoDatumtijd = saldoDatumtijd
        self.gebeurtenissen = gebeurtenissen
        self.contactopties = contactopties
    }
}

extension FinancieleZaak {
    /// When the decision behind the zaak was made: the primary obligation's
    /// `datumtijd_opgelegd` (else the first obligation's); the start of the objection term.
    public var decisionMoment: String? {
        let decisions = gebeurtenissen.filter { $0.gebeurtenisType == "FinancieleVerplichtingOpgelegd" }
        return (decisions.first { $0.primaireVerplichting == true } ?? decisions.first)?.datumtijdOpgelegd
    }
}

/// A request about a zaak as its holder states it in the document (PROTOCOL §11.3).
public struct Verzoek: Codable, Sendable, Hashable {
    /// The request's `jti`.
    public var request: String
    /// `bezwaar`, `correctie` or `verwijdering`; kept as text, so that a kind this client does
    /// not know is shown rather than rejected.
    public var kind: String
    public var kenmerk: String
    public var ontvangenOp: String
    public var status: String

    enum CodingKeys: String, CodingKey {
        case request, kind, kenmerk, status
        case ontvangenOp = "ontvangen_op"
    }

    public init(request: String, kind: String, kenmerk: String, ontvangenOp: String, status: String) {
        self.request = request
        self.kind = kind
        self.kenmerk = kenmerk
        self.ontvangenOp = ontvangenOp
        self.status = status
    }
}

/// A way to contact the organisation about a case.
public struct Contactoptie: Codable, Sendable, Hashable {
    public var soort: String
    public var waarde: String
    public var omschrijving: String?

    public init(soort: String, waarde: String, omschrijving: String? = nil) {
        self.soort = soort
        self.waarde = waarde
        self.omschrijving = omschrijving
    }
}

/// One event. The members used depend on `gebeurtenisType`; unknown members are ignored.
public struct Gebeurtenis: Codable, Sendable, Hashable {
    public var gebeurtenisType: String
    public var gebeurtenisKenmerk: String
    public var datumtijdGebeurtenis: String
    public var zaakkenmerk: String
    public var datumtijdOpgelegd: String?
    public var beschikkingsnummer: String?
    public var primaireVerplichting: Bool?
    public var type: String?
    public var categorie: String?
    public var bedrag: Int?
    public var omschrijving: String?
    public var betalingskenmerk: String?
    public var vervaldatum: String?
    public var rekeningnummer: String?
    public var ingetrokkenGebeurtenisKenmerk: String?
    public var datumtijdVerwerkt: String?

    enum CodingKeys: String, CodingKey {
        case zaakkenmerk, beschikkingsnummer, type, categorie, bedrag, omschrijving, betalingskenmerk, vervaldatum, rekeningnummer
        case gebeurtenisType = "gebeurtenis_type"
        case gebeurtenisKenmerk = "gebeurtenis_kenmerk"
        case datumtijdGebeurtenis = "datumtijd_gebeurtenis"
        case datumtijdOpgelegd = "datumtijd_opgelegd"
        case primaireVerplichting = "primaire_verplichting"
        case ingetrokkenGebeurtenisKenmerk = "ingetrokken_gebeurtenis_kenmerk"
        case datumtijdVerwerkt = "datumtijd_verwerkt"
    }

    public init(
        gebeurtenisType: String, gebeurtenisKenmerk: String, datumtijdGebeurtenis: String, zaakkenmerk: String,
        datumtijdOpgelegd: String? = nil, beschikkingsnummer: String? = nil, primaireVerplichting: Bool? = nil, type: String? = nil,
        categorie: String? = nil, bedrag: Int? = nil, omschrijving: String? = nil, betalingskenmerk: String? = nil,
        vervaldatum: String? = nil, rekeningnummer: String? = nil, ingetrokkenGebeurtenisKenmerk: String? = nil,
        datumtijdVerwerkt: String? = nil
    ) {
        self.gebeurtenisType = gebeurtenisType
        self.gebeurtenisKenmerk = gebeurtenisKenmerk
        self.datumtijdGebeurtenis = datumtijdGebeurtenis
        self.zaakkenmerk = zaakkenmerk
        self.datumtijdOpgelegd = datumtijdOpgelegd
        self.beschikkingsnummer = beschikkingsnummer
        self.primaireVerplichting = primaireVerplichting
        self.type = type
        self.categorie = categorie
        self.bedrag = bedrag
        self.omschrijving = omschrijving
        self.betalingskenmerk = betalingskenmerk
        self.vervaldatum = vervaldatum
        self.rekeningnummer = rekeningnummer
        self.ingetrokkenGebeurtenisKenmerk = ingetrokkenGebeurtenisKenmerk
        self.datumtijdVerwerkt = datumtijdVerwerkt
    }
}

/// The event types of bk-1.
public enum GebeurtenisType: String, Sendable, CaseIterable {
    case financieleVerplichtingOpgelegd = "FinancieleVerplichtingOpgelegd"
    case financieleVerplichtingKwijtgescholden = "FinancieleVerplichtingKwijtgescholden"
    case betalingsverplichtingOpgelegd = "BetalingsverplichtingOpgelegd"
    case betalingsverplichtingIngetrokken = "BetalingsverplichtingIngetrokken"
    case betalingVerwerkt = "BetalingVerwerkt"
}
