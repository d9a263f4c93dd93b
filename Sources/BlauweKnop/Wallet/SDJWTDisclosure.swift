/// One disclosure of an SD-JWT (RFC 9901 §4.2): the base64url of a JSON array `[salt, name,
/// value]` for an object property, or `[salt, value]` for an array element. Its digest is the
/// base64url SHA-256 of the encoded text, exactly as it travels.
public struct SDJWTDisclosure: Sendable, Hashable {
    /// The disclosure as it travels (base64url).
    public let encoded: String
    public let salt: String
    /// The claim's name; nil for an array element.
    public let name: String?
    public let value: JSONValue

    /// Reads a disclosure strictly: canonical base64url, strict JSON (PROTOCOL §0), a string
    /// salt, and a name that is neither `_sd` nor `...` (RFC 9901 §7.1).
    public init(encoded: String) throws(SDJWTError) {
        guard let bytes = Base64URL.decode(encoded) else { throw SDJWTError(.malformed, "a disclosure is not base64url") }
        let array: [JSONValue]
        do {
            guard case .array(let items) = try JSONCoding.parse(bytes) else { throw SDJWTError(.malformed, "a disclosure is not a JSON array") }
            array = items
        } catch let error as SDJWTError {
            throw error
        } catch {
            throw SDJWTError(.malformed, "a disclosure is not strict JSON")
        }
        guard array.count == 2 || array.count == 3, case .string(let salt) = array[0] else {
            throw SDJWTError(.malformed, "a disclosure is not [salt, name, value] or [salt, value]")
        }
        if array.count == 3 {
            guard case .string(let name) = array[1] else { throw SDJWTError(.malformed, "a disclosure's name is not a string") }
            guard name != "_sd", name != "..." else { throw SDJWTError(.ambiguous, "a disclosure names '\(name)'") }
            self.name = name
        } else {
            self.name = nil
        }
        self.encoded = encoded
        self.salt = salt
        self.value = array[array.count - 1]
    }

    /// A new disclosure with a random 128-bit salt (the issuer's side).
    public init(name: String?, value: JSONValue) throws(SDJWTError) {
        let salt = Base64URL.encode(SecureRandom.bytes(16))
        let items: [JSONValue] = name.map { [.string(salt), .string($0), value] } ?? [.string(salt), value]
        let bytes: [UInt8]
        do {
            bytes = try JSONCoding.encode(JSONValue.array(items))
        } catch {
            throw SDJWTError(.malformed, "a disclosure cannot be written: \(error)")
        }
        try self.init(encoded: Base64URL.encode(bytes))
    }

    /// The digest that stands for this disclosure in the payload (`_sd_alg` `sha-256`).
    public var digest: String { Self.digest(of: encoded) }

    /// The base64url SHA-256 of an encoded text's ASCII bytes.
    static func digest(of text: String) -> String { Base64URL.encode(Digest.sha256(Array(text.utf8))) }
}
