import Foundation

/// bk's settings after resolving flag > environment (`BK_*`) > config file (PROTOCOL §9).
public struct ClientSettings: Sendable, Equatable {
    public var schemeURL: String?
    public var trustAnchorPath: String?
    public var environment: String
    public var caBundlePath: String?
    public var stateDirectory: String
    /// Refuse holders that do not encrypt documents to the run's key (PROTOCOL §13).
    public var requireEncryption = false
    /// The language asked for by `lang` in the config file (flag and environment are
    /// resolved by `Language.resolve`).
    public var configuredLanguage: String?

    /// The settings each global option can carry, by long option name (also the config key).
    public enum Key: String, CaseIterable, Sendable {
        case schemeURL = "scheme-url"
        case trustAnchor = "trust-anchor"
        case environment
        case cacert
        case stateDir = "state-dir"
        case lang

        /// The environment variable for this setting.
        public var environmentVariable: String {
            "BK_" + rawValue.uppercased().replacingOccurrences(of: "-", with: "_")
        }
    }

    /// The config file path: `$XDG_CONFIG_HOME/bk/config.json`, else `~/.config/bk/config.json`.
    public static func defaultConfigPath(environment: [String: String]) -> String {
        if let config = environment["XDG_CONFIG_HOME"], !config.isEmpty { return config + "/bk/config.json" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.config/bk/config.json"
    }

    /// Resolves every setting from the three sources.
    /// - Parameters:
    ///   - flags: values given on the command line.
    ///   - environment: the process environment.
    ///   - configPath: the config file; a missing file is fine, a malformed one is an error.
    public static func resolve(
        flags: [Key: String], environment: [String: String], configPath: String? = nil, isOptionName: (String) -> Bool = { _ in false },
        isCommandPath: (String) -> Bool = { _ in false }
    ) throws(SettingsError) -> ClientSettings {
        let (path, explicit) = Self.configPath(flag: configPath, environment: environment)
        let file = try readConfig(path, explicit: explicit, isOptionName: isOptionName, isCommandPath: isCommandPath)
        let baseDirectory = (path as NSString).deletingLastPathComponent
        func value(_ key: Key) -> String? {
            if let flag = flags[key], !flag.isEmpty { return flag }
            if let variable = environment[key.environmentVariable], !variable.isEmpty { return variable }
            guard let configured = file[key.rawValue] else { return nil }
            // Relative paths in the config file are relative to the file itself.
            if key != .schemeURL && key != .environment && key != .lang && !configured.hasPrefix("/") { return baseDirectory + "/" + configured }
            return configured
        }
        let stateDirectory = value(.stateDir) ?? StateDirectory.defaultPath(environment: environment)
        guard GuardedPath.isGuarded(stateDirectory) != false else {
            throw SettingsError(.notGuarded, "the state folder \(stateDirectory) is not yours, or others may change it", values: ["path": stateDirectory])
        }
        return ClientSettings(
            schemeURL: value(.schemeURL), trustAnchorPath: value(.trustAnchor), environment: value(.environment) ?? "prod",
            caBundlePath: value(.cacert), stateDirectory: stateDirectory, configuredLanguage: file[Key.lang.rawValue])
    }

    /// The config file's path for these sources.
    public static func configPath(flag: String?, environment: [String: String]) -> (path: String, explicit: Bool) {
        (flag ?? environment["BK_CONFIG"] ?? defaultConfigPath(environment: environment), flag != nil || environment["BK_CONFIG"] != nil)
    }

    /// Every key and value of the config file (strings, or `true`/`false` for flags). An
    /// object under a command's name (`{"overview": {"detail": true}}`) sets options of that
    /// command only; its entries are returned as `"<command>/<option>"`.
    /// - Parameters:
    ///   - isOptionName: whether a key is a long option of a command, which the file may set
    ///     besides the keys above; any other key is an error. Asked only for keys that are not
    ///     among the keys above.
    ///   - isCommandPath: whether a key names a command (`overview`, `consent grant`).
    public static func readConfig(
        _ path: String, explicit: Bool, isOptionName: (String) -> Bool, isCommandPath: (String) -> Bool = { _ in false }
    ) throws(SettingsError) -> [String: String] {
        let bytes: [UInt8]?
        do {
            bytes = try AtomicFile.read(path)
        } catch {
            throw SettingsError(.configUnreadable, "cannot read the config file: \(error)", values: ["path": path])
        }
        guard let bytes else {
            if explicit { throw SettingsError(.configUnreadable, "the config file \(path) does not exist", values: ["path": path]) }
            return [:]
        }
        guard GuardedPath.isGuarded(path) != false else {
            throw SettingsError(.notGuarded, "the config file \(path) is not yours, or others may change it", values: ["path": path])
        }
        guard case .object(let members) = (try? JSONCoding.decode(JSONValue.self, from: bytes)) else {
            throw SettingsError(.configInvalid, "the config file \(path) is not a JSON object", values: ["path": path])
        }
        var result: [String: String] = [:]
        for (key, member) in members {
            if case .object(let options) = member, isCommandPath(key) {
                for (option, value) in options {
                    let scoped = key + "/" + option
                    guard isOptionName(option) else {
                        throw SettingsError(
                            .configUnknownKey, "the config file \(path) has an unknown key '\(scoped)'", values: ["path": path, "key": scoped])
                    }
                    result[scoped] = try configValue(value, key: scoped, path: path)
                }
                continue
            }
            guard Key(rawValue: key) != nil || isOptionName(key) else {
                throw SettingsError(.configUnknownKey, "the config file \(path) has an unknown key '\(key)'", values: ["path": path, "key": key])
            }
            result[key] = try configValue(member, key: key, path: path)
        }
        return result
    }

    /// A config value as the command line would give it.
    private static func configValue(_ member: JSONValue, key: String, path: String) throws(SettingsError) -> String {
        switch member {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        default:
            throw SettingsError(.configInvalid, "'\(key)' in \(path) must be a string, a number or true/false", values: ["path": path, "key": key])
        }
    }

    /// Checks that the CA bundle, when one is set, is a readable file with certificates, so
    /// that a wrong `--cacert` is named as such and not reported as a network failure.
    public func checkCABundle() throws(SettingsError) {
        guard let caBundlePath else { return }
        let bytes: [UInt8]?
        do {
            bytes = try AtomicFile.read(caBundlePath, limit: 16 << 20)
        } catch {
            throw SettingsError(.caBundle, "the CA bundle (--cacert) cannot be used: \(error)", values: ["path": caBundlePath])
        }
        guard let bytes else { throw SettingsError(.caBundle, "the CA bundle (--cacert) \(caBundlePath) does not exist", values: ["path": caBundlePath]) }
        guard String(decoding: bytes, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
            throw SettingsError(.caBundle, "the CA bundle (--cacert) \(caBundlePath) holds no PEM certificate", values: ["path": caBundlePath])
        }
    }

    /// The scheme URL, or a readable error naming the three ways to set it.
    public func requireSchemeURL() throws(SettingsError) -> String {
        guard let schemeURL else { throw SettingsError.missing(.schemeURL, what: "the scheme URL") }
        return schemeURL
    }

    /// The trust anchor path, or a readable error.
    public func requireTrustAnchor() throws(SettingsError) -> String {
        guard let trustAnchorPath else { throw SettingsError.missing(.trustAnchor, what: "the trust anchor (the scheme operator's keys)") }
        return trustAnchorPath
    }
}

/// A setting that is missing or malformed.
public struct SettingsError: CodedError {
    /// The reasons of this domain.
    public typealias Code = ErrorCode<SettingsError>

