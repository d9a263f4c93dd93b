import BlauweKnop
import Foundation

/// The language of this run, known before the arguments are parsed: usage errors and help
/// must speak it too (`--lang`, then `BK_LANG`, then the config file's `lang`, then the locale).
enum RunLanguage {
    /// This process's language.
    static let current = resolve(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)

    static func resolve(_ arguments: [String], environment: [String: String]) -> Language {
        let flag = value(of: "--lang", in: arguments)
        let (path, explicit) = ClientSettings.configPath(flag: value(of: "--config", in: arguments), environment: environment)
        let configured = (try? ClientSettings.readConfig(path, explicit: explicit, isOptionName: { _ in true }, isCommandPath: { _ in true }))?["lang"]
        return Language.resolve(flag: flag, environment: environment, configured: configured)
    }

    /// The value given to `option` (`--lang en` or `--lang=en`) before any `--`.
    static func value(of option: String, in arguments: [String]) -> String? {
        var found: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == option, index + 1 < arguments.count {
                found = arguments[index + 1]
            } else if argument.hasPrefix(option + "=") {
                found = String(argument.dropFirst(option.count + 1))
            }
        }
        return found
    }
}
