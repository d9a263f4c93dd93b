import Foundation

// `bk-fuzz TARGET [libFuzzer options] [corpus…]`, TARGET being jws, claims, scheme, overview, attachment or sdjwt.
// `make fuzz` builds it with -sanitize=fuzzer,address -DFUZZING; other builds get a stub.

#if FUZZING
    /// libFuzzer's entry point for programs with their own main (LLVM ≥ 12).
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32

    /// The chosen target; set once before libFuzzer starts, read from its single fuzzing thread.
    nonisolated(unsafe) var selectedTarget: ([UInt8]) -> Void = { _ in }

    /// The callback libFuzzer calls with each input (its runtime also links against this name).
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        selectedTarget(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }

    @main
    enum BKFuzz {
        static func main() {
            let targets: [String: ([UInt8]) -> Void] = [
                "jws": FuzzTargets.jws, "claims": FuzzTargets.claims, "scheme": FuzzTargets.scheme, "overview": FuzzTargets.overview,
                "attachment": FuzzTargets.attachment, "sdjwt": FuzzTargets.sdjwt,
            ]
            let arguments = CommandLine.arguments
            guard arguments.count >= 2, let target = targets[arguments[1]] else {
                FileHandle.standardError.write(Data("usage: bk-fuzz jws|claims|scheme|overview|attachment|sdjwt [libFuzzer options] [corpus…]\n".utf8))
                exit(64)
            }
            selectedTarget = target
            // libFuzzer sees the program name followed by its own options.
            var argv: [UnsafeMutablePointer<CChar>?] = ([arguments[0]] + arguments.dropFirst(2)).map { strdup($0) } + [nil]
            var argc = Int32(argv.count - 1)
            let status = argv.withUnsafeMutableBufferPointer { buffer -> Int32 in
                var base = buffer.baseAddress
                return LLVMFuzzerRunDriver(&argc, &base, fuzzOneInput)
            }
            exit(status)
        }
    }
#else
    @main
    enum BKFuzz {
        static func main() {
            FileHandle.standardError.write(Data("bk-fuzz: build with 'make fuzz' to run the fuzzers\n".utf8))
            exit(1)
        }
    }
#endif
