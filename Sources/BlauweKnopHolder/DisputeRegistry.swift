import BlauweKnop

/// The requests about zaken one holder has received (PROTOCOL §11), kept before it answers, and
/// the documents it issued, so that a request can only be about a document this holder gave
/// to that citizen.
struct DisputeRegistry {
    /// Documents remembered per citizen: the most recent ones.
    static let documentsPerCitizen = 32
    /// Requests kept per citizen; one more is refused (a flood must not grow the holder).
    static let requestsPerCitizen = 200

    struct Entry {
        let request: DisputeRequest
        var listed: DisputeListEntry
    }

    enum Filing {
        case created(Entry)
        /// The identical request again: the same receipt.
        case repeated(Entry)
        /// The same id with other content.
        case conflict
        case tooMany
    }

    enum Withdrawal { case withdrawn, notFound, decided }

    private var entries: [String: Entry] = [:]
    private var order: [String] = []
    private var documents: [String: [String]] = [:]
    private var counter = 0

    /// Remembers a document issued to a citizen (by its digest).
    mutating func issued(documentDigest: String, bsn: String) {
        var digests = documents[bsn, default: []]
        digests.removeAll { $0 == documentDigest }
        digests.append(documentDigest)
        documents[bsn] = Array(digests.suffix(Self.documentsPerCitizen))
    }

    /// Whether this holder issued the document with this digest to this citizen lately.
    func issued(_ documentDigest: String, to bsn: String) -> Bool { documents[bsn]?.contains(documentDigest) == true }

    /// The holder's next own reference for a request of `kind`.
    private mutating func nextReference(prefix: String, kind: DisputeKind, year: String) -> String {
        counter += 1
        let kindCode = ["bezwaar": "BZW", "correctie": "COR", "verwijdering": "VRW"][kind.rawValue] ?? "VZK"
        return "\(prefix)-\(kindCode)-\(year)-\(String(counter).leftPaddedWithZeros(to: 4))"
    }

    /// Files a request, listed as `listing` makes it (given the holder's new reference) when
    /// it is new.
    mutating func file(_ request: DisputeRequest, referencePrefix: String, year: String, listing: (_ kenmerk: String) -> DisputeListEntry) -> Filing {
        if let existing = entries[request.claims.jti] {
            return existing.request.compact == request.compact ? .repeated(existing) : .conflict
        }
        guard entries.values.filter({ $0.request.claims.sub == request.claims.sub }).count < Self.requestsPerCitizen else { return .tooMany }
        let kenmerk = nextReference(prefix: referencePrefix, kind: request.claims.kind, year: year)
        let entry = Entry(request: request, listed: listing(kenmerk))
        entries[request.claims.jti] = entry
        order.append(request.claims.jti)
        return .created(entry)
    }

    /// A citizen's requests, newest first.
    func list(bsn: String) -> [DisputeListEntry] {
        order.reversed().compactMap { entries[$0] }.filter { $0.request.claims.sub == bsn }.map(\.listed)
    }

    /// The requests about one zaak of a citizen, as the document states them.
    func verzoeken(bsn: String, zaakkenmerk: String) -> [Verzoek] {
        order.compactMap { entries[$0] }.filter { $0.request.claims.sub == bsn && $0.request.claims.zaakkenmerk == zaakkenmerk }.map {
            Verzoek(
                request: $0.listed.jti, kind: $0.listed.kind.rawValue, kenmerk: $0.listed.kenmerk, ontvangenOp: $0.listed.ontvangenOp,
                status: $0.listed.status.rawValue)
        }
    }

    /// Withdraws a citizen's request: also when already withdrawn; not one already decided.
    mutating func withdraw(jti: String, bsn: String, at moment: String) -> Withdrawal {
        guard var entry = entries[jti], entry.request.claims.sub == bsn else { return .notFound }
        if entry.listed.status == .ingetrokken { return .withdrawn }
        guard !entry.listed.status.isFinal else { return .decided }
        entry.listed.status = .ingetrokken
        entry.listed.statusOp = moment
        entries[jti] = entry
        return .withdrawn
    }

    /// Moves a request to another status (the organisation's own work, simulated for tests
    /// and the demo); false for an unknown id.
    mutating func setStatus(jti: String, to status: DisputeStatus, toelichting: String?, at moment: String) -> Bool {
        guard var entry = entries[jti] else { return false }
        entry.listed.status = status
        entry.listed.statusOp = moment
        entry.listed.toelichting = toelichting
        entries[jti] = entry
        return true
    }
}

extension String {
    /// The string with zeros before it up to `width` characters.
    func leftPaddedWithZeros(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

extension Array {
    /// nil for an empty array, so that an optional list is left out of a document.
    var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}