    public let code: Code
    public let detail: String
    /// The names the sentence needs: `path`, `key`, `option`, `variable`.
    public let values: [String: String]

    public init(_ code: Code, _ detail: String, values: [String: String] = [:]) {
        self.code = code
        self.detail = detail
        self.values = values
    }

    static func missing(_ key: ClientSettings.Key, what: String) -> SettingsError {
        SettingsError(
            .missing, "\(what) is not configured: use --\(key.rawValue), \(key.environmentVariable) or \"\(key.rawValue)\" in the config file",
            values: ["option": key.rawValue, "variable": key.environmentVariable])
    }
}

extension ErrorCode where Domain == SettingsError {
    /// A setting bk needs is not given anywhere (`option` and `variable` say where it could be).
    public static var missing: Self { Self("missing") }
    /// The config file cannot be read, or an explicitly named one does not exist.
    public static var configUnreadable: Self { Self("configUnreadable") }
    /// The config file is not a JSON object of strings, numbers and booleans.
    public static var configInvalid: Self { Self("configInvalid") }
    /// The config file names an option bk does not have.
    public static var configUnknownKey: Self { Self("configUnknownKey") }
    /// The CA bundle (`--cacert`) is missing or holds no certificate.
    public static var caBundle: Self { Self("caBundle") }
    /// A file or folder others could change, or that is not the user's.
    public static var notGuarded: Self { Self("notGuarded") }
    /// Any other unusable setting.
    public static var other: Self { Self("other") }
}
