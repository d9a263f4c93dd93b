/// Verifies the QR codes read from paper (PROTOCOL §12.3): each code a presentation of its
/// own for `urn:nl:blauweknop:paper`, checked against the verifier's current scheme, and all
/// of them from one overview — the same short code (nonce), the same app key and citizen. A
/// code that does not belong with the others is reported for its organisation.
public enum PaperVerifier {
    /// What the codes of a page must start with.
    public static let prefix = "BK1:"

    /// Verifies `codes` (the texts read, in any order, repeats allowed).
    public static func verify(codes: [String], scheme: VerifiedScheme, nonce: String?, maxAgeSeconds: Int64?, now: Int64) -> ShareReport {
        var presentations: [String] = []
        for code in codes where code.hasPrefix(prefix) {
            let presentation = String(code.dropFirst(prefix.count))
            if !presentations.contains(presentation) { presentations.append(presentation) }
        }
        guard !presentations.isEmpty else { return ShareReport(.unreadable, problem: "no Blauwe Knop code was found") }
        var shown: [ShareReport.Shown] = []
        var verdict = ShareReport.Verdict.valid
        var problem: String?
        for presentation in presentations {
            let report = ShareVerifier.verify(
                presentations: [presentation], scheme: scheme, audience: SharePlan.paperAudience, nonce: nonce, maxAgeSeconds: maxAgeSeconds, now: now)
            switch report.verdict {
            case .valid, .tooOld:
                shown += report.organizations
                if report.verdict == .tooOld, verdict == .valid { (verdict, problem) = (.tooOld, report.problem) }
            default:
                return report
            }
        }
        // One page, one overview: the short code, the app key and the citizen agree.
        let codes = shown.map(\.nonce)
        let common = Set(codes).max { a, b in codes.filter { $0 == a }.count < codes.filter { $0 == b }.count } ?? ""
        for index in shown.indices where shown[index].nonce != common {
            shown[index].mismatch = .otherShortCode
            (verdict, problem) = (.altered, "the code of \(shown[index].name) has short code \(shown[index].nonce), the others \(common)")
        }
        if verdict != .altered {
            let together = ShareVerifier.verify(presentations: presentations, scheme: scheme, audience: nil, nonce: nil, maxAgeSeconds: nil, now: now)
            if together.verdict == .altered {
                for index in shown.indices { shown[index].mismatch = .otherCitizen }
                (verdict, problem) = (.altered, together.problem)
            }
        }
        return ShareReport(verdict, organizations: shown, problem: problem)
    }
}
