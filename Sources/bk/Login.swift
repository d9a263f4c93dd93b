import ArgumentParser
import BlauweKnop

/// `bk login`: create the app key and obtain the credential (PROTOCOL §3).
struct Login: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Log in: bind this computer's app key to you at an App Manager.",
        discussion: """
            Creates the app key (kept in the state directory, mode 0600), registers it at the \
            scheme's App Manager and waits for you to log in with DigiD at the address shown.

            Examples:
              bk login
              bk login --test-bsn 999993653   # test environments only: no DigiD
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("test-bsn"), help: "Log in as this test citizen without DigiD (environment 'test' only).")
    var testBSN: String?

    @Option(help: "Time to wait for the login to complete (e.g. 300s, 5m).")
    var timeout = DurationArgument(seconds: 300)

    func validate() throws {
        if let testBSN, !Identifiers.isBSN(testBSN) { throw ValidationError("'\(testBSN)' is not a valid BSN (9 digits passing the elfproef)") }
        try timeout.require("--timeout", atMost: DurationArgument.oneDay)
    }

    func run() async throws {
        let presentation = Presentation(global)
        do {
            let client = try global.client()
            let credential = try await client.login(testBSN: testBSN, http: client.http(deadlineSeconds: timeout.seconds)) { url in
                // Where to log in is needed even with --quiet.
                Terminal.note(presentation.messages[.loginVisit, ["url": TerminalText.sanitized(url)]])
            }
            let until = Timestamps.rfc3339(.init(timeIntervalSince1970: Double(credential.claims.exp)))
            presentation.note(.loginDone, ["bsn": Identifiers.masked(bsn: credential.claims.sub), "moment": presentation.messages.moment(until)])
        } catch let error as SchemeError {
            throw presentation.fail(error, code: Terminal.exitCode(for: error))
        } catch {
            throw presentation.fail(error, code: OverviewExitCode.failure.rawValue)
        }
    }
}

/// `bk logout`: forget the app key and credential.
struct Logout: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Log out: remove the app key and credential from this computer.")

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        do {
            let removed = try global.client().logout()
            Presentation(global).note(removed ? .logoutDone : .logoutNothing)
        } catch {
            throw Presentation(global).fail(error, code: OverviewExitCode.failure.rawValue)
        }
    }
}
