import Testing

@testable import BlauweKnop

@Suite("Engine shards by host")
struct HostAssignmentsTests {
    @Test("A host keeps its shard; new hosts are dealt round robin")
    func stableAndBalanced() {
        let hosts = HostAssignments()
        let first = hosts.shard(for: "https://a.example:8443/discovery", of: 2)
        let second = hosts.shard(for: "https://b.example/x", of: 2)
        #expect(first != second)
        #expect(hosts.shard(for: "https://A.EXAMPLE:8443/claims?x=1", of: 2) == first)
        #expect(hosts.shard(for: "https://b.example/other", of: 2) == second)
        let counts = (0..<100).reduce(into: [0, 0]) { counts, index in counts[hosts.shard(for: "https://h\(index).example/", of: 2)] += 1 }
        #expect(counts == [50, 50])
        #expect(HostAssignments().shard(for: "https://x/", of: 1) == 0)
    }

    @Test(
        "The authority ends at the path, query or fragment; the port is part of it",
        arguments: [
            ("https://Host.Example:443/a/b", "host.example:443"), ("https://h?q=/x", "h"), ("https://h#f", "h"), ("https://h", "h"),
            ("no-scheme", "no-scheme"),
        ])
    func authority(url: String, expected: String) {
        #expect(HostAssignments.authority(of: url) == Substring(expected))
    }
}
