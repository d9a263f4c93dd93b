import ArgumentParser
import BlauweKnop

/// `bk`: the citizen's Blauwe Knop client.
struct BK: AsyncParsableCommand {
    /// The first commands a person runs, for the help in either language.
    static let examples = """
          bk login --test-bsn 999993653
          bk overview
          bk overview --format json --output overzicht.json
          bk verify overzicht.json --max-age 14d
          bk scheme show
          bk status
          bk logout
        """

    static let configuration = CommandConfiguration(
        commandName: "bk",
        abstract: "Fetch your sealed debt data from every government organisation and see it in one overview.",
        discussion: """
            bk reads the signed scheme of data holders, asks every organisation at once for your \
            signed debt document, verifies each one and shows one integral overview.

            Settings come from flags, then BK_* environment variables, then \
            $XDG_CONFIG_HOME/bk/config.json (keys are the long option names). Global \
            options may stand before or after the command. What bk says is in Dutch \
            (--lang nl, the default) or English (--lang en), this help included.

            Examples:
            \(examples)
            """,
        version: BlauweKnopVersion.current,
        subcommands: [
            Login.self, Logout.self, StatusCommand.self, OverviewCommand.self, ConsentCommand.self, DisputeCommand.self, ShareCommand.self,
            RequesterCommand.self,
            VerifyCommand.self, PDFCommand.self,
            CheckCommand.self, SchemeCommand.self, FetchURLsCommand.self,
        ]
    )
}
