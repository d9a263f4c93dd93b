import ArgumentParser
import BlauweKnop
import Foundation

/// How this run talks to a person: one language, the terminal's width, colour or not, and how
/// much to say.
struct Presentation: Sendable {
    let messages: Messages
    let verbose: Bool
    let quiet: Bool
    let color: Bool
    let width: Int
    /// Errors are also written as JSON on standard output (`--format json` was asked for).
    var jsonErrors = false

    init(_ global: GlobalOptions, jsonErrors: Bool = false) {
        self.jsonErrors = jsonErrors
        let environment = ProcessInfo.processInfo.environment
        let configured = (try? global.settings())?.configuredLanguage
        messages = Messages(Language.resolve(flag: global.lang, environment: environment, configured: configured))
        verbose = global.verbose
        quiet = global.quiet
        color =
            !global.noColor && environment["NO_COLOR"].map(\.isEmpty) != false && Terminal.standardOutputIsTerminal
            && environment["TERM"] != "dumb"
        width = Terminal.width(environment: environment)
    }

    /// The same presentation with errors only on standard error (when standard output
    /// carries a report of its own).
    var withoutJSONErrors: Presentation {
        var copy = self
        copy.jsonErrors = false
        return copy
    }

    /// Says something on standard error in this run's language, unless `--quiet`; on a
    /// terminal broken between words to its width, as the tables are.
    func note(_ key: MessageKey, _ values: [String: String] = [:]) {
        guard !quiet else { return }
        let text = messages[key, values]
        Terminal.note(Terminal.standardErrorIsTerminal ? Prose.wrapAll(text, width: width) : text)
    }

    /// Says, as technical details, how many TLS sessions kept from an earlier run were resumed
    /// and how many organisations' discovery documents came from the cache.
    func noteReuse(of client: BlauweKnopClient, discoveries: DiscoveryCache) {
        let counts = client.tlsResumptions
        note(.tlsSessionsResumed, ["resumed": String(counts.resumed), "offered": String(counts.offered)])
        note(.discoveryFromCache, ["count": String(discoveries.hitCount)])
    }

    /// The one catch ladder of bk: reports the error that stopped a command in plain words and
    /// returns what the process ends with, its exit code from the library's one table
    /// (`ExitStatus(for:)`; 64 for bk's own usage sentences). An exit the command chose itself
    /// passes through unchanged.
    func fail(_ error: any Error) -> any Error {
        if error is ExitCode || error is CleanExit { return error }
        if let usage = error as? ValidationError, usage.message.first == UsageProblem.marker {
            // bk's own usage sentences are already in the reader's language, and say what to do.
            let sentence = String(usage.message.dropFirst())
            Terminal.note("\(messages[.errorPrefix]): \(sentence)")
            if jsonErrors {
                Self.printJSONError(code: "usage", message: sentence)
            }
            return ExitCode(ExitStatus.usage.rawValue)
        }
        say(error)
        return ExitCode(ExitStatus(for: error).rawValue)
    }

