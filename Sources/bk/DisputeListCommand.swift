import ArgumentParser
import BlauweKnop
import Foundation

extension DisputeCommand {
    /// `bk dispute list`: every request at every organisation that takes them, at once.
    struct List: AsyncParsableCommand, ReportsErrors {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Show every request you filed, with its status and the date it must be decided by.",
            discussion: "Asks every organisation at once. Exit 0; 3 when an organisation could not be asked.")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case table, json
        }

        @OptionGroup var global: GlobalOptions

        @Option(help: "table or json.")
        var format: Format = .table

        var presentation: Presentation { Presentation(global, jsonErrors: format == .json) }

        func run() async throws {
            let presentation = self.presentation
            let text = presentation.messages
            let (listings, today) = try await global.withClient { client in
                let filing = try await client.disputeFiling(http: client.http(deadlineSeconds: 60))
                return (await filing.listEverywhere(), Timestamps.calendarDate(client.clock.now))
            }
            let rows = listings.flatMap { listing in (try? listing.requests.get())?.map { (listing.organization, $0) } ?? [] }
            let unreachable = listings.filter { if case .failure = $0.requests { true } else { false } }.map(\.organization)
            switch format {
            case .json:
                let entries = rows.map { organization, entry in
                    DisputeListRow(organization: organization.name, oin: organization.oin, entry: entry, late: DisputeListTable.isLate(entry, today: today))
                }
                let report = DisputeListReport(requests: entries, unreachable: unreachable.map(\.oin))
                try presentation.write(String(decoding: try JSONCoding.encode(report), as: UTF8.self) + "\n", to: nil)
            case .table:
                let table = DisputeListTable(rows: rows.map { (name: $0.0.displayName, entry: $0.1) }, today: today)
                try presentation.write(table.render(text: text, width: presentation.width), to: nil)
            }
            for organization in unreachable { presentation.note(.disputeListUnreachable, ["organization": TerminalText.sanitized(organization.name)]) }
            if !unreachable.isEmpty { throw ExitCode(ExitStatus.partial.rawValue) }
        }

    }

    /// `bk dispute withdraw ID`: withdraws a request that is not decided yet.
    struct Withdraw: AsyncParsableCommand, ReportsErrors {
        static let configuration = CommandConfiguration(
            commandName: "withdraw", abstract: "Withdraw a request you filed, as long as the organisation has not decided on it.",
            discussion: "Exit 0 withdrawn (also when it already was); 1 no organisation knows the id, or it is decided; 3 an organisation could not be asked.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The request's reference (kenmerk) as 'bk dispute list' shows it, or its id.")
        var id: String

        var presentation: Presentation { Presentation(global) }

        func run() async throws {
            let presentation = self.presentation
            try await global.withClient { client in
                let filing = try await client.disputeFiling(http: client.http(deadlineSeconds: 60))
                let listings = await filing.listEverywhere()
                for listing in listings {
                    guard case .success(let entries) = listing.requests, let entry = entries.first(where: { $0.jti == id || $0.kenmerk == id }) else {
                        continue
                    }
                    let values = ["organization": TerminalText.sanitized(listing.organization.displayName), "kenmerk": TerminalText.sanitized(entry.kenmerk)]
                    do {
                        _ = try await filing.withdraw(jti: entry.jti, listedBy: listing)
                        presentation.note(.disputeWithdrawn, values)
                        return
                    } catch let failure as HolderFailure where failure.status == .httpError {
                        presentation.note(.disputeWithdrawDecided, values)
                        throw ExitCode(ExitStatus.failure.rawValue)
                    }
                }
                presentation.note(.disputeWithdrawUnknown, ["id": TerminalText.sanitized(String(id.prefix(64)))])
                let unreachable = listings.contains { if case .failure = $0.requests { true } else { false } }
                throw ExitCode(unreachable ? ExitStatus.partial.rawValue : ExitStatus.failure.rawValue)
            }
        }
    }
}

/// One row of `bk dispute list --format json` (`Schemas/dispute-list.schema.json`).
struct DisputeListRow: Encodable {
    var organization: String
    var oin: String
    var entry: DisputeListEntry
    var late: Bool

    enum CodingKeys: String, CodingKey {
        case organization, oin, late
    }

    func encode(to encoder: any Encoder) throws {
        try entry.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(organization, forKey: .organization)
        try container.encode(oin, forKey: .oin)
        try container.encode(late, forKey: .late)
    }
}

/// What `bk dispute list --format json` prints.
struct DisputeListReport: Encodable {
    var requests: [DisputeListRow]
    /// OINs of the organisations that could not be asked.
    var unreachable: [String]
}
