// Typed wrappers around libcurl's variadic entry points, which Swift cannot call directly.
#ifndef BK_CCURL_SHIM_H
#define BK_CCURL_SHIM_H

#include <curl/curl.h>
#include <openssl/ssl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/prctl.h>

typedef size_t (*bk_curl_data_callback)(char *buffer, size_t size, size_t count, void *userdata);

static inline CURLcode bk_curl_easy_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode bk_curl_easy_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode bk_curl_easy_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode bk_curl_easy_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode bk_curl_easy_setopt_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode bk_curl_easy_setopt_data_callback(CURL *handle, CURLoption option, bk_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode bk_curl_easy_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode bk_curl_easy_getinfo_pointer(CURL *handle, CURLINFO info, void **value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode bk_curl_easy_getinfo_offset(CURL *handle, CURLINFO info, curl_off_t *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLMcode bk_curl_multi_setopt_long(CURLM *handle, CURLMoption option, long value) {
    return curl_multi_setopt(handle, option, value);
}

static inline CURLMcode bk_curl_multi_setopt_pointer(CURLM *handle, CURLMoption option, void *value) {
    return curl_multi_setopt(handle, option, value);
}

static inline CURLMcode bk_curl_multi_setopt_socket_callback(CURLM *handle, curl_socket_callback value) {
    return curl_multi_setopt(handle, CURLMOPT_SOCKETFUNCTION, value);
}

static inline CURLMcode bk_curl_multi_setopt_timer_callback(CURLM *handle, curl_multi_timer_callback value) {
    return curl_multi_setopt(handle, CURLMOPT_TIMERFUNCTION, value);
}

static inline CURLSHcode bk_curl_share_setopt_long(CURLSH *handle, CURLSHoption option, long value) {
    return curl_share_setopt(handle, option, value);
}

typedef CURLcode (*bk_curl_ssl_ctx_callback)(CURL *handle, void *ssl_ctx, void *userdata);

/// Sets libcurl's CURLOPT_SSL_CTX_FUNCTION and its CURLOPT_SSL_CTX_DATA: the function that
/// prepares each new connection's SSL_CTX before the handshake.
static inline CURLcode bk_curl_easy_setopt_ssl_ctx_function(CURL *handle, bk_curl_ssl_ctx_callback function, void *userdata) {
    CURLcode code = curl_easy_setopt(handle, CURLOPT_SSL_CTX_FUNCTION, function);
    if (code != CURLE_OK) return code;
    return curl_easy_setopt(handle, CURLOPT_SSL_CTX_DATA, userdata);
}

/// `CURLVERSION_NOW` is a macro alias that Swift does not import.
static inline curl_version_info_data *bk_curl_version_info(void) {
    return curl_version_info(CURLVERSION_NOW);
}

// Names the calling thread (Linux keeps the first 15 bytes), as `top -H` and /proc show it.
static inline int bk_name_current_thread(const char *name) {
    return prctl(PR_SET_NAME, (unsigned long)name, 0, 0, 0);
}

#endif
