import Foundation

/// A real `bk-holder` on loopback for one test, with its own environment file and a state
/// directory for `bk`.
final class TestHolder {
    /// Options for the environment the holder serves.
    struct Options {
        var environment = "test"
        var schemeVersion: Int? = nil
        var expiredScheme = false
        /// Faults by organisation short name (`CJIB`, `DUO`, …).
        var faults: [String: String] = [:]
        /// Added latency in milliseconds by organisation short name.
        var latencies: [String: Int] = [:]
        /// Which endpoint a transport fault applies to, by organisation short name.
        var faultEndpoints: [String: String] = [:]
        /// How many requests misbehave, by organisation short name (default: all).
        var faultCounts: [String: Int] = [:]
        /// Extra bytes in the scheme, and a change of content at the same version.
        var schemePadding: Int? = nil
        var schemeNameSuffix: String? = nil
        /// Publish the scheme without its requesters (as after the operator removed them).
        var withoutRequesters = false
        /// The holder's limits (`HolderLimits`) by their names in the environment file.
        var limits: [String: Int] = [:]
        /// Serve without the admin endpoint (no `admin_token`), as a copy for real use would.
        var withoutAdminToken = false
    }

    let directory: String
    let stateDirectory: String
    let schemeURL: String
    let environmentName: String
    let trustAnchor: String
    private let process: Process

    /// Starts a holder for the Examples environment with these options.
    convenience init(_ options: Options = Options(), stateDirectory: String? = nil) throws {
        let directory = try Paths.temporaryDirectory()
        let configPath = directory + "/environment.json"
        try Self.writeEnvironment(options, to: configPath)
        try self.init(
            directory: directory, configPath: configPath, trustAnchor: Paths.examples + "/trust-anchor.jwks.json", environmentName: options.environment,
            stateDirectory: stateDirectory)
    }

    /// Starts a holder for a generated environment (`bk-holder generate`).
    convenience init(configPath: String, trustAnchor: String) throws {
        try self.init(directory: try Paths.temporaryDirectory(), configPath: configPath, trustAnchor: trustAnchor, environmentName: "test", stateDirectory: nil)
    }

