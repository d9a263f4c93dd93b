import ArgumentParser
import BlauweKnop
import Foundation

/// `bk verify SHARE.json`: what a citizen shared, as its recipient checks it (PROTOCOL §12.2):
/// per organisation only what was disclosed, and the verdict.
struct ShareVerification {
    let report: ShareReport
    /// Read from paper (`--scan`): a page without codes is said as such.
    var scanned = false

    /// Writes the report as a table or JSON and ends with the exit code of §12.2.
    func write(format: VerifyCommand.ReportFormat, to output: String?, presentation: Presentation) throws {
        switch format {
        case .json: try presentation.write(String(decoding: try JSONCoding.encoder().encode(report), as: UTF8.self) + "\n", to: output)
        case .table:
            try presentation.write(
                Prose.wrapAll(Self.text(report, scanned: scanned, messages: presentation.messages), width: presentation.width) + "\n", to: output)
            if presentation.verbose, let problem = report.problem { Terminal.note("  \(TerminalText.sanitized(problem))") }
        }
        if report.verdict != .valid { throw ExitCode(report.verdict.exitCode) }
    }

    /// The report for people: per organisation what was shown, then the verdict. Nothing of a
    /// file that does not verify is shown.
    static func text(_ report: ShareReport, scanned: Bool = false, messages text: Messages) -> String {
        var lines: [String] = []
        // A short code of 16 hex digits is shown as the page prints it: in groups of four.
        func code(_ nonce: String) -> String {
            let isShortCode = nonce.count == 16 && nonce.allSatisfy { $0.isHexDigit && !$0.isUppercase }
            return TerminalText.sanitized(isShortCode ? Digest.groupsOfFour(nonce).joined(separator: " ") : nonce)
        }
        if let first = report.organizations.first {
            lines.append(
                first.aud == SharePlan.paperAudience
                    ? text[.sharedForPaper, ["nonce": code(first.nonce)]]
                    : text[.sharedFor, ["recipient": TerminalText.sanitized(first.recipientName ?? first.aud), "nonce": code(first.nonce)]])
            lines.append("")
        }
        for shown in report.organizations {
            lines.append(text[.sharedOrganization, ["organization": TerminalText.sanitized(shown.name), "moment": text.moment(shown.saldoDatumtijd)]])
            if let bsn = shown.bsn { lines.append("  " + text[.sharedBSN, ["bsn": TerminalText.sanitized(bsn)]]) }
            if let totalen = shown.totalen {
                lines.append(
                    "  "
                        + text[
                            .sharedTotals,
                            [
                                "saldo": Money.euros(totalen.saldo, in: text.language), "late": Money.euros(totalen.achterstallig, in: text.language),
                                "count": "\(totalen.zaken)",
                            ]])
                lines.append(
                    "  " + (totalen.volgendeVervaldatum.map { text[.sharedNextDue, ["date": text.date($0)]] } ?? text[.sharedNoNextDue]))
            }
            for zaak in shown.zaken ?? [] {
                lines.append(
                    "  "
                        + text[
                            .sharedZaak,
                            [
                                "zaak": TerminalText.sanitized(zaak.zaakkenmerk), "description": TerminalText.sanitized(zaak.omschrijving ?? "-"),
                                "saldo": Money.euros(zaak.saldo, in: text.language), "late": Money.euros(zaak.achterstallig, in: text.language),
                            ]])
            }
            switch shown.mismatch {
            case .otherShortCode?: lines.append("  " + text[.sharedOtherShortCode, ["nonce": code(shown.nonce)]])
            case .otherCitizen?: lines.append("  " + text[.sharedOtherCitizen])
            case nil: break
            }
            if shown.expired {
                lines.append("  " + text[.sharedExpired, ["moment": text.moment(Timestamps.rfc3339(Date(timeIntervalSince1970: TimeInterval(shown.exp))))]])
            }
            lines.append("")
        }
        let verdict: MessageKey =
            switch report.verdict {
            case .valid: .sharedValid
            case .tooOld: .sharedTooOld
            case .altered: .sharedAltered
            case .untrustedScheme: .sharedUntrustedScheme
            case .unreadable: scanned ? .sharedNoCodes : .sharedUnreadable
            }
        lines.append(text[verdict])
        return lines.joined(separator: "\n")
    }
}
