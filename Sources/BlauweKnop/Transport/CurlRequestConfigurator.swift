internal import CCurl

/// Applies bk's transport policy to one easy handle: https only, TLS 1.3, full verification,
/// no redirects, timeouts, limits and the shared caches.
struct CurlRequestConfigurator {
    let options: TransportOptions
    let share: UnsafeMutableRawPointer?
    let tls: TLSConnectionSetup

    func configure(_ handle: UnsafeMutableRawPointer, for transfer: CurlTransfer) -> Bool {
        let request = transfer.request
        let opaque = Unmanaged.passUnretained(transfer).toOpaque()
        var codes: [CURLcode] = [
            bk_curl_easy_setopt_string(handle, CURLOPT_URL, request.url),
            bk_curl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "https"),
            bk_curl_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0),
            bk_curl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            bk_curl_easy_setopt_long(handle, CURLOPT_SSLVERSION, Int(CURL_SSLVERSION_TLSv1_3)),
            bk_curl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1),
            bk_curl_easy_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2),
            bk_curl_easy_setopt_long(handle, CURLOPT_PIPEWAIT, 1),
            // libcurl 7.88 gives every POST a 64 KiB upload buffer and every transfer 16 KiB to
            // receive into; bk sends a few hundred bytes and reads small documents (massif, N = 400:
            // heap peak 47.7 → 31.1 MB).
            bk_curl_easy_setopt_long(handle, CURLOPT_UPLOAD_BUFFERSIZE, 16384),
            bk_curl_easy_setopt_long(handle, CURLOPT_BUFFERSIZE, 8192),
            bk_curl_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(options.connectTimeout)),
            bk_curl_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, milliseconds(transfer.deadlineSeconds)),
            bk_curl_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, options.lowSpeedBytesPerSecond),
            bk_curl_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, options.lowSpeedSeconds),
            bk_curl_easy_setopt_offset(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.maxResponseBytes)),
            bk_curl_easy_setopt_string(handle, CURLOPT_USERAGENT, options.userAgent),
            bk_curl_easy_setopt_pointer(handle, CURLOPT_PRIVATE, opaque),
            bk_curl_easy_setopt_data_callback(handle, CURLOPT_WRITEFUNCTION, CurlCallbacks.body),
            bk_curl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, opaque),
            bk_curl_easy_setopt_data_callback(handle, CURLOPT_HEADERFUNCTION, CurlCallbacks.header),
            bk_curl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, opaque),
            bk_curl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, transfer.errorBuffer),
        ]
        if request.captureCertificate {
            // A fresh connection, so that a handshake (and its certificate) is always seen.
            codes.append(bk_curl_easy_setopt_long(handle, CURLOPT_CERTINFO, 1))
            codes.append(bk_curl_easy_setopt_long(handle, CURLOPT_FRESH_CONNECT, 1))
        }
        if request.closesConnection { codes.append(bk_curl_easy_setopt_long(handle, CURLOPT_FORBID_REUSE, 1)) }
        if let share { codes.append(bk_curl_easy_setopt_pointer(handle, CURLOPT_SHARE, share)) }
        // libcurl loads no CA file or folder of its own (its defaults would parse the whole
        // system bundle); each connection's SSL_CTX gets the engine's one store instead, and
        // the hooks for sessions kept between runs.
        codes.append(bk_curl_easy_setopt_pointer(handle, CURLOPT_CAINFO, nil))
        codes.append(bk_curl_easy_setopt_pointer(handle, CURLOPT_CAPATH, nil))
        codes.append(bk_curl_easy_setopt_ssl_ctx_function(handle, TLSCallbacks.prepareContext, tls.callbackData))
        var list: UnsafeMutablePointer<curl_slist>? = nil
        for (name, value) in request.headers { list = curl_slist_append(list, "\(name): \(value)") }
        // libcurl adds "Expect: 100-continue" to larger POSTs; bk's bodies are small.
        list = curl_slist_append(list, "Expect:")
        transfer.headerList = list
        codes.append(bk_curl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, list))
        if request.method == .delete { codes.append(bk_curl_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, "DELETE")) }
        if request.method == .post {
            let body = request.body ?? []
            codes.append(bk_curl_easy_setopt_long(handle, CURLOPT_POST, 1))
            codes.append(bk_curl_easy_setopt_offset(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            codes.append(
                body.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress.map { address in
                        address.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                            bk_curl_easy_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0))
                        }
                    } ?? bk_curl_easy_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
                })
        }
        return codes.allSatisfy { $0 == CURLE_OK }
    }

    private func milliseconds(_ seconds: Double) -> Int { max(1, Int((seconds * 1000).rounded(.up))) }
}
