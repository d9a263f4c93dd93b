@testable import BlauweKnop
import BKTestSupport
import Foundation
import Testing

/// PROTOCOL §13 end to end: the real bk against the real bk-holder, where eight organisations
/// encrypt documents to the run's X-Wing key and one (Utrecht) sends over TLS alone.
@Suite("Documents encrypted to the run, end to end")
struct EncryptionEndToEndTests {
    /// short name → (status, encrypted) of an overview.
    static func holders(_ overview: [String: Any]) -> [String: (status: String, encrypted: Bool?)] {
        Dictionary(
            uniqueKeysWithValues: (overview["holders"] as? [[String: Any]] ?? []).map {
                ($0["short_name"] as? String ?? "", ($0["status"] as? String ?? "", $0["encrypted"] as? Bool))
            })
    }

    @Test("8 of 9 encrypt: all ok and JSON says which; --require-encryption (or BK_REQUIRE_ENCRYPTION) makes the ninth invalid_document, exit 4")
    func eightOfNine() throws {
        let holder = try TestHolder()
        try holder.login(ExpectedFigures.richCitizen)
        let (result, overview) = try holder.overviewJSON()
        #expect(result.status == 0, "\(result.standardError)")
        let holders = Self.holders(overview)
        #expect(holders.values.allSatisfy { $0.status == "ok" })
        #expect(holders.filter { $0.value.encrypted == true }.count == 8 && holders["Utrecht"]?.encrypted == false, "\(holders)")
        #expect(try Validators.jsonSchemaProblem(document: result.standardOutput, schema: Paths.packageRoot + "/Schemas/overview.schema.json") == nil)
        let verbose = try holder.bk("overview", "--verbose", "--lang", "en")
        #expect(verbose.standardOutput.contains("Encrypted to this run only (X-Wing): 8 of 9 organisations."), "\(verbose.standardOutput)")
        #expect(verbose.standardOutput.contains("Not encrypted, TLS only: Utrecht."))

        let (required, strict) = try holder.overviewJSON(["--require-encryption"])
        #expect(required.status == 4)
        let refused = Self.holders(strict)
        #expect(refused["Utrecht"]?.status == "invalid_document" && refused.filter { $0.value.status == "ok" }.count == 8, "\(refused)")
        let utrecht = (strict["holders"] as? [[String: Any]])?.first { $0["short_name"] as? String == "Utrecht" }
        #expect((utrecht?["error"] as? String)?.contains("does not encrypt") == true && (utrecht?["zaken"] as? [Any])?.isEmpty == true)
        let table = try holder.bk("overview", "--require-encryption", "--lang", "en")
        #expect(table.standardOutput.contains("does not encrypt its data beyond TLS,"), "\(table.standardOutput)")
        #expect(!table.standardOutput.contains("A document could not be checked"), "no bad document was refused")
        var environment = holder.bkEnvironment
        environment["BK_REQUIRE_ENCRYPTION"] = "true"
        #expect(try CommandResult.run(Paths.binaries + "/bk", ["overview"], environment: environment).status == 4)
    }

