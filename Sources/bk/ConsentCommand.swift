import ArgumentParser
import BlauweKnop
import Foundation

/// `bk consent`: Blauwe Knop Plus for the citizen (PROTOCOL §10.3).
struct ConsentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent", abstract: "Let a debt counsellor fetch your signed data: give, list and withdraw consent (Blauwe Knop Plus).",
        subcommands: [Grant.self, List.self, Revoke.self])

    /// `bk consent grant`: one requester, one purpose, a time limit, chosen organisations.
    struct Grant: AsyncParsableCommand, ReportsErrors {
        static let configuration = CommandConfiguration(
            commandName: "grant", abstract: "Give a requester consent to fetch your data for one purpose, for a limited time.",
            discussion: """
                Shows in plain words what will be shared, with whom, for what and until when, and asks you on the terminal (--yes in scripts).
                Exit 0: every organisation that takes part registered it; 3: one of them did not; 2: the scheme failed; 1: other errors,
                also a consent the scheme does not allow.
                """)

        @OptionGroup var global: GlobalOptions

        @Option(help: "The requester: its OIN or short name (see 'bk scheme show').")
        var to: String

        @Option(help: "What for: one of the requester's purposes.")
        var purpose: String

        @Option(help: "For this many days (at most what the scheme allows the requester).")
        var days: Int?

        @Option(help: "Until the end of this day (YYYY-MM-DD or DD-MM-YYYY).")
        var until: String?

        @Option(help: "Only these organisations (OINs or short names, separated by commas); default all.")
        var only: String?

        @Option(help: "full (everything, as in your own overview) or saldo (only the amounts).")
        var detail: String = "full"

        @Option(help: "The reference your counsellor gave you for your case (up to 64 characters); it travels with the consent.")
        var reference: String?

        @Option(name: [.short, .customLong("output")], help: "Where to write the consent (default consent-<id>.jws in this folder).")
        var output: String?

        @Flag(help: "Give consent without asking (for scripts).")
        var yes = false

        @Flag(help: "Also print a short code of the consent, for the counsellor to check the file by phone.")
        var code = false

        func validate() throws {
            guard (days == nil) != (until == nil) else { throw UsageProblem.error(.usageConsentDuration) }
            guard Consent.Detail(rawValue: detail) != nil else { throw UsageProblem.error(.usageDetailValues) }
        }

        var presentation: Presentation { Presentation(global) }

        func run() async throws {
            let presentation = self.presentation
            let text = presentation.messages
            try await global.withClient { client in
                let http = client.http(deadlineSeconds: 60)
                let registrar = try await client.consentRegistrar(http: http)
                _ = try await registrar.retryPending(directory: client.stateDirectory)
                let only = (only ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                let plan = try ConsentPlan(
                    scheme: registrar.scheme, to: to, purpose: purpose, days: days, until: until, only: only,
                    detail: Consent.Detail(rawValue: detail) ?? .full, reference: reference, now: client.clock.epochSeconds)
                let (consent, claims) = try plan.sign(identity: registrar.identity)
                let jti = claims.jti
                Terminal.note(summary(plan, jti: jti, text: text, width: presentation.width))
                if !yes { try Confirmation.ask(.consentQuestion, needsYes: .consentNeedsYes, cancelled: .consentCancelled, messages: text) }
                let outcomes = await registrar.register(consent, at: plan.organizations)
                var missed = false
                var registered = 0
                for (organization, outcome) in outcomes {
                    let name = TerminalText.sanitized(organization.name)
                    switch outcome {
                    case .registered:
                        registered += 1
                        Terminal.note(text[.consentRegistered, ["name": name]])
                    case .notSupported: Terminal.note(text[.consentNotSupported, ["name": name]])
                    case .failed(let status, let detail):
                        missed = true
                        let technical = global.verbose ? " (\(TerminalText.sanitized(detail)))" : ""
                        Terminal.note(text[.consentFailed, ["name": name, "reason": text.reason(status)]] + technical)
                    }
                }
                guard registered > 0 else {
                    // Registered nowhere: a file to hand over would say something untrue.
                    Terminal.note(Prose.wrap(text[.consentRegisteredNowhere], width: presentation.width))
                    throw ExitCode(missed ? 3 : 1)
                }
                let path = output ?? "consent-\(jti.prefix(8)).jws"
                try OutputFile.write(consent + "\n", to: path, mode: 0o600)
                if path != OutputFile.standardOutputName {
                    Terminal.note(text[.consentWritten, ["path": path, "requester": TerminalText.sanitized(plan.requester.name)]])
                }
                if code { Terminal.note(text[.consentCode, ["code": Consent.shortCode(consent)]]) }
                if missed { throw ExitCode(3) }
            }
        }

        private func summary(_ plan: ConsentPlan, jti: String, text: Messages, width: Int) -> String {
            let names = plan.organizations.map { TerminalText.sanitized($0.displayName) }.joined(separator: ", ")
            let lastDay = Timestamps.calendarDate(Date(timeIntervalSince1970: TimeInterval(plan.exp)))
            var lines = [
                text[.consentSummaryTitle, ["requester": TerminalText.sanitized(plan.requester.name)]],
                text[.consentSummaryPurpose, ["purpose": plan.purpose]],
                text[plan.detail == .full ? .consentSummaryDetailFull : .consentSummaryDetailSaldo],
                text[.consentSummaryOrganizations, ["names": names]],
                text[.consentSummaryUntil, ["date": text.date(lastDay)]],
            ]
            if let reference = plan.reference { lines.append(text[.consentSummaryReference, ["reference": TerminalText.sanitized(reference)]]) }
            lines.append(text[.consentSummaryRevoke, ["jti": jti]])
            return lines.map { Prose.wrap($0, width: width) }.joined(separator: "\n")
        }
    }

    /// `bk consent list`: every consent with its accesses, newest first.
    struct List: AsyncParsableCommand, ReportsErrors {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Show every consent you gave, and who looked at your data under it.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "table or json.")
        var format: Format = .table

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case table, json
        }

        var presentation: Presentation { Presentation(global, jsonErrors: format == .json) }

        func run() async throws {
            let presentation = self.presentation
            let overview = try await global.withClient { client in
                let registrar = try await client.consentRegistrar(http: client.http(deadlineSeconds: 60))
                let pending = try await registrar.retryPending(directory: client.stateDirectory)
                let (consents, failures) = await registrar.list()
                let unavailable = failures.filter { if case .failed = $0.1 { true } else { false } }.map(\.0)
                return ConsentOverview(
                    consents, unavailable: unavailable, pending: Set(pending.pending.map(\.jti)), scheme: registrar.scheme, now: client.clock.epochSeconds)
            }
            switch format {
            case .json: try presentation.write(String(decoding: JSONCoding.encode(overview), as: UTF8.self) + "\n", to: nil)
            case .table: try presentation.write(overview.table(text: presentation.messages, width: presentation.width), to: nil)
            }
            if !overview.unavailable.isEmpty { throw ExitCode(3) }
        }
    }

    /// `bk consent revoke <id>`: at every organisation that holds it; what fails is retried.
    struct Revoke: AsyncParsableCommand, ReportsErrors {
        static let configuration = CommandConfiguration(
            commandName: "revoke", abstract: "Withdraw a consent at every organisation that holds it.",
            discussion:
                "An organisation that cannot be reached is asked again on the next 'bk consent' run until it confirms; 'bk consent list' shows the consent as pending until then. Exit 0: withdrawn everywhere; 3: still pending somewhere."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The consent: its id, the short id 'bk consent list' shows, or the consent file; an id that starts with '-' goes after '--'.")
        var id: String

        var presentation: Presentation { Presentation(global) }

        func run() async throws {
            let presentation = self.presentation
            let text = presentation.messages
            var pending = false
            try await global.withClient { client in
                let registrar = try await client.consentRegistrar(http: client.http(deadlineSeconds: 60))
                _ = try await registrar.retryPending(directory: client.stateDirectory)
                var jti = ConsentSelector.fullID(id) ?? ""
                if jti.isEmpty { jti = try ConsentSelector.match(id, in: await registrar.list().consents.map(\.consent.jti)) }
                let outcomes = try await registrar.revokeRemembering(jti, directory: client.stateDirectory)
                guard outcomes.contains(where: { if case .notHeld = $0.1 { false } else if case .notSupported = $0.1 { false } else { true } }) else {
                    throw ConsentError(.unknown, "no organisation holds a consent with the id '\(TerminalText.sanitized(jti))'")
                }
                for (organization, outcome) in outcomes {
                    let name = TerminalText.sanitized(organization.name)
                    switch outcome {
                    case .revoked: Terminal.note(text[.consentRevoked, ["name": name]])
                    case .notHeld: Terminal.note(text[.consentNotHeld, ["name": name]])
                    case .notSupported: Terminal.note(text[.consentNotSupported, ["name": name]])
                    case .failed(let status, let detail):
                        pending = true
                        let technical = global.verbose ? " (\(TerminalText.sanitized(detail)))" : ""
                        Terminal.note(text[.consentRevokeFailed, ["name": name, "reason": text.reason(status)]] + technical)
                    }
                }
            }
            if pending { throw ExitCode(3) }
        }
    }
}
