/// The checks of PROTOCOL §12.1 on a statement a citizen's run receives: bound to this app
/// key and citizen, fully disclosed, and saying exactly what the same organisation's FCID of
/// this run says. Any failure makes the holder `invalid_document`.
extension SaldoStatement {
    /// Reads and checks the statement an organisation sent in the run that also brought
    /// `document`, its verified FCID.
    public static func received(
        _ compact: String, organization: SchemeDocument.Organization, keys: TrustedKeys, appKeyThumbprint: String, bsn: String,
        document: FinancialClaimsDocument, now: Int64
    ) throws(HolderFailure) -> SaldoStatement {
        let statement: SaldoStatement
        do throws(SDJWTError) {
            let sdJWT = try SDJWT(compact: compact)
            guard sdJWT.keyBinding == nil else { throw SDJWTError(.malformed, "the statement carries a key binding; a holder sends none") }
            statement = try SaldoStatement(verifying: sdJWT, keys: keys, now: now)
        } catch {
            let status: HolderStatus = error.code == .invalidSignature ? .invalidSignature : .invalidDocument
            throw HolderFailure(status, "saldo statement: \(error.detail)")
        }
        try statement.check(organization: organization, appKeyThumbprint: appKeyThumbprint, bsn: bsn, document: document, now: now)
        return statement
    }

    private func check(
        organization: SchemeDocument.Organization, appKeyThumbprint: String, bsn: String, document: FinancialClaimsDocument, now: Int64
    ) throws(HolderFailure) {
        func refuse(_ reason: String) -> HolderFailure { HolderFailure(.invalidDocument, "saldo statement: \(reason)") }
        guard claims.iss == organization.oin else { throw refuse("issued by \(claims.iss), not by \(organization.oin)") }
        guard !isExpired(now: now) else { throw refuse("expired at \(EpochTime.describe(claims.exp))") }
        guard (try? claims.cnf.jwk.thumbprint()) == appKeyThumbprint else { throw refuse("made for another app key") }
        guard let disclosedBSN = self.bsn else { throw refuse("the BSN is not disclosed") }
        guard disclosedBSN == bsn else { throw refuse("about another citizen") }
        guard let totalen else { throw refuse("the totals are not disclosed") }
        // Overdue is decided on the date the statement's figures are of, as the holder did.
        guard let moment = Timestamps.parseRFC3339(claims.saldoDatumtijd) else { throw refuse("saldo_datumtijd is not a moment") }
        let derived: [FoldedZaak]
        do {
            derived = try ClaimsFold.fold(document, today: Timestamps.calendarDate(moment))
        } catch {
            throw refuse("the organisation's document cannot be folded on the statement's date")
        }
        guard totalen == Totalen(derived) else { throw refuse("its totals differ from the organisation's own document of this run") }
        let stated = zaken.sorted { $0.zaakkenmerk < $1.zaakkenmerk }
        guard stated == derived.map(Zaak.init).sorted(by: { $0.zaakkenmerk < $1.zaakkenmerk }) else {
            throw refuse("its zaken differ from the organisation's own document of this run")
        }
    }
}
