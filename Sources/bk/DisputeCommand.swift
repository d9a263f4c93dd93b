import ArgumentParser
import BlauweKnop
import Foundation

/// `bk dispute`: requests about a zaak (PROTOCOL §11): file one (the default), list them,
/// withdraw one.
struct DisputeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispute", abstract: "Object to a decision, or ask an organisation to correct or erase data; list and withdraw such requests.",
        subcommands: [File.self, List.self, Withdraw.self], defaultSubcommand: File.self)
}

/// `bk dispute [file] ZAAKKENMERK --kind …`: an objection, correction or erasure request about a
/// zaak, filed with its organisation for a signed receipt.
extension DisputeCommand {
    struct File: AsyncParsableCommand, ReportsErrors {
        static let configuration = CommandConfiguration(
            commandName: "file", abstract: "Object to a decision, or ask an organisation to correct or erase data, and keep its signed receipt.",
            discussion: """
                Shows in plain words what will be sent to whom, and asks you on the terminal (--yes in scripts). For a bezwaar it says
                until when you can object, and files also when that time has passed. Exit 0: filed and receipt verified; 3: the
                organisation did not take it; 4: its receipt does not check out (the request is kept and sent again next time); 1: other errors.
                """)

        enum Kind: String, ExpressibleByArgument, CaseIterable {
            case bezwaar, correctie, verwijdering

            var kind: DisputeKind { DisputeKind(rawValue: rawValue) ?? .bezwaar }
        }

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The case's reference (zaakkenmerk), as your overview shows it.")
        var zaakkenmerk: String

        @Option(help: "bezwaar (objection), correctie (correction) or verwijdering (erasure).")
        var kind: Kind

        @Option(help: "Why, in your own words (up to 4000 characters).")
        var reason: String?

        @Option(name: .customLong("reason-file"), help: "Read the reason from this file instead.")
        var reasonFile: String?

        @Option(help: "What you want the organisation to do (up to 1000 characters).")
        var want: String?

        @Flag(name: .customLong("defer"), help: "With a bezwaar: ask for deferral of payment while it runs.")
        var deferral = false

        @Option(help: "The organisation: OIN or short name (default: the one of this case in your latest overview).")
        var org: String?

        @Option(help: "Your name (needed for a bezwaar).")
        var name: String?

        @Option(help: "Your postal address, as 'Street number, postcode town' (needed for a bezwaar).")
        var address: String?

        @Option(help: "text or json.")
        var format: Format = .text

        @Option(name: [.short, .customLong("output")], help: "Where to write the proof of filing (default: in the state folder).")
        var output: String?

        @Flag(help: "Send without asking (for scripts).")
        var yes = false

        var presentation: Presentation { Presentation(global, jsonErrors: format == .json) }

        func validate() throws {
            guard (reason == nil) != (reasonFile == nil) else { throw UsageProblem.error(.usageDisputeReason) }
            guard !deferral || kind == .bezwaar else { throw UsageProblem.error(.usageDisputeDeferral) }
            if let address, DisputeRequest.Address.parse(address) == nil { throw UsageProblem.error(.disputeAddressFormat) }
        }

        func run() async throws {
            let presentation = self.presentation
            let text = presentation.messages
            let grounds = try reasonText()
            try await global.withClient { client in
                let filing = try await client.disputeFiling(http: client.http(deadlineSeconds: 60))
                let store = DisputeStore(directory: client.stateDirectory)
                await resendPending(filing: filing, store: store, text: text)
                let organization = try client.disputeOrganization(named: org, zaakkenmerk: zaakkenmerk, scheme: filing.scheme)
                let context = try await filing.prepare(organization: organization, zaakkenmerk: zaakkenmerk)
                let draft = DisputeFiling.Draft(
                    kind: kind.kind, zaakkenmerk: zaakkenmerk, gronden: grounds, gewenst: want, deferral: deferral, filer: try filer(text: text))
                let request = try filing.sign(draft, for: context)
                Terminal.note(summary(draft, context: context, today: Timestamps.calendarDate(client.clock.now), text: text, width: presentation.width))
                try confirm(text: text)
                try store.setPending(request, oin: organization.oin, keep: true)
                let outcome = await filing.send(request, context: context)
                try report(outcome, request: request, organization: organization, scheme: filing.scheme, store: store, text: text)
            }
        }

