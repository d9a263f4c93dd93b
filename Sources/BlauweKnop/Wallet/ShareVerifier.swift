/// Verifies shared presentations (PROTOCOL §12.2) as their recipient does: each issuer JWT
/// with the scheme's keys of its `iss`, every disclosure against the signed digests, the key
/// binding with the statement's own key over exactly what was presented, for the expected
/// recipient and nonce; one app key and one citizen across them all.
public enum ShareVerifier {
    /// Verifies a share file; its scheme must verify against `trustAnchor`, as it was when
    /// the citizen shared it.
    public static func verify(
        bytes: [UInt8], trustAnchor: TrustAnchor, environment: String, audience: String?, nonce: String?, maxAgeSeconds: Int64?, now: Int64
    ) -> ShareReport {
        guard bytes.count <= ShareFile.maxBytes else { return ShareReport(.unreadable, problem: "the file is larger than 4 MiB") }
        let file: ShareFile
        do {
            file = try JSONCoding.decode(ShareFile.self, from: bytes)
        } catch {
            return ShareReport(.unreadable, problem: "not a share file: \(error)")
        }
        guard file.type == ShareFile.typeName, file.version == 1 else { return ShareReport(.unreadable, problem: "not a share file of version 1") }
        // The scheme must have been current when the citizen shared; that moment is read here
        // unverified and proven below, by the key binding.
        let sharedAt = file.presentations.first.flatMap(Self.claimedSharingMoment) ?? now
        let scheme: VerifiedScheme
        do {
            scheme = try VerifiedScheme(compact: file.scheme, trustAnchor: trustAnchor, environment: environment, now: min(sharedAt, now))
        } catch {
            return ShareReport(.untrustedScheme, problem: error.detail)
        }
        return verify(presentations: file.presentations, scheme: scheme, audience: audience, nonce: nonce, maxAgeSeconds: maxAgeSeconds, now: now)
    }

    /// Verifies presentations against a scheme already verified (a share file's, or for paper
    /// the verifier's own current one, §12.3).
    public static func verify(
        presentations: [String], scheme: VerifiedScheme, audience: String?, nonce: String?, maxAgeSeconds: Int64?, now: Int64
    ) -> ShareReport {
        guard !presentations.isEmpty else { return ShareReport(.unreadable, problem: "the file holds no presentation") }
        var shown: [ShareReport.Shown] = []
        var holderKey: String?
        var citizen: String?
        for compact in presentations {
            do throws(SDJWTError) {
                let sdJWT = try SDJWT(compact: compact.trimmingASCIIWhitespace)
                let issuer = try SaldoStatement.claimedIssuer(of: sdJWT)
                guard let organization = scheme.document.organizations.first(where: { $0.oin == issuer }), let keys = scheme.organizationKeys[issuer] else {
                    throw SDJWTError(.invalidSignature, "a statement names issuer \(TerminalText.sanitized(issuer)), which the scheme does not list")
                }
                guard !shown.contains(where: { $0.oin == issuer }) else {
                    throw SDJWTError(.ambiguous, "two presentations of \(organization.name)'s statements")
                }
                let statement = try SaldoStatement(verifying: sdJWT, keys: keys, now: now)
                let binding = try sdJWT.verifiedKeyBinding(holderKey: statement.claims.cnf.jwk, audience: audience, nonce: nonce, now: now)
                let key = (try? statement.claims.cnf.jwk.thumbprint()) ?? ""
                guard holderKey == nil || holderKey == key else { throw SDJWTError(.wrongBinding, "the presentations are bound to different app keys") }
                holderKey = key
                if let bsn = statement.bsn {
                    guard citizen == nil || citizen == bsn else { throw SDJWTError(.wrongBinding, "the presentations are about different citizens") }
                    citizen = bsn
                }
                shown.append(
                    ShareReport.Shown(
                        oin: issuer, name: organization.name, saldoDatumtijd: statement.claims.saldoDatumtijd, iat: statement.claims.iat,
                        exp: statement.claims.exp, expired: statement.isExpired(now: now), aud: binding.aud,
                        recipientName: scheme.document.requesters?.first { $0.oin == binding.aud }?.name, nonce: binding.nonce, bsn: statement.bsn,
                        totalen: statement.totalen, zaken: statement.zaken.isEmpty ? nil : statement.zaken, mismatch: nil))
            } catch {
                return ShareReport(.altered, problem: error.detail)
            }
        }
        let stale = shown.contains { presented in presented.expired || maxAgeSeconds.map { now - presented.iat > $0 } == true }
        return ShareReport(stale ? .tooOld : .valid, organizations: shown, problem: stale ? "a statement is past its validity or older than --max-age" : nil)
    }

    /// The `iat` a presentation's key binding claims, unverified.
    private static func claimedSharingMoment(_ compact: String) -> Int64? {
        struct Moment: Decodable { var iat: Int64 }
        guard let binding = (try? SDJWT(compact: compact.trimmingASCIIWhitespace))?.keyBinding, let jws = try? JWS(compact: binding) else { return nil }
        return (try? JSONCoding.decode(Moment.self, from: jws.payload))?.iat
    }
}
