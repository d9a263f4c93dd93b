import ArgumentParser
import BlauweKnop
import Foundation

/// `bk verify PROOF.json`: what a proof of filing proves, offline (PROTOCOL §11.2).
struct ProofVerification {
    let result: Result<DisputeProof.Proven, DisputeProof.Failure>

    init(bytes: [UInt8], anchor: TrustAnchor, environment: String) {
        result = DisputeProof.verify(bytes: bytes, trustAnchor: anchor, environment: environment)
    }

    /// Writes the verdict and, when authentic, what was filed with whom and when; ends with
    /// 0 authentic, 4 altered, 2 untrusted scheme, 1 unreadable.
    func report(format: TextOrJSON, to output: String?, presentation: Presentation) throws {
        let text = presentation.messages
        switch result {
        case .success(let proven):
            let claims = proven.receipt.claims
            if format == .json {
                try presentation.write(
                    String(
                        decoding: try JSONCoding.encode(
                            ProofReport(
                                verdict: "authentic", organization: proven.holderName, oin: claims.iss, kind: claims.kind.rawValue,
                                zaakkenmerk: claims.zaakkenmerk, request: claims.request, kenmerk: claims.kenmerk, ontvangenOp: claims.ontvangenOp,
                                beslissenVoor: claims.beslissenVoor, problem: nil)), as: UTF8.self) + "\n", to: output)
                return
            }
            let lines = [
                text[.proofAuthentic],
                text[
                    .proofFacts,
                    [
                        "organization": TerminalText.sanitized(proven.holderName), "kind": Self.kindName(claims.kind, text),
                        "zaak": TerminalText.sanitized(claims.zaakkenmerk), "moment": text.moment(claims.ontvangenOp),
                        "kenmerk": TerminalText.sanitized(claims.kenmerk), "date": text.date(claims.beslissenVoor),
                    ]],
                text[.proofFiler, ["bsn": Identifiers.masked(bsn: claims.sub)]],
            ]
            try presentation.write(Prose.wrapAll(lines.joined(separator: "\n"), width: presentation.width) + "\n", to: output)
        case .failure(.unreadable(let detail)):
            throw DisputeError(.malformed, detail)
        case .failure(let failure):
            let (verdict, key, code): (String, MessageKey, ExitStatus) =
                if case .untrustedScheme = failure { ("untrusted_scheme", .proofUntrustedScheme, .schemeRejected) } else {
                    ("altered", .proofAltered, .integrityFailure)
                }
            let detail: String =
                switch failure {
                case .untrustedScheme(let detail), .unreadable(let detail): detail
                case .differs(let error): error.detail
                }
            if format == .json {
                let report = ProofReport(
                    verdict: verdict, organization: nil, oin: nil, kind: nil, zaakkenmerk: nil, request: nil, kenmerk: nil, ontvangenOp: nil,
                    beslissenVoor: nil, problem: detail)
                try presentation.write(String(decoding: try JSONCoding.encode(report), as: UTF8.self) + "\n", to: output)
            } else {
                try presentation.write(Prose.wrapAll(text[key], width: presentation.width) + "\n", to: output)
                if presentation.verbose { Terminal.note("  \(TerminalText.sanitized(detail))") }
            }
            throw ExitCode(code.rawValue)
        }
    }
}

extension ProofVerification {
    /// The kind of a request as a third party reads it (a counsellor checks a client's proof).
    static func kindName(_ kind: DisputeKind, _ text: Messages) -> String {
        switch kind {
        case .bezwaar: text[.proofKindBezwaar]
        case .correctie: text[.proofKindCorrectie]
        case .verwijdering: text[.proofKindVerwijdering]
        }
    }
}

/// What `bk verify PROOF --format json` prints (`Schemas/proof-report.schema.json`).
struct ProofReport: Encodable {
    var verdict: String
    var organization: String?
    var oin: String?
    var kind: String?
    var zaakkenmerk: String?
    var request: String?
    var kenmerk: String?
    var ontvangenOp: String?
    var beslissenVoor: String?
    var problem: String?

    enum CodingKeys: String, CodingKey {
        case verdict, organization, oin, kind, zaakkenmerk, request, kenmerk, problem
        case ontvangenOp = "ontvangen_op"
        case beslissenVoor = "beslissen_voor"
    }
}