    @Test("bk check says per endpoint whether it encrypts; the one that does not is a warning, which --fail-on warning enforces")
    func checkReportsEncryption() throws {
        let holder = try TestHolder()
        let check = try holder.bk("check", "--format", "json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(check.standardOutput.utf8)) as? [String: Any])
        let cases = (report["cases"] as? [[String: Any]] ?? []).filter { $0["name"] as? String == "encryption" }
        #expect(cases.count == 9)
        #expect(cases.filter { $0["outcome"] as? String == "pass" }.count == 8, "\(cases)")
        #expect(cases.first { $0["outcome"] as? String == "warning" }?["group"] as? String == "Utrecht", "\(cases)")
        #expect(try holder.bk("check", "--fail-on", "warning").status != 0)
    }

    @Test(
        "Each encryption fault is invalid_document with its reason, nothing of it merged, exit 4",
        arguments: [
            ("plaintext_after_key", "without encryption"), ("other_kem", "not the X-Wing suite"), ("corrupted_ciphertext", "does not open"),
            ("other_info", "does not open"),
        ])
    func fault(name: String, reason: String) throws {
        let holder = try TestHolder(.init(faults: ["CJIB": name]))
        try holder.login(ExpectedFigures.richCitizen)
        let (result, overview) = try holder.overviewJSON()
        #expect(result.status == 4, "\(name)")
        let cjib = try #require((overview["holders"] as? [[String: Any]])?.first { $0["short_name"] as? String == "CJIB" })
        #expect(cjib["status"] as? String == "invalid_document", "\(name)")
        #expect((cjib["error"] as? String)?.contains(reason) == true, "\(name): \(cjib["error"] ?? "")")
        #expect((cjib["zaken"] as? [Any])?.isEmpty == true && (cjib["encrypted"] as? Bool) == false)
        let documents = ((overview["evidence"] as? [String: Any])?["documents"] as? [[String: Any]]) ?? []
        #expect(documents.count == 8, "the refused document is no evidence")
    }

    @Test("bk dispute gets its receipt encrypted: a corrupted one is exit 4 with the request kept, then sent again and filed")
    func encryptedReceipt() throws {
        var options = TestHolder.Options()
        options.faults = ["CJIB": "corrupted_ciphertext"]
        options.faultEndpoints = ["CJIB": "requests"]
        options.faultCounts = ["CJIB": 1]
        let holder = try DisputeEndToEndTests.holderWithOverview(options)
        let first = try holder.bk(DisputeEndToEndTests.bezwaar + ["--lang", "en"])
        #expect(first.status == 4, "\(first.standardError)")
        #expect(try String(contentsOfFile: holder.stateDirectory + "/pending-requests.json", encoding: .utf8).contains("\"oin\""))
        let next = try holder.bk("dispute", DisputeEndToEndTests.zaak, "--kind", "correctie", "--reason", "Naam verkeerd gespeld.", "--yes", "--lang", "en")
        #expect(next.status == 0 && next.standardError.contains("was sent again"), "\(next.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: holder.stateDirectory + "/requests").count == 2)
    }

    @Test("An encapsulation replayed from an earlier response does not open in the next run")
    func replayedEncapsulation() throws {
        let holder = try TestHolder(.init(faults: ["CJIB": "replayed_encapsulation"]))
        try holder.login(ExpectedFigures.richCitizen)
        let (first, _) = try holder.overviewJSON()
        #expect(first.status == 0, "the first response has a fresh encapsulation: \(first.standardError)")
        let (second, overview) = try holder.overviewJSON()
        #expect(second.status == 4)
        #expect(Self.holders(overview)["CJIB"]?.status == "invalid_document")
    }

    @Test("A proof whose enc is not an X-Wing key is refused with 401; a requester's documents come encrypted to the requester's run")
    func proofAndRequester() async throws {
        try await DedicatedExecutor.offPool {
            let holder = try TestHolder()
            try holder.login(ExpectedFigures.richCitizen)
            let consent = try RequesterEndToEndTests.grant(holder, only: "CJIB,DUO,Utrecht")
            let (result, overview) = try RequesterEndToEndTests.requesterOverview(
                holder, consent: consent, key: try RequesterEndToEndTests.requesterKey(holder))
            #expect(result.status == 0, "\(result.standardError)")
            let holders = Self.holders(overview)
            #expect(holders["CJIB"]?.encrypted == true && holders["DUO"]?.encrypted == true && holders["Utrecht"]?.encrypted == false, "\(holders)")

            let session = try await CitizenSession.open(holder, bsn: ExpectedFigures.singleDebtCitizen, at: "CJIB")
            let challenge = try JSONCoding.decode(
                Challenge.self,
                from: try await session.http.send(
                    .postJSON(url: session.discovery.sessionURL + "/challenge", body: Array("{}".utf8), maxResponseBytes: 1 << 16)
                ).body)
            let broken = EncryptionOffer(pk: Base64URL.encode([UInt8](repeating: 7, count: 100)))
            let proof = try JWS.sign(
                claims: SessionClient.Proof(aud: session.organization.oin, nonce: challenge.challenge, iat: session.client.clock.epochSeconds, enc: broken),
                type: SessionClient.proofType, key: session.registrar.identity.appKey)
            let body = try JSONCoding.encode(SessionClient.SessionRequest(credential: session.registrar.identity.credential.compact, proof: proof))
            let answer = try await session.http.send(.postJSON(url: session.discovery.sessionURL, body: body, maxResponseBytes: 1 << 16))
            #expect(answer.status == 401, "\(String(decoding: answer.body, as: UTF8.self))")
            await session.client.shutdown()
        }
    }

    struct Challenge: Decodable {
        var challenge: String
    }

    @Test("No file of the state folder or the temp folder holds the run's private key; two runs offer the holder different keys")
    func keyNeverWritten() async throws {
        try await DedicatedExecutor.offPool {
            let holder = try TestHolder()
            try holder.login(ExpectedFigures.richCitizen)
            let started = Date()
            var seeds: [[UInt8]] = []
            for _ in 0..<2 {
                let client = try BlauweKnopClient(settings: try ClientSettings.resolve(flags: [:], environment: holder.bkEnvironment))
                let overview = try await client.overview(http: RequesterSessionEndToEndTests.Requester.http(client), discoveries: client.discoveryCache())
                #expect(overview.holders.filter { $0.encrypted == true }.count == 8, "\(overview.holders.map { ($0.displayName, $0.status, $0.error ?? "") })")
                seeds.append(try #require(client.encryption.key?.seedForTesting))
                await client.shutdown()
            }
            #expect(seeds[0] != seeds[1] && seeds.allSatisfy { $0.count == 32 })
            let forms = seeds.flatMap { seed in
                [
                    seed, Array(Base64URL.encode(seed).utf8), Array(Data(seed).base64EncodedString().utf8),
                    Array(seed.map { String(format: "%02x", $0) }.joined().utf8),
                ]
            }
            var searched = 0
            for folder in [holder.stateDirectory, NSTemporaryDirectory()] {
                guard let files = FileManager.default.enumerator(atPath: folder) else { continue }
                for case let relative as String in files {
                    let path = (folder as NSString).appendingPathComponent(relative)
                    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path), attributes[.type] as? FileAttributeType == .typeRegular,
                        (attributes[.modificationDate] as? Date ?? .distantPast) >= started.addingTimeInterval(-1),
                        (attributes[.size] as? Int ?? 0) < 64 << 20, let bytes = FileManager.default.contents(atPath: path).map(Array.init)
                    else { continue }
                    searched += 1
                    for form in forms { #expect(!Self.contains(bytes, form), "\(path) holds the run's private key") }
                }
            }
            #expect(searched > 0, "the run wrote files (sessions, discovery cache), and they were searched")

            let url = try AdversarialHolderFloodEndToEndTests.baseURL(holder, name: "Centraal Justitieel Incassobureau") + "/v1/admin/encryption-keys"
            let client = try BlauweKnopClient(settings: try ClientSettings.resolve(flags: [:], environment: holder.bkEnvironment))
            let answer = try await RequesterSessionEndToEndTests.Requester.http(client).send(
                HTTPRequest(url: url, headers: [("Authorization", "Bearer \(DisputeHolderEndToEndTests.Filer.adminToken)")], maxResponseBytes: 1 << 16))
            await client.shutdown()
            let object = try JSONSerialization.jsonObject(with: Data(answer.body))
            let keys = try #require((object as? [String: Any])?["keys"] as? [String])
            #expect(keys.count == 2 && Set(keys).count == 2, "the holder saw one key per run: \(keys)")
        }
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        Data(haystack).range(of: Data(needle)) != nil
    }
}
