import ArgumentParser
import BlauweKnop
import Foundation

/// `bk share`: give a counsellor, a landlord or paper only the signed facts the citizen
/// chooses (PROTOCOL §12.2), from the statements the last overview kept.
struct ShareCommand: AsyncParsableCommand, ReportsErrors {
    static let configuration = CommandConfiguration(
        commandName: "share",
        abstract: "Share only the signed facts you choose, with a counsellor or on paper.",
        discussion: """
            Uses the signed balances that 'bk overview' kept. Says in plain words what the \
            recipient will see and what not, and asks you on the terminal (--yes in scripts). \
            The recipient checks the file with 'bk verify FILE'.

            Exit codes: 0 written; 1 not shared; 77 log in first; 64 usage.

            Examples:
              bk share --to 00000001001234567000 --only CJIB,DUO -o voor-schuldhulp.json
              bk share --to paper --show totals -o voor-verhuurder.json
            """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Who receives it: a counsellor's OIN or name from the scheme, or 'paper'.")
    var to: String

    @Option(help: "Only these organisations, by short name or OIN, separated by commas (default: every one with a signed balance).")
    var only: String?

    @Option(help: "totals (what is owed and overdue per organisation) or zaken (also each case).")
    var show: Shown = .totals

    /// `--show`: the facts of `SharePlan.Facts` as the command line names them.
    enum Shown: String, ExpressibleByArgument, CaseIterable {
        case totals, zaken

        var facts: SharePlan.Facts { self == .zaken ? .zaken : .totals }
    }

    @Flag(help: "Also show your BSN (off by default).")
    var bsn = false

    @Option(help: "The recipient's code, when they gave you one (else bk makes one).")
    var nonce: String?

    @Option(
        name: [.short, .customLong("output")],
        help: "Where to write it: .json to send, .pdf to print with QR codes, .png one QR code per organisation ('-' is standard output).")
    var output: String?

    @Flag(help: "Share without asking (for scripts).")
    var yes = false

    func validate() throws {
        if let nonce {
            let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
            guard (1...128).contains(nonce.count), nonce.allSatisfy(allowed.contains) else { throw UsageProblem.error(.usageShareNonce) }
        }
        if let output, output != OutputFile.standardOutputName, ![".json", ".pdf", ".png"].contains(where: output.lowercased().hasSuffix) {
            throw UsageProblem.error(.usageShareOutput)
        }
    }

    var presentation: Presentation { Presentation(global) }

    func run() async throws {
        let presentation = self.presentation
        let text = presentation.messages
        try await global.withClient { client in
            let only = (only ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let share = try await client.share(
                http: client.http(deadlineSeconds: 30), to: to, only: only, facts: show.facts, disclosingBSN: bsn, nonce: nonce)
            Terminal.note(Prose.wrapAll(Self.summary(share, messages: text), width: presentation.width))
            if !yes { try Confirmation.ask(.shareQuestion, needsYes: .shareNeedsYes, cancelled: .shareCancelled, messages: text) }
            let path = output ?? OutputFile.standardOutputName
            if path.lowercased().hasSuffix(".png") {
                try Self.writePictures(try share.pictures(now: client.clock.epochSeconds), to: path)
            } else if path.lowercased().hasSuffix(".pdf") {
                try presentation.write(try share.page(now: client.clock.epochSeconds, language: text.language), to: path, mode: 0o600)
            } else {
                let file = try share.file(now: client.clock.epochSeconds)
                try presentation.write(String(decoding: try JSONCoding.encoder().encode(file), as: UTF8.self) + "\n", to: path, mode: 0o600)
            }
            if path != OutputFile.standardOutputName {
                let path = TerminalText.sanitized(path)
                switch share.plan.recipient {
                case .requester(let requester): Terminal.note(text[.shareWritten, ["path": path, "recipient": TerminalText.sanitized(requester.name)]])
                case .paper: Terminal.note(text[.shareWrittenPaper, ["path": path]])
                }
            }
        }
    }

    /// One picture per organisation: `FILE.png` for one, `FILE-<short name>.png` for each of more.
    static func writePictures(_ pictures: [(organization: SchemeDocument.Organization, png: [UInt8])], to path: String) throws {
        guard pictures.count > 1 else { return try pictures.forEach { try OutputFile.write($0.png, to: path, mode: 0o600) } }
        let stem = String(path.dropLast(".png".count))
        for (organization, png) in pictures {
            let name = organization.displayName.filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
            try OutputFile.write(png, to: "\(stem)-\(name.isEmpty ? organization.oin : name).png", mode: 0o600)
        }
    }

    /// What the recipient will see and what not, in plain words.
    static func summary(_ share: BlauweKnopClient.Share, messages text: Messages) -> String {
        let plan = share.plan
        var lines: [String] =
            switch plan.recipient {
            case .requester(let requester): [text[.shareTitle, ["recipient": TerminalText.sanitized(requester.name)]]]
            case .paper: [text[.shareTitlePaper]]
            }
        let names = plan.statements.map { TerminalText.sanitized($0.organization.displayName) }.joined(separator: ", ")
        lines.append("  - " + text[plan.facts == .zaken ? .shareTotalsAndZaken : .shareTotals, ["organizations": names]])
        if plan.disclosesBSN { lines.append("  - " + text[.shareWithBSN]) }
        var hidden: [String] = []
        if !plan.disclosesBSN { hidden.append(text[.shareHiddenBSN]) }
        if plan.facts == .totals { hidden.append(text[.shareHiddenZaken]) }
        let others = share.scheme.document.organizations.filter { organization in !plan.statements.contains { $0.organization.oin == organization.oin } }
        if !others.isEmpty {
            hidden.append(text[.shareHiddenOthers, ["names": others.map { TerminalText.sanitized($0.displayName) }.joined(separator: ", ")]])
        }
        if !hidden.isEmpty {
            lines.append(text[.shareHidden])
            lines += hidden.map { "  - " + $0 }
        }
        if let oldest = plan.statements.map(\.statement.claims.saldoDatumtijd).min() { lines.append(text[.shareSigned, ["moment": text.moment(oldest)]]) }
        return lines.joined(separator: "\n")
    }
}
