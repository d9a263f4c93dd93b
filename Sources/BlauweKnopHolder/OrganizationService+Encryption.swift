import BlauweKnop
import Hummingbird

/// Where one session's documents are sealed to (PROTOCOL §13): the client's offered key and
/// the `info` that binds each response to this holder and that session's challenge.
struct SessionSealing: Sendable {
    let offer: EncryptionOffer
    let challenge: String
}

/// Documents encrypted to the client (PROTOCOL §13): each response sealed with a fresh
/// encapsulation, and the faults that test a client's refusal of anything else.
extension OrganizationService {
    /// Whether discovery lists X-Wing (every organisation unless `"encryption": false`).
    nonisolated var encrypts: Bool { organization.settings.encryption != false }

    /// The sealing of a new session: only when this holder encrypts and the client offered a key.
    func sealing(_ offer: EncryptionOffer?, _ challenge: String) -> SessionSealing? {
        guard encrypts, let offer else { return nil }
        offeredKeys = Array((offeredKeys + [Base64URL.encode(Digest.sha256(Array(offer.pk.utf8)))]).suffix(100))
        return SessionSealing(offer: offer, challenge: challenge)
    }

    /// `GET /v1/admin/encryption-keys` (with the admin token): digests of the keys clients
    /// offered lately, newest last, so that tests can see that each run brings its own.
    func offeredKeysResponse(authorization: String?) -> Response {
        guard isAdmin(authorization) else { return HolderResponse.problem(.unauthorized, "No valid admin token") }
        return HolderResponse.json(["keys": offeredKeys])
    }

    /// A signed document as its session receives it: sealed when the session offered a key.
    func deliver(_ compact: String, to sealing: SessionSealing?, fault: HolderFault?, status: HTTPResponse.Status = .ok) -> Response {
        guard let sealing, fault != .plaintextAfterKey else { return HolderResponse.jose(compact) }
        do {
            return HolderResponse.bytes(
                try JSONCoding.encode(try seal(Array(compact.utf8), to: sealing, fault: fault)), contentType: DocumentEncryption.contentType, status: status)
        } catch {
            return HolderResponse.problem(.internalServerError, "Encryption failed")
        }
    }

    /// The envelope of one response, bent as the fault says.
    func seal(_ plaintext: [UInt8], to sealing: SessionSealing, fault: HolderFault?) throws -> SealedDocument {
        let oin = fault == .otherInfo ? "00000009999999999000" : organization.settings.oin
        var sealer = try DocumentSealer(to: sealing.offer, info: DocumentEncryption.info(holderOIN: oin, challenge: sealing.challenge))
        if fault == .replayedEncapsulation, let previous = lastSealer { sealer = previous }
        var envelope = try sealer.seal(plaintext)
        if fault == .replayedEncapsulation { lastSealer = sealer }
        switch fault {
        case .otherKEM:
            envelope.kem = "DHKEM(X25519, HKDF-SHA256)"
        case .corruptedCiphertext:
            var bytes = Base64URL.decode(envelope.ct) ?? []
            if !bytes.isEmpty { bytes[bytes.count / 2] ^= 0x01 }
            envelope.ct = Base64URL.encode(bytes)
        default:
            break
        }
        return envelope
    }
}
