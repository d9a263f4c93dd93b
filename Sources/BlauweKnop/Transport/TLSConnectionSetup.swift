internal import CCurl

/// What every new TLS connection is given before its handshake, through libcurl's
/// `CURLOPT_SSL_CTX_FUNCTION`: the engine's one certificate store and, when sessions are kept
/// between runs, the hooks that offer a kept session and keep the ones servers issue.
///
/// libcurl 7.88 builds an `SSL_CTX` per connection, so the per-connection state (which
/// `host:port` the sessions belong to) hangs on that `SSL_CTX` as ex-data.
final class TLSConnectionSetup: Sendable {
    let trust: TrustStore
    let sessions: TLSSessionCache?

    init(trust: TrustStore, sessions: TLSSessionCache?) {
        self.trust = trust
        self.sessions = sessions
    }

    /// The value libcurl passes back to `TLSCallbacks.prepareContext`.
    var callbackData: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

/// One connection's share in session resumption, owned by its `SSL_CTX`.
private final class ConnectionSessions {
    let cache: TLSSessionCache
    let key: String
    /// libcurl's own new-session callback (its in-process cache), called after ours.
    let libcurlNewSession: (@convention(c) (OpaquePointer?, OpaquePointer?) -> Int32)?
    /// An info callback set before ours (libcurl 7.88 sets none), called after ours.
    let earlierInfo: (@convention(c) (OpaquePointer?, Int32, Int32) -> Void)?
    /// Whether the handshake has started (a session is offered once, at its start).
    var started = false
    /// Whether a kept session was offered.
    var offeredKept = false

    init(cache: TLSSessionCache, key: String, context: OpaquePointer) {
        self.cache = cache
        self.key = key
        self.libcurlNewSession = SSL_CTX_sess_get_new_cb(context)
        self.earlierInfo = SSL_CTX_get_info_callback(context)
    }

    static func of(_ ssl: OpaquePointer?) -> ConnectionSessions? {
        guard let ssl, let context = SSL_get_SSL_CTX(ssl), let data = SSL_CTX_get_ex_data(context, exDataIndex) else { return nil }
        return Unmanaged<ConnectionSessions>.fromOpaque(data).takeUnretainedValue()
    }

    /// The `SSL_CTX` ex-data slot, released with the `SSL_CTX`.
    static let exDataIndex: Int32 = CRYPTO_get_ex_new_index(CRYPTO_EX_INDEX_SSL_CTX, 0, nil, nil, nil) { _, pointer, _, _, _, _ in
        if let pointer { Unmanaged<ConnectionSessions>.fromOpaque(pointer).release() }
    }
}

/// C callbacks for libcurl and OpenSSL, as static members so that they are not actor-isolated.
enum TLSCallbacks {
    /// CURLOPT_SSL_CTX_FUNCTION: runs once per new connection, before its handshake.
    static let prepareContext: bk_curl_ssl_ctx_callback = { handle, sslContext, userdata in
        guard let handle, let sslContext, let userdata else { return CURLE_SSL_CERTPROBLEM }
        let setup = Unmanaged<TLSConnectionSetup>.fromOpaque(userdata).takeUnretainedValue()
        let context = OpaquePointer(sslContext)
        SSL_CTX_set1_cert_store(context, setup.trust.store)
        guard let cache = setup.sessions, let key = sessionKey(of: handle) else { return CURLE_OK }
        // libcurl 7.88 makes a new SSL_CTX for every connection; one that already carries a
        // connection's sessions is not a new one, and its hooks stay as they are.
        let index = ConnectionSessions.exDataIndex
        guard index >= 0, SSL_CTX_get_ex_data(context, index) == nil else { return CURLE_OK }
        let sessions = Unmanaged.passRetained(ConnectionSessions(cache: cache, key: key, context: context))
        guard SSL_CTX_set_ex_data(context, index, sessions.toOpaque()) == 1 else {
            sessions.release()
            return CURLE_OK  // resumption is an optimisation: without it the handshake is a full one
        }
        SSL_CTX_sess_set_new_cb(context, newSession)
        SSL_CTX_set_info_callback(context, handshakeEvent)
        return CURLE_OK
    }

    /// The kept-session key of the transfer behind an easy handle: `nil` for a request that
    /// must see a full handshake (one that reads the server's certificate).
    private static func sessionKey(of handle: UnsafeMutableRawPointer) -> String? {
        var pointer: UnsafeMutableRawPointer?
        guard bk_curl_easy_getinfo_pointer(handle, CURLINFO_PRIVATE, &pointer) == CURLE_OK, let pointer else { return nil }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(pointer).takeUnretainedValue()
        guard !transfer.request.captureCertificate else { return nil }
        return String(HostAssignments.authority(of: transfer.request.url))
    }

    /// OpenSSL's info callback: offers a kept session as the handshake starts, unless libcurl's
    /// own cache already gave one, and counts the handshakes that resumed a kept session.
    private static let handshakeEvent: @convention(c) (OpaquePointer?, Int32, Int32) -> Void = { ssl, event, value in
        guard let ssl, let sessions = ConnectionSessions.of(ssl) else { return }
        defer { sessions.earlierInfo?(ssl, event, value) }
        if event & SSL_CB_HANDSHAKE_START != 0, !sessions.started {
            sessions.started = true
            guard SSL_get_session(ssl) == nil, let session = sessions.cache.take(sessions.key) else { return }
            sessions.offeredKept = SSL_set_session(ssl, session) == 1
            SSL_SESSION_free(session)
        } else if event & SSL_CB_HANDSHAKE_DONE != 0, sessions.offeredKept, SSL_session_reused(ssl) == 1 {
            sessions.cache.noteResumed()
        }
    }

    /// OpenSSL's new-session callback: keeps the session for the next run and hands it on to
    /// libcurl's in-process cache.
    private static let newSession: @convention(c) (OpaquePointer?, OpaquePointer?) -> Int32 = { ssl, session in
        guard let session, let sessions = ConnectionSessions.of(ssl) else { return 0 }
        sessions.cache.keep(session, for: sessions.key)
        return sessions.libcurlNewSession?(ssl, session) ?? 0
    }
}
