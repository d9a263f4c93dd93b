import Foundation

/// What an overview says in words about payments and completeness, decided once for the table
/// and the PDF: to whom (the citizen, or a counsellor reading about a client under a consent,
/// PROTOCOL §10.6), and only of the organisations that answered.
struct OverviewSentences {
    /// One statement; `failures` lists organisations that gave nothing, each form in its own way.
    enum Statement: Equatable {
        case line(String, strong: Bool)
        case failures([HolderResult])
    }

    let overview: Overview
    let text: Messages

    /// A requester's overview: the reader is a counsellor; the client is the third person.
    var forRequester: Bool { overview.consent != nil }

    /// The organisations that count: all of them, or those a consent had asked.
    var asked: [HolderResult] { overview.holders.filter { !forRequester || !$0.status.isOutOfScope } }

    private var answered: [HolderResult] { asked.filter(\.status.isSuccess) }

    /// What is overdue and the next payment, said only of organisations that answered (none
    /// when nobody did): `late` tells whether the first line is an alert.
    func payments() -> (lines: [String], late: Bool) {
        guard !answered.isEmpty else { return ([], false) }
        let late = overview.totals.achterstallig
        var lines: [String] = [
            late > 0
                ? text[forRequester ? .clientOverdueLine : .overdueLine, ["amount": Money.euros(late, in: text.language)]]
                : text[
                    answered.count == asked.count
                        ? (forRequester ? .clientNoOverdueLine : .noOverdueLine) : (forRequester ? .clientNoOverdueAnswered : .noOverdueAnswered)]
        ]
        let today = String(overview.generatedAt.prefix(10))
        if let next = FoldedZaak.nextDueDate(in: answered.flatMap(\.zaken)), next >= today {
            lines.append(text[forRequester ? .clientNextPaymentLine : .nextPaymentLine, ["date": text.date(next)]])
        }
        return (lines, late > 0)
    }

    /// Whether everyone answered, who gave nothing, and (under a consent) who was not asked.
    func completeness() -> [Statement] { forRequester ? scopeOfConsent() : citizenCompleteness() }

    /// That the amounts come from sealed documents: said only when a document was checked.
    var seal: String? { answered.isEmpty ? nil : text[.overviewSealExplained] }

    private func citizenCompleteness() -> [Statement] {
        let failed = overview.holders.filter { !$0.status.isSuccess }
        if failed.isEmpty { return [.line(text[.completeLine, ["count": "\(overview.holders.count)"]], strong: false)] }
        var statements: [Statement] = [.line(text[.incompleteLine], strong: true), .failures(failed)]
        if failed.count == overview.holders.count { statements.append(.line(text[.nothingAnswered], strong: true)) }
        return statements
    }

    private func scopeOfConsent() -> [Statement] {
        let names = { (holders: [HolderResult]) in holders.map { TerminalText.sanitized($0.displayName) }.joined(separator: ", ") }
        var statements: [Statement] = []
        if !asked.isEmpty { statements.append(.line(text[.askedLine, ["names": names(asked)]], strong: false)) }
        let failed = asked.filter { !$0.status.isSuccess }
        if asked.isEmpty || failed.count == asked.count {
            statements += [.line(text[.askedNoneAnswered], strong: true), .failures(failed)]
        } else if failed.isEmpty {
            statements.append(.line(text[.askedAllAnswered], strong: false))
        } else {
            statements += [.line(text[.askedSomeMissing], strong: true), .failures(failed)]
        }
        let notSupported = overview.holders.filter { $0.status == .notSupported }
        if !notSupported.isEmpty { statements.append(.line(text[.notSupportedLine, ["names": names(notSupported)]], strong: false)) }
        let notAsked = overview.holders.filter { $0.status == .notInConsent }
        if !notAsked.isEmpty {
            let key: MessageKey = notAsked.count == 1 ? .notAskedOne : .notAskedMany
            statements.append(.line(text[key, ["count": "\(notAsked.count)", "names": names(notAsked)]], strong: true))
        }
        return statements
    }
}
