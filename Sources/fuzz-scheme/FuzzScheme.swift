import BlauweKnop

// libFuzzer target for the scheme decoder and its content rules: each input is signed with a
// fixed operator key and verified, so that the payload checks behind the signature are reached.

#if FUZZING
let operatorKey: PrivateKey = {
    do {
        return try PrivateKey.generate(.p256)
    } catch {
        fatalError("cannot make the fuzzing key: \(error)")
    }
}()

let anchor: TrustAnchor = {
    do {
        return try TrustAnchor(jwkSet: JSONCoding.encode(["keys": [operatorKey.publicJWK]]))
    } catch {
        fatalError("cannot make the fuzzing trust anchor: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScheme(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let payload = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? JSONCoding.decode(SchemeDocument.self, from: payload)
    if let compact = try? JWS.sign(payload: payload, type: VerifiedScheme.jwsType, key: operatorKey),
        let scheme = try? VerifiedScheme(compact: compact, trustAnchor: anchor, environment: "test", now: 1_795_000_000)
    {
        _ = SchemeSummary(scheme)
    }
    return 0
}
#else
@main
enum FuzzScheme {
    static func main() { print("build with 'make fuzz' to run this fuzzer") }
}
#endif
