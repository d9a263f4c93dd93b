/// The language of everything a person reads in one run: Dutch (the default) or English,
/// never a mix.
public enum Language: String, CaseIterable, Sendable {
    case nl
    case en

    /// The language from `--lang`, then `BK_LANG`, then the config file's `lang`, then the
    /// locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: English only when it names English); Dutch
    /// otherwise.
    public static func resolve(flag: String?, environment: [String: String], configured: String?) -> Language {
        for explicit in [flag, environment["BK_LANG"], configured] {
            if let explicit, let language = Language(code: explicit) { return language }
        }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("en") ? .en : .nl
        }
        return .nl
    }

    /// `nl`, `en`, or a locale such as `en_GB.UTF-8`.
    public init?(code: String) {
        let lowered = code.lowercased()
        if lowered.hasPrefix("nl") {
            self = .nl
        } else if lowered.hasPrefix("en") {
            self = .en
        } else {
            return nil
        }
    }
}
