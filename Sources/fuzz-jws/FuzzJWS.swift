import BlauweKnop

// libFuzzer target for the JWS parser and verifier. Built by `make fuzz` with
// `-sanitize=fuzzer,address -DFUZZING`; in normal builds it is a stub that says so.

#if FUZZING
/// Trusted keys of both types, made once, so that every input reaches signature verification.
let fuzzKeys: TrustedKeys = {
    do {
        return try TrustedKeys([PrivateKey.generate(.p256).publicJWK, PrivateKey.generate(.ed25519).publicJWK])
    } catch {
        fatalError("cannot make fuzzing keys: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJWS(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let jws = try? JWS(compact: text) {
        _ = try? jws.verified(with: fuzzKeys, type: nil)
        _ = try? jws.verified(with: fuzzKeys, type: "fcid+jws")
    }
    _ = Base64URL.decode(text)
    return 0
}
#else
@main
enum FuzzJWS {
    static func main() { print("build with 'make fuzz' to run this fuzzer") }
}
#endif
