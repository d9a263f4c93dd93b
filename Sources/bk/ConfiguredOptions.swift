import ArgumentParser
import BlauweKnop
import Foundation

/// Every option of every command may also come from `BK_<NAME>` or the config file's
/// `"<name>"` (flag > environment > file): options the command line does not give are added
/// from those before parsing. The scheme, trust, environment, CA and state settings resolve in
/// `ClientSettings` instead, where relative paths are relative to the config file.
enum ConfiguredOptions {
    /// One option of a command, as swift-argument-parser describes it.
    struct Option: Hashable {
        var name: String
        var isFlag: Bool
    }

    /// Options that never come from the environment or the config file.
    static let excluded: Set<String> = ["help", "version", "config", "experimental-dump-help", "generate-completion-script"]

    /// The long options of a command type, from the tool description swift-argument-parser dumps.
    static func options(of command: any ParsableCommand.Type) -> [Option] {
        guard case .object(let root)? = try? StrictJSONParser.parse(Array(command._dumpHelp().utf8)), case .object(let info)? = root["command"],
            case .array(let arguments)? = info["arguments"]
        else { return [] }
        return arguments.compactMap { argument -> Option? in
            guard case .object(let fields) = argument, case .string(let kind)? = fields["kind"], kind != "positional",
                case .array(let names)? = fields["names"]
            else { return nil }
            for case .object(let name) in names {
                if case .string("long")? = name["kind"], case .string(let text)? = name["name"], !excluded.contains(text) {
                    return Option(name: text, isFlag: kind == "flag")
                }
            }
            return nil
        }
    }

    /// Every long option name of bk's commands. Reading the tool description costs about as
    /// much as a whole overview of nine organisations, so it is read only when a config key or
    /// variable needs it.
    static let names = allNames(root: BK.self)

    /// Every command path (`overview`, `consent grant`), for the config file's command keys.
    static let commandPaths = allCommandPaths(root: BK.self, prefix: [])

    static func allCommandPaths(root: any ParsableCommand.Type, prefix: [String]) -> Set<String> {
        var paths: Set<String> = []
        for sub in root.configuration.subcommands {
            let path = prefix + [sub._commandName]
            paths.insert(path.joined(separator: " "))
            paths.formUnion(allCommandPaths(root: sub, prefix: path))
        }
        return paths
    }

    /// Every long option name of every command, for the config file's key check.
    static func allNames(root: any ParsableCommand.Type) -> Set<String> {
        var names = Set(options(of: root).map(\.name))
        for sub in root.configuration.subcommands { names.formUnion(allNames(root: sub)) }
        return names
    }

    /// The arguments with every missing option of the chosen command added from the
    /// environment or the config file. A config file that cannot be read adds nothing here:
    /// the command reports it where it matters (so that `bk logout` still works).
    static func completed(_ arguments: [String], root: any ParsableCommand.Type, environment: [String: String]) -> [String] {
        var command = root
        var names: [String] = []
        for argument in arguments {
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
            command = next
            names.append(argument)
        }
        // `bk dispute ZAAK` runs `dispute file`: its options, set under either name.
        var commandPaths = [names.joined(separator: " ")]
        if let chosen = command.configuration.defaultSubcommand {
            command = chosen
            commandPaths.insert((names + [chosen._commandName]).joined(separator: " "), at: 0)
        }
        let given = Set(arguments.compactMap { $0.hasPrefix("--") ? String($0.dropFirst(2).split(separator: "=").first ?? "") : nil })
        // `--config FILE` and `--config=FILE` alike.
        let configFlag = ArgumentOrder.value(of: "--config", in: arguments)
        let (path, explicit) = ClientSettings.configPath(flag: configFlag, environment: environment)
        let global = Set(ClientSettings.Key.allCases.map(\.rawValue))
        // Only keys and variables beyond the settings resolved elsewhere need the description.
        let file = (try? ClientSettings.readConfig(path, explicit: explicit, isOptionName: { _ in true }, isCommandPath: { _ in true })) ?? [:]
        let globalVariables = Set(ClientSettings.Key.allCases.map(\.environmentVariable) + ["BK_CONFIG"])
        let wanted =
            file.keys.contains { !global.contains($0) }
            || environment.keys.contains { $0.hasPrefix("BK_") && !globalVariables.contains($0) }
        guard wanted else { return arguments }
        var added: [String] = []
        for option in options(of: command) where !given.contains(option.name) && !global.contains(option.name) {
            let variable = "BK_" + option.name.uppercased().replacingOccurrences(of: "-", with: "_")
            // The command's own entry (`{"overview": {"detail": true}}`) before one for all.
            let configured = commandPaths.lazy.compactMap { file[$0 + "/" + option.name] }.first ?? file[option.name]
            guard let value = environment[variable].flatMap({ $0.isEmpty ? nil : $0 }) ?? configured else { continue }
            if option.isFlag {
                if ["true", "1", "yes"].contains(value.lowercased()) { added.append("--" + option.name) }
            } else {
                added += ["--" + option.name, value]
            }
        }
        guard !added.isEmpty else { return arguments }
        // Before a `--` terminator, if any, so that they stay options.
        var result = arguments
        result.insert(contentsOf: added, at: arguments.firstIndex(of: "--") ?? arguments.endIndex)
        return result
    }
}