    /// Starts a holder and waits until it prints its ready line.
    private init(directory: String, configPath: String, trustAnchor: String, environmentName: String, stateDirectory: String?) throws {
        self.directory = directory
        self.stateDirectory = stateDirectory ?? directory + "/state"
        self.environmentName = environmentName
        self.trustAnchor = trustAnchor
        let logPath = directory + "/holder.log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        process = Process()
        process.executableURL = URL(fileURLWithPath: Paths.binaries + "/bk-holder")
        process.arguments = [
            "serve", "--config", configPath, "--port", "0",
            "--certificate", Paths.examples + "/pki/server.pem", "--private-key", Paths.examples + "/pki/server.key",
        ]
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        var url: String?
        while Date() < deadline {
            let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("ready ") }) {
                url = String(line.dropFirst("ready ".count))
                break
            }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        guard let url else {
            process.terminate()
            let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            throw TestFailure("bk-holder did not become ready: \(text)")
        }
        schemeURL = url
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        // BK_KEEP_HOLDER=1 keeps the folder (holder.log holds a crashed holder's backtrace).
        if ProcessInfo.processInfo.environment["BK_KEEP_HOLDER"] == nil { try? FileManager.default.removeItem(atPath: directory) }
    }

    /// The environment `bk` runs with: every global setting by variable, no user config; the
    /// sanitizer options of `make sanitize` pass through.
    var bkEnvironment: [String: String] {
        var environment = [
            "BK_SCHEME_URL": schemeURL, "BK_TRUST_ANCHOR": trustAnchor,
            "BK_ENVIRONMENT": environmentName, "BK_CACERT": Paths.examples + "/pki/ca.pem", "BK_STATE_DIR": stateDirectory,
            "XDG_CONFIG_HOME": directory + "/config", "HOME": directory, "PATH": "/usr/bin:/bin",
        ]
        for name in ["LSAN_OPTIONS", "ASAN_OPTIONS", "TSAN_OPTIONS"] { environment[name] = ProcessInfo.processInfo.environment[name] }
        return environment
    }

    /// Runs the real `bk` against this holder.
    func bk(_ arguments: String...) throws -> CommandResult { try bk(arguments) }

    /// Runs the real `bk` against this holder, with the arguments as a list.
    func bk(_ arguments: [String]) throws -> CommandResult {
        try CommandResult.run(Paths.binaries + "/bk", arguments, environment: bkEnvironment)
    }

    /// Logs in a test citizen, failing the test when that does not work.
    func login(_ bsn: String) throws {
        let result = try bk("login", "--test-bsn", bsn)
        guard result.status == 0 else { throw TestFailure("login failed (\(result.status)): \(result.standardError)") }
    }

    /// `bk overview --format json`, decoded.
    func overviewJSON(_ extra: [String] = []) throws -> (CommandResult, [String: Any]) {
        let result = try CommandResult.run(Paths.binaries + "/bk", ["overview", "--format", "json"] + extra, environment: bkEnvironment)
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        guard let object else { throw TestFailure("overview is not a JSON object: \(result.standardOutput.prefix(200)) \(result.standardError)") }
        return (result, object)
    }

    /// An organisation's data file with its dates moved to keep their distance to today
    /// (`ExpectedFigures.dayShift`), written beside the environment.
    private static func shiftedData(_ relative: String, into folder: String) throws -> String {
        let source = Paths.examples + "/" + relative
        guard ExpectedFigures.dayShift != 0 else { return source }
        let tree = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: source)))
        let target = folder + "/shifted-" + (relative as NSString).lastPathComponent
        try JSONSerialization.data(withJSONObject: ExpectedFigures.shiftedDates(tree)).write(to: URL(fileURLWithPath: target))
        return target
    }

    private static func writeEnvironment(_ options: Options, to path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Paths.examples + "/environment.json"))
        guard var root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            var scheme = root["scheme"] as? [String: Any], var manager = root["app_manager"] as? [String: Any],
            let organizations = root["organizations"] as? [[String: Any]]
        else { throw TestFailure("Examples/environment.json has an unexpected shape") }
        func absolute(_ value: Any?) -> String { Paths.examples + "/" + ((value as? String) ?? "") }
        root["environment"] = options.environment
        scheme["operator_key"] = absolute(scheme["operator_key"])
        if let version = options.schemeVersion { scheme["version"] = version }
        if options.expiredScheme { scheme["expired"] = true }
        if let padding = options.schemePadding { scheme["padding_bytes"] = padding }
        if let suffix = options.schemeNameSuffix { scheme["name_suffix"] = suffix }
        manager["key"] = absolute(manager["key"])
        root["scheme"] = scheme
        root["app_manager"] = manager
        root["organizations"] = organizations.map { organization in
            var organization = organization
            organization["key"] = absolute(organization["key"])
            organization["data"] =
                (try? shiftedData((organization["data"] as? String) ?? "", into: (path as NSString).deletingLastPathComponent))
                ?? absolute(organization["data"])
            if let name = organization["short_name"] as? String, let fault = options.faults[name] { organization["fault"] = fault }
            if let name = organization["short_name"] as? String {
                if let latency = options.latencies[name] { organization["latency_ms"] = latency }
                if let endpoint = options.faultEndpoints[name] { organization["fault_endpoint"] = endpoint }
                if let count = options.faultCounts[name] { organization["fault_count"] = count }
            }
            return organization
        }
        if options.withoutRequesters { root["requesters"] = nil }
        if options.withoutAdminToken { root["admin_token"] = nil }
        if !options.limits.isEmpty { root["limits"] = options.limits }
        if let requesters = root["requesters"] as? [[String: Any]] {
            root["requesters"] = requesters.map { requester in
                var requester = requester
                requester["key"] = absolute(requester["key"])
                return requester
            }
        }
        try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: path))
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
