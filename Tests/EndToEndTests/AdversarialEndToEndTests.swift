import Foundation
import Testing

/// Hostile, slow and broken holders (TUF's attack list, RFC 8725, curl's timeouts): one
/// scenario per fault. Each asserts the attacked holder's status, the exit code, and that every
/// other holder's figures are still exactly right.
@Suite("Adversarial holders")
struct AdversarialEndToEndTests {
    struct Scenario: CustomTestStringConvertible, Sendable {
        var fault: String
        var endpoint: String? = nil
        var count: Int? = nil
        var status: String
        var exitCode: Int32
        var flags: [String] = []
        /// A word the holder's readable reason must contain.
        var reason: String? = nil

        var testDescription: String { [fault, endpoint, count.map { "×\($0)" }].compactMap { $0 }.joined(separator: " at ") }
    }

    static let quick = ["--request-timeout", "3", "--connect-timeout", "3"]

    static let scenarios: [Scenario] = [
        // Transport and HTTP.
        Scenario(fault: "down", status: "unreachable", exitCode: 3),
        Scenario(fault: "reset_mid_response", status: "unreachable", exitCode: 3, reason: "reset"),
        Scenario(fault: "stall_after_headers", status: "timeout", exitCode: 3, flags: quick, reason: "in time"),
        Scenario(fault: "trickle", status: "timeout", exitCode: 3, flags: quick),
        Scenario(fault: "endless_body", status: "invalid_document", exitCode: 4),
        Scenario(fault: "oversized_body", status: "invalid_document", exitCode: 4),
        Scenario(fault: "oversized_body", endpoint: "discovery", status: "invalid_document", exitCode: 4),
        Scenario(fault: "malformed_json", status: "invalid_document", exitCode: 4),
        Scenario(fault: "malformed_json", endpoint: "discovery", status: "invalid_document", exitCode: 4),
        Scenario(fault: "wrong_shape", status: "invalid_document", exitCode: 4),
        Scenario(fault: "wrong_shape", endpoint: "session", status: "invalid_document", exitCode: 4),
        Scenario(fault: "http_429", status: "http_error", exitCode: 3),
        Scenario(fault: "http_500", status: "http_error", exitCode: 3),
        Scenario(fault: "http_502", endpoint: "challenge", status: "http_error", exitCode: 3),
        Scenario(fault: "http_503", endpoint: "discovery", status: "http_error", exitCode: 3),
        Scenario(fault: "http_503", count: 1, status: "ok", exitCode: 0),
        Scenario(fault: "http_429", endpoint: "discovery", count: 2, status: "ok", exitCode: 0),
        Scenario(fault: "redirect_same_host", status: "http_error", exitCode: 3, reason: "redirect"),
        Scenario(fault: "hostile_problem", status: "unauthorized", exitCode: 3),
        // Sessions: a consumed challenge answered 504 is retried from a fresh challenge; a
        // token that would inject a header is refused.
        Scenario(fault: "session_consumed_504", count: 1, status: "ok", exitCode: 0),
        Scenario(fault: "header_injection_token", status: "invalid_document", exitCode: 4, reason: "token"),
        Scenario(fault: "redirect_other_host", endpoint: "discovery", status: "http_error", exitCode: 3),
        // TLS.
        Scenario(fault: "expired_certificate", status: "unreachable", exitCode: 3),
        Scenario(fault: "other_ca_certificate", status: "unreachable", exitCode: 3),
        Scenario(fault: "wrong_name_certificate", status: "unreachable", exitCode: 3),
        // Discovery and documents.
        Scenario(fault: "wrong_discovery_oin", status: "invalid_document", exitCode: 4),
        Scenario(fault: "tampered_payload", status: "invalid_signature", exitCode: 4),
        Scenario(fault: "other_organization_key", status: "invalid_signature", exitCode: 4),
        Scenario(fault: "alg_none", status: "invalid_signature", exitCode: 4),
        Scenario(fault: "alg_hs256", status: "invalid_signature", exitCode: 4),
        Scenario(fault: "embedded_jwk", status: "invalid_signature", exitCode: 4),
        Scenario(fault: "crit_header", status: "invalid_signature", exitCode: 4),
        Scenario(fault: "der_signature", status: "invalid_signature", exitCode: 4),
        Scenario(fault: "expired_document", status: "invalid_document", exitCode: 4),
        Scenario(fault: "other_citizen", status: "invalid_document", exitCode: 4),
        Scenario(fault: "other_app_key", status: "invalid_document", exitCode: 4),
        Scenario(fault: "future_iat", status: "invalid_document", exitCode: 4),
        Scenario(fault: "duplicate_event_id", status: "invalid_document", exitCode: 4),
        Scenario(fault: "negative_amount", status: "invalid_document", exitCode: 4),
        Scenario(fault: "fractional_amount", status: "invalid_document", exitCode: 4),
        Scenario(fault: "stated_totals_mismatch", status: "ok_with_warnings", exitCode: 0),
        Scenario(fault: "unknown_event_type", status: "ok_with_warnings", exitCode: 0),
        Scenario(fault: "unsupported_version", status: "unsupported_version", exitCode: 4),
    ]

