import ArgumentParser
import BlauweKnop
import Foundation
import Synchronization

/// `bk login`: create the app key and obtain the credential (PROTOCOL §3).
struct Login: AsyncParsableCommand, ReportsErrors {
    static let configuration = CommandConfiguration(
        commandName: "login", abstract: "Log in: bind this computer's app key to you at an App Manager.",
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

    @Flag(help: "Replace the login of another citizen on this computer without asking.")
    var force = false

    @Option(help: "text or json.")
    var format: TextOrJSON = .text

    func validate() throws {
        if let testBSN, !Identifiers.isBSN(testBSN) {
            throw UsageProblem.error(.usageInvalidBSN, ["value": TerminalText.sanitized(String(testBSN.prefix(40)))])
        }
        try timeout.require("--timeout", atMost: DurationArgument.oneDay)
    }

    var presentation: Presentation { Presentation(global, jsonErrors: format == .json) }

    func run() async throws {
        let presentation = self.presentation
        let force = force
        let deadline = ContinuousClock.now.advanced(by: .milliseconds(Int64(timeout.seconds * 1000)))
        let polling = PollingFlag()
        let declined = PollingFlag()
        let progress = ProgressLine.make(presentation) { _ in
            guard polling.isSet else { return nil }
            let left = max(0, ContinuousClock.now.duration(to: deadline).components.seconds)
            // Minutes while there are some (rounded up), seconds in the last one.
            let minutes = (left + 59) / 60
            if left > 60 { return presentation.messages[.loginWaitingMinutes, ["minutes": "\(minutes)"]] }
            return presentation.messages[left == 60 ? .loginWaitingOneMinute : .loginWaitingSeconds, ["seconds": "\(left)"]]
        }
        defer { progress?.finish() }
        do {
            let credential = try await global.withClient { client in
                try await client.login(
                    testBSN: testBSN, http: client.http(deadlineSeconds: timeout.seconds),
                    showAuthenticationURL: { url in
                        // Where to log in is needed even with --quiet.
                        Terminal.note(presentation.messages[.loginVisit, ["url": TerminalText.sanitized(url)]])
                    },
                    waiting: { _ in
                        polling.set()
                        progress?.draw()
                    },
                    mayReplace: { current in force || Self.confirmReplace(current, messages: presentation.messages, declined: declined) })
            }
            progress?.finish()
            let until = Timestamps.rfc3339(.init(timeIntervalSince1970: Double(credential.claims.exp)))
            let bsn = Identifiers.masked(bsn: credential.claims.sub)
            if format == .json {
                let report = LoginReport(loggedIn: true, bsn: bsn, credentialValidUntil: until)
                Terminal.print(String(decoding: (try? JSONCoding.encoder().encode(report)) ?? Data(), as: UTF8.self) + "\n")
            }
            presentation.note(.loginDone, ["bsn": bsn, "moment": presentation.messages.moment(until)])
        } catch let error as IdentityError where error.code == .otherCitizenLoggedIn {
            progress?.finish()
            // A 'nee' is the citizen's choice, said as such; without a terminal nobody was asked.
            guard !declined.isSet else {
                presentation.note(.loginReplaceDeclined)
                throw ExitCode(ExitStatus.failure.rawValue)
            }
            presentation.note(.loginReplaceRefused)
            throw error
        }
    }
}

/// Whether the login has started polling the App Manager (set once, from any task).
final class PollingFlag: Sendable {
    private let value = Atomic(false)

    var isSet: Bool { value.load(ordering: .acquiring) }
    func set() { value.store(true, ordering: .releasing) }
}

/// What `bk login --format json` prints (`Schemas/login.schema.json`).
struct LoginReport: Encodable {
    var loggedIn: Bool
    var bsn: String
    var credentialValidUntil: String

    enum CodingKeys: String, CodingKey {
        case bsn
        case loggedIn = "logged_in"
        case credentialValidUntil = "credential_valid_until"
    }
}

extension Login {
    /// Asks on the terminal whether to replace another citizen's login; never without one.
    /// - Parameter declined: set when the citizen was asked and did not say yes.
    static func confirmReplace(_ current: String, messages: Messages, declined: PollingFlag) -> Bool {
        guard Terminal.standardErrorIsTerminal, isatty(STDIN_FILENO) == 1 else { return false }
        FileHandle.standardError.write(Data(messages[.loginReplaceQuestion, ["bsn": current]].utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        let yes = answer == messages[.answerYes] || answer == "y" || answer == "j"
        if !yes { declined.set() }
        return yes
    }
}

/// `bk logout`: forget the app key and credential.
struct Logout: AsyncParsableCommand, ReportsErrors {
    static let configuration = CommandConfiguration(commandName: "logout", abstract: "Log out: remove the app key and credential from this computer.")

    @OptionGroup var global: GlobalOptions

    @Option(help: "text or json.")
    var format: TextOrJSON = .text

    var presentation: Presentation { Presentation(global, jsonErrors: format == .json) }

    func run() async throws {
        let presentation = self.presentation
        // Logging out needs only the state folder: a config file that cannot be read must
        // not keep a citizen's key on the computer.
        let directory =
            global.stateDir ?? ProcessInfo.processInfo.environment["BK_STATE_DIR"] ?? (try? global.settings())?.stateDirectory
            ?? StateDirectory.defaultPath(environment: ProcessInfo.processInfo.environment)
        let removed = try BlauweKnopClient.logout(stateDirectory: StateDirectory(path: directory))
        if format == .json { Terminal.print(removed ? "{\"logged_out\":true}\n" : "{\"logged_out\":false}\n") }
        presentation.note(removed ? .logoutDone : .logoutNothing)
    }
}