        /// The reason from `--reason` or `--reason-file` (a regular file of at most 16 KiB).
        private func reasonText() throws -> String {
            if let reason { return reason }
            guard let path = reasonFile, let bytes = try AtomicFile.read(path, limit: 16 << 10, regularOnly: true) else {
                throw FileError(path: reasonFile ?? "", action: "read", errno: ENOENT)
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw DisputeError(.invalidText, "the reason file is not UTF-8 text", values: ["field": "--reason-file"])
            }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Who files: `--name` and `--address` (or their settings), asked for on a terminal when a
        /// bezwaar needs them.
        private func filer(text: Messages) throws -> DisputeRequest.Filer? {
            var name = self.name
            var address = self.address.flatMap(DisputeRequest.Address.parse)
            guard kind == .bezwaar || name != nil || address != nil else { return nil }
            if kind == .bezwaar, name == nil || address == nil, Terminal.standardErrorIsTerminal, isatty(STDIN_FILENO) == 1 {
                Terminal.note(text[.disputeAskFiler])
                if name == nil { name = Self.ask(text[.disputeAskName]) }
                // An address bk cannot read is explained and asked again, three times at most.
                for attempt in 0..<3 where address == nil {
                    if attempt > 0 { Terminal.note(text[.disputeAddressFormat]) }
                    guard let answer = Self.ask(text[.disputeAskAddress]) else { break }
                    address = DisputeRequest.Address.parse(answer)
                }
            }
            return DisputeRequest.Filer(naam: name, adres: address)
        }

        /// One line typed after `prompt`; nil when nothing was typed or the input ended.
        private static func ask(_ prompt: String) -> String? {
            FileHandle.standardError.write(Data((prompt + " ").utf8))
            return readLine()?.trimmingCharacters(in: .whitespaces).nilIfEmpty
        }

        /// Asks on a terminal unless `--yes`.
        private func confirm(text: Messages) throws {
            guard !yes else { return }
            try Confirmation.ask(.disputeQuestion, needsYes: .disputeNeedsYes, cancelled: .disputeCancelled, messages: text)
        }

        /// What will be sent to whom, in plain words, with the objection term for a bezwaar.
        private func summary(_ draft: DisputeFiling.Draft, context: DisputeFiling.Context, today: String, text: Messages, width: Int) -> String {
            let organization = TerminalText.sanitized(context.organization.name)
            var lines = [
                text[.disputeSummaryTitle, ["kind": Self.kindName(draft.kind, text), "organization": organization]],
                text[.disputeSummaryZaak, ["zaak": TerminalText.sanitized(draft.zaakkenmerk)]],
                text[.disputeSummaryReason, ["reason": TerminalText.sanitized(draft.gronden)]],
            ]
            if let wanted = draft.gewenst { lines.append(text[.disputeSummaryWanted, ["wanted": TerminalText.sanitized(wanted)]]) }
            if draft.deferral { lines.append(text[.disputeSummaryDeferral]) }
            if let filer = draft.filer, let name = filer.naam, let address = filer.adres {
                lines.append(text[.disputeSummaryFiler, ["name": TerminalText.sanitized(name), "address": TerminalText.sanitized(address.line)]])
            }
            if draft.kind == .bezwaar, let decided = context.decidedAt, let deadline = DisputeTerms.objectionDeadline(decidedAt: decided) {
                let late = DisputeTerms.isLate(decidedAt: decided, today: today)
                lines.append(text[late ? .disputeTermPassed : .disputeTermOpen, ["date": text.date(deadline)]])
            }
            return lines.map { Prose.wrap($0, width: width) }.joined(separator: "\n")
        }

        static func kindName(_ kind: DisputeKind, _ text: Messages) -> String {
            switch kind {
            case .bezwaar: text[.disputeKindBezwaar]
            case .correctie: text[.disputeKindCorrectie]
            case .verwijdering: text[.disputeKindVerwijdering]
            }
        }

        /// Says how filing ended, keeps the proof or the pending request, and ends with its exit code.
        private func report(
            _ outcome: DisputeFiling.Outcome, request: DisputeRequest, organization: SchemeDocument.Organization, scheme: VerifiedScheme,
            store: DisputeStore, text: Messages
        ) throws {
            let values = ["organization": TerminalText.sanitized(organization.name), "kind": Self.kindName(request.claims.kind, text)]
            switch outcome {
            case .filed(let receipt):
                let path = output ?? store.proofPath(for: request)
                try store.writeProof(DisputeProof(scheme: scheme.compact, request: request.compact, receipt: receipt.compact), to: path)
                try store.setPending(request, oin: organization.oin, keep: false)
                let claims = receipt.claims
                presentation.note(
                    .disputeFiled,
                    values.merging([
                        "moment": text.moment(claims.ontvangenOp), "kenmerk": TerminalText.sanitized(claims.kenmerk), "date": text.date(claims.beslissenVoor),
                    ]) {
                        $1
                    })
                presentation.note(.disputeProofWritten, ["path": TerminalText.sanitized(path)])
                if format == .json {
                    let filed = DisputeFiled(
                        organization: organization.name, oin: organization.oin, kind: claims.kind.rawValue, zaakkenmerk: claims.zaakkenmerk,
                        request: claims.request, kenmerk: claims.kenmerk, ontvangenOp: claims.ontvangenOp, beslissenVoor: claims.beslissenVoor, proof: path)
                    Terminal.print(String(decoding: try JSONCoding.encode(filed), as: UTF8.self) + "\n")
                }
            case .notTaken(let failure):
                try store.setPending(request, oin: organization.oin, keep: false)
                if failure.status == .notSupported {
                    presentation.note(.disputeNoRequests, values)
                } else {
                    presentation.note(.disputeNotTaken, values.merging(["reason": text.reason(failure.status)]) { $1 })
                }
                if global.verbose { Terminal.note("  \(TerminalText.sanitized(failure.detail))") }
                throw ExitCode(ExitStatus.partial.rawValue)
            case .receiptFailed(let error):
                presentation.note(.disputeReceiptFailed, values)
                if global.verbose { Terminal.note("  \(TerminalText.sanitized(error.detail))") }
                throw ExitCode(ExitStatus.integrityFailure.rawValue)
            }
        }

        /// Sends again what an earlier run could not get a good receipt for; what succeeds is filed
        /// (its proof written beside the others), what fails stays for the next run.
        private func resendPending(filing: DisputeFiling, store: DisputeStore, text: Messages) async {
            guard let pending = try? store.pending(), !pending.isEmpty else { return }
            for kept in pending {
                guard let request = try? DisputeRequest(compact: kept.request, scheme: filing.scheme),
                    let organization = filing.scheme.document.organizations.first(where: { $0.oin == kept.oin })
                else { continue }
                guard case .filed(let receipt) = await filing.resend(request, to: organization) else { continue }
                let proof = DisputeProof(scheme: filing.scheme.compact, request: request.compact, receipt: receipt.compact)
                guard (try? store.writeProof(proof, to: store.proofPath(for: request))) != nil else { continue }
                try? store.setPending(request, oin: kept.oin, keep: false)
                presentation.note(.disputeResent, ["organization": TerminalText.sanitized(organization.name)])
            }
        }
    }
}

/// What `bk dispute --format json` prints (`Schemas/dispute.schema.json`).
struct DisputeFiled: Encodable {
    var filed = true
    var organization: String
    var oin: String
    var kind: String
    var zaakkenmerk: String
    var request: String
    var kenmerk: String
    var ontvangenOp: String
    var beslissenVoor: String
    var proof: String

    enum CodingKeys: String, CodingKey {
        case filed, organization, oin, kind, zaakkenmerk, request, kenmerk, proof
        case ontvangenOp = "ontvangen_op"
        case beslissenVoor = "beslissen_voor"
    }
}

extension String {
    /// nil for an empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
