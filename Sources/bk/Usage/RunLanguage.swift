import BlauweKnop
import Foundation

/// The language of this run, known before the arguments are parsed: usage errors and help
/// must speak it too (`--lang`, then `BK_LANG`, then the config file's `lang`, then the locale).
enum RunLanguage {
    /// This process's language.
    static let current = resolve(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)

    static func resolve(_ arguments: [String], environment: [String: String]) -> Language {
        let flag = ArgumentOrder.value(of: "--lang", in: arguments)
        let (path, explicit) = ClientSettings.configPath(flag: ArgumentOrder.value(of: "--config", in: arguments), environment: environment)
        let configured = (try? ClientSettings.readConfig(path, explicit: explicit, isOptionName: { _ in true }, isCommandPath: { _ in true }))?["lang"]
        return Language.resolve(flag: flag, environment: environment, configured: configured)
    }
}