    /// Says an error in plain words on standard error (and as JSON on standard output with
    /// `--format json`). The technical detail follows with `--verbose`; for settings and files
    /// it always does, as it names what to fix.
    func say(_ error: any Error) {
        var (key, actionable) = Self.message(for: error)
        var values: [String: String] = [:]
        if let file = error as? FileError, let fileKey = Self.fileMessage(file.code) {
            // The file's own sentence says all there is to act on, in the reader's language.
            (key, actionable) = (fileKey, false)
            values["path"] = TerminalText.sanitized(file.path)
        }
        if let settings = error as? SettingsError, let settingsKey = Self.settingsMessage(settings.code) {
            (key, actionable) = (settingsKey, false)
            values = settings.values.mapValues { TerminalText.sanitized($0) }
        }
        if let keyError = error as? RequesterKeyError {
            (key, actionable) = (keyError.code == .missing ? .usageRequesterKeyMissing : .usageRequesterKeyOpen, false)
            values["path"] = TerminalText.sanitized(keyError.path)
        }
        if let consent = error as? ConsentError, let refusal = consent.refusal {
            (key, actionable) = (Self.refusalMessage(refusal), false)
            values = consent.values.mapValues { TerminalText.sanitized(String($0.prefix(80))) }
        }
        if let dispute = error as? DisputeError, let disputeKey = Self.disputeMessage(dispute.code) {
            (key, actionable) = (disputeKey, false)
            values = dispute.values.mapValues { TerminalText.sanitized($0) }
            // The request's fields by the options that fill them.
            let options = ["gronden": "--reason", "gewenst": "--want", "indiener": "--name / --address", "zaakkenmerk": "ZAAKKENMERK"]
            if let field = values["field"] { values["field"] = options[field] ?? field }
        }
        if let share = error as? ShareError, let shareKey = Self.shareMessage(share.code) {
            (key, actionable) = (shareKey, false)
            values = share.values.mapValues { TerminalText.sanitized($0) }
        }
        if let scheme = error as? SchemeError, let setting = scheme.missingSetting {
            (key, actionable) = (.settingMissing, false)
            values = setting.mapValues { TerminalText.sanitized($0) }
        } else if let scheme = error as? SchemeError, scheme.code == .configuration, scheme.concernsTrustAnchor {
            (key, actionable) = (.trustAnchorUnusable, false)
        }
        Terminal.note("\(messages[.errorPrefix]): \(messages[key, values])")
        let detail = String(describing: error)
        if jsonErrors {
            Self.printJSONError(code: Self.code(for: error), message: messages[key, values] + " " + detail)
        }
        if verbose || actionable {
            Terminal.note("  \(detail)")
        } else {
            Terminal.note("  \(messages[.errorVerboseHint])")
        }
    }

    /// Writes a command's result to `--output` (`-` or none: standard output).
    func write(_ text: String, to output: String?, mode: mode_t = 0o644) throws {
        guard let output, output != OutputFile.standardOutputName else { return Terminal.print(text) }
        try OutputFile.write(text, to: output, mode: mode)
    }

    /// Writes bytes (a PDF) to a file or, for nil and '-', standard output.
    func write(_ bytes: [UInt8], to output: String?, mode: mode_t = 0o644) throws {
        try OutputFile.write(bytes, to: output ?? OutputFile.standardOutputName, mode: mode)
    }

    /// The sentence for a consent the scheme does not allow, with what to do instead.
    static func refusalMessage(_ refusal: ConsentError.Refusal) -> MessageKey {
        let sentences: [ConsentError.Refusal: MessageKey] = [
            .badReference: .consentRefusedReference, .unknownRequester: .consentRefusedRequester, .unknownPurpose: .consentRefusedPurpose,
            .tooShort: .consentRefusedTooShort, .notADate: .consentRefusedNotADate, .datePassed: .consentRefusedDatePassed,
            .noDuration: .usageConsentDuration, .tooLong: .consentRefusedTooLong, .unknownOrganization: .consentRefusedOrganization,
        ]
        return sentences[refusal] ?? .errorConsentNotAllowed
    }

    /// The sentence for a settings problem bk can name exactly.
    static func settingsMessage(_ code: SettingsError.Code) -> MessageKey? {
        let sentences: [SettingsError.Code: MessageKey] = [
            .missing: .settingMissing, .configUnreadable: .configUnreadable, .configInvalid: .configInvalid, .configUnknownKey: .configUnknownKey,
            .caBundle: .caBundleUnusable, .notGuarded: .pathNotGuarded,
        ]
        return sentences[code]
    }

    /// The sentence for a request about a zaak that bk can say exactly.
    static func disputeMessage(_ code: DisputeError.Code) -> MessageKey? {
        let sentences: [DisputeError.Code: MessageKey] = [
            .unknownZaak: .disputeUnknownZaak, .organizationNeeded: .disputeOrganizationNeeded, .unknownOrganization: .disputeUnknownOrganization,
            .filerMissing: .disputeNeedsFiler, .invalidText: .disputeInvalidText,
        ]
        return sentences[code]
    }