    @Test("One CJIB fault: its status and the exit code are right; the other eight are exact", arguments: scenarios)
    func scenario(_ scenario: Scenario) throws {
        var options = TestHolder.Options(faults: ["CJIB": scenario.fault])
        if let endpoint = scenario.endpoint { options.faultEndpoints["CJIB"] = endpoint }
        if let count = scenario.count { options.faultCounts["CJIB"] = count }
        let holder = try TestHolder(options)
        try holder.login(ExpectedFigures.richCitizen)
        let (result, overview) = try holder.overviewJSON(scenario.flags)
        #expect(result.status == scenario.exitCode, "\(scenario.testDescription): \(result.standardError)")
        let holders = try #require(overview["holders"] as? [[String: Any]])
        #expect(holders.count == 9)
        let succeeded = scenario.status == "ok" || scenario.status == "ok_with_warnings"
        for entry in holders {
            let name = entry["short_name"] as? String ?? ""
            if name == "CJIB" {
                #expect(entry["status"] as? String == scenario.status, "\(scenario.testDescription): \(entry["error"] ?? "")")
                if succeeded {
                    // Warnings never change the figures: they are derived from the events.
                    #expect(ExpectedFigures.totals(entry["totals"]) == ExpectedFigures.richByHolder[name])
                } else {
                    #expect((entry["error"] as? String)?.isEmpty == false, "a failed holder has a readable reason")
                    if let reason = scenario.reason {
                        #expect((entry["error"] as? String)?.contains(reason) == true, "\(entry["error"] ?? "") should say '\(reason)'")
                    }
                    #expect((entry["zaken"] as? [Any])?.isEmpty == true, "nothing of a rejected document is merged")
                }
            } else {
                #expect(entry["status"] as? String == "ok", "\(name) in \(scenario.testDescription)")
                #expect(ExpectedFigures.totals(entry["totals"]) == ExpectedFigures.richByHolder[name], "\(name) in \(scenario.testDescription)")
            }
        }
        let expectedTotal = succeeded ? ExpectedFigures.richTotal : ExpectedFigures.richTotal(without: "CJIB")
        #expect(ExpectedFigures.totals(overview["totals"]) == expectedTotal)
        #expect(overview["complete"] as? Bool == succeeded)
    }

    @Test("With one holder stalling forever, the overview ends within the deadline plus one second")
    func stallingHolderRespectsDeadline() throws {
        let holder = try TestHolder(.init(faults: ["CJIB": "stall_after_headers"]))
        try holder.login(ExpectedFigures.richCitizen)
        let started = Date()
        let (result, overview) = try holder.overviewJSON(["--deadline", "3"])
        let elapsed = Date().timeIntervalSince(started)
        // One second of slack for process start and teardown; sanitizer builds run several
        // times slower and set BK_TIMING_SLACK (make sanitize).
        let slack = ProcessInfo.processInfo.environment["BK_TIMING_SLACK"].flatMap(Double.init) ?? 1.0
        #expect(elapsed < 3.0 + slack, "took \(elapsed) s with a 3 s deadline")
        #expect(result.status == 3)
        let statuses = (overview["holders"] as? [[String: Any]] ?? []).map { $0["status"] as? String ?? "" }
        #expect(statuses.filter { $0 == "ok" }.count == 8)
        #expect(statuses.contains("timeout"))
    }

    @Test("Same version with different content is refused and the stored state is kept")
    func sameVersionDifferentContent() throws {
        let first = try TestHolder(.init(schemeVersion: 5))
        try first.login(ExpectedFigures.richCitizen)
        let statePath = first.stateDirectory + "/scheme-state.json"
        let before = try String(contentsOfFile: statePath, encoding: .utf8)
        let changed = try TestHolder(.init(schemeVersion: 5, schemeNameSuffix: " (changed)"), stateDirectory: first.stateDirectory)
        let result = try changed.bk("overview", "--format", "json", "--verbose")
        #expect(result.status == 2)
        #expect(result.standardError.contains("same version"))
        #expect(try String(contentsOfFile: statePath, encoding: .utf8) == before)
    }

    @Test("A scheme over 1 MiB is refused while streaming (exit 2)")
    func oversizedScheme() throws {
        let holder = try TestHolder(.init(schemePadding: 1 << 20))
        let result = try holder.bk("overview", "--format", "json", "--verbose")
        #expect(result.status == 2)
        #expect(result.standardError.contains("larger than 1 MiB"))
        #expect(!FileManager.default.fileExists(atPath: holder.stateDirectory + "/scheme-state.json"))
    }

    @Test("A corrupted state file gives a clear error and a way out, not a crash")
    func corruptedState() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        try "{broken".write(toFile: holder.stateDirectory + "/scheme-state.json", atomically: true, encoding: .utf8)
        let damaged = try holder.bk("overview", "--format", "json")
        #expect(damaged.status == 1)
        #expect(damaged.standardError.contains("remove it"))
        try "garbage".write(toFile: holder.stateDirectory + "/app-key.pem", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: holder.stateDirectory + "/scheme-state.json")
        let badKey = try holder.bk("overview", "--format", "json")
        #expect(badKey.status == 1)
        #expect(badKey.standardError.contains("bk logout"))
    }
}
