import BlauweKnop
import Foundation
import Testing

/// Flag > environment > config file (PROTOCOL §9), and atomic private files.
@Suite("Settings and files")
struct SettingsTests {
    @Test("Flags beat the environment, which beats the config file")
    func precedence() throws {
        let directory = NSTemporaryDirectory() + "bk-settings-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory + "/bk", withIntermediateDirectories: true)
        try #"{"scheme-url":"https://file/","environment":"acc","cacert":"ca.pem"}"#.write(
            toFile: directory + "/bk/config.json", atomically: true, encoding: .utf8)
        let environment = ["XDG_CONFIG_HOME": directory, "BK_ENVIRONMENT": "test", "HOME": directory]
        let fromFile = try ClientSettings.resolve(flags: [:], environment: environment)
        #expect(fromFile.schemeURL == "https://file/")
        #expect(fromFile.environment == "test")
        #expect(fromFile.caBundlePath == directory + "/bk/ca.pem")
        #expect(fromFile.stateDirectory == directory + "/.local/state/bk")
        let flagged = try ClientSettings.resolve(flags: [.schemeURL: "https://flag/", .environment: "prod"], environment: environment)
        #expect(flagged.schemeURL == "https://flag/")
        #expect(flagged.environment == "prod")
    }

    @Test("An unknown key in the config file is an error, not silently ignored")
    func unknownKey() throws {
        let path = NSTemporaryDirectory() + "bk-config-" + UUID().uuidString + ".json"
        try #"{"scheme_url":"https://x/"}"#.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: SettingsError.self) { try ClientSettings.resolve(flags: [:], environment: [:], configPath: path) }
    }

    @Test("Atomic writes replace the file whole and set the mode exactly")
    func atomicWrite() throws {
        let path = NSTemporaryDirectory() + "bk-atomic-" + UUID().uuidString
        try AtomicFile.write("first", to: path, mode: 0o600)
        try AtomicFile.write("second", to: path, mode: 0o600)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second")
        #expect((try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter {
            $0.contains((path as NSString).lastPathComponent + ".")
        }
        #expect(leftovers.isEmpty)
    }
}