    /// The sentence for a share bk cannot make, with what to do instead.
    static func shareMessage(_ code: ShareError.Code) -> MessageKey? {
        let sentences: [ShareError.Code: MessageKey] = [
            .unknownRecipient: .shareUnknownRecipient, .unknownOrganization: .shareUnknownOrganization, .noStatement: .shareNoStatement,
            .nothingKept: .shareNothingKept, .statementUnusable: .shareStatementUnusable,
        ]
        return sentences[code]
    }

    /// The sentence for a file problem bk can name exactly.
    static func fileMessage(_ code: FileError.Code) -> MessageKey? {
        let sentences: [FileError.Code: MessageKey] = [
            .missing: .fileMissing, .folder: .fileFolder, .symbolicLink: .fileSymbolicLink, .notRegular: .fileNotRegular,
            .noPermission: .fileNoPermission, .tooLarge: .fileTooLarge, .folderMissing: .fileFolderMissing,
        ]
        return sentences[code]
    }

    /// A stable code for scripts: the error's domain and its opaque code.
    static func code(for error: any Error) -> String {
        switch error {
        case let error as IdentityError: "identity.\(error.code)"
        case let error as SchemeError: "scheme.\(error.code)"
        case let error as TransportError: "transport.\(error.code)"
        case let error as ConsentError: "consent.\(error.code)"
        case let error as RequesterKeyError: "key.\(error.code)"
        case let error as SettingsError: "settings.\(error.code)"
        case let error as FileError: "file.\(error.code)"
        case let error as PDFError: "pdf.\(error.code)"
        case let error as DisputeError: "dispute.\(error.code)"
        case let error as ShareError: "share.\(error.code)"
        default: "other"
        }
    }

    /// `{"error": {"code": …, "message": …}}` on standard output (Schemas/error.schema.json).
    static func printJSONError(code: String, message: String) {
        let body = ["error": ["code": code, "message": message]]
        // Strings only: always written; the fallback keeps the code.
        let bytes = (try? JSONCoding.encode(body)) ?? Array(#"{"error":{"code":"other","message":"error"}}"#.utf8)
        Terminal.print(String(decoding: bytes, as: UTF8.self) + "\n")
    }

    /// The plain sentence for an error, and whether its detail is what a person must act on.
    static func message(for error: any Error) -> (MessageKey, actionable: Bool) {
        switch error {
        case let error as IdentityError where error.code == .notLoggedIn: (.errorNotLoggedIn, false)
        case let error as IdentityError where error.code == .expired: (.errorLoginExpired, false)
        case let error as IdentityError where error.code == .timedOut: (.loginTimedOut, false)
        case let error as SchemeError where error.code == .unavailable: (.errorSchemeUnavailable, false)
        case let error as SchemeError where error.code == .configuration: (.errorConfiguration, true)
        case is SchemeError: (.errorSchemeRejected, false)
        case let error as ConsentError where error.code == .notAllowed: (.errorConsentNotAllowed, false)
        case let error as ConsentError where error.code == .unknown: (.consentUnknownID, false)
        case let error as ConsentError where error.code == .ambiguous: (.consentAmbiguousID, false)
        case is SettingsError: (.errorConfiguration, true)
        case is FileError: (.errorFile, true)
        case let error as PDFError where error.code == .notBKShape || error.code == .noOverview: (.errorNotBKPDF, false)
        default: (.errorOther, true)
        }
    }

    /// The style of tables written to standard output.
    func tableStyle(toTerminal: Bool) -> TableStyle {
        TableStyle(language: messages.language, width: width, color: color && toTerminal, verbose: verbose)
    }
}

/// A command whose errors bk's one catch ladder (`Presentation.fail`, called by the entry
/// point) reports, in the language and form this command's options ask for.
protocol ReportsErrors {
    /// How this command's errors are said.
    var presentation: Presentation { get }
}
