// libcrypto (OpenSSL 3) for bk: the headers Swift needs, plus wrappers for the macros and
// variadic helpers that Swift cannot import.
#ifndef BK_CCRYPTO_SHIM_H
#define BK_CCRYPTO_SHIM_H

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/ecdsa.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/obj_mac.h>
#include <openssl/core_names.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

/// Lets a certificate store look roots up, when a chain needs them, in OpenSSL's hashed
/// certificate folder (SSL_CERT_DIR, else the built-in default: /usr/lib/ssl/certs on Debian).
static inline int bk_x509_store_add_default_dir(X509_STORE *store) {
    X509_LOOKUP *lookup = X509_STORE_add_lookup(store, X509_LOOKUP_hash_dir());
    if (lookup == NULL) return 0;
    return X509_LOOKUP_add_dir(lookup, NULL, X509_FILETYPE_DEFAULT);
}

/// Initialises libcrypto without its atexit handler, which would race libcurl's cleanup.
static inline int bk_openssl_init(void) {
    return OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, NULL);
}

/// Generates a fresh P-256 key pair (EVP_EC_gen is a variadic macro).
static inline EVP_PKEY *bk_generate_p256(void) {
    EVP_PKEY *key = NULL;
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_EC, NULL);
    if (ctx == NULL) return NULL;
    if (EVP_PKEY_keygen_init(ctx) == 1 &&
        EVP_PKEY_CTX_set_ec_paramgen_curve_nid(ctx, NID_X9_62_prime256v1) == 1) {
        if (EVP_PKEY_keygen(ctx, &key) != 1) key = NULL;
    }
    EVP_PKEY_CTX_free(ctx);
    return key;
}

/// Generates a fresh Ed25519 key pair.
static inline EVP_PKEY *bk_generate_ed25519(void) {
    EVP_PKEY *key = NULL;
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, NULL);
    if (ctx == NULL) return NULL;
    if (EVP_PKEY_keygen_init(ctx) == 1) {
        if (EVP_PKEY_keygen(ctx, &key) != 1) key = NULL;
    }
    EVP_PKEY_CTX_free(ctx);
    return key;
}

/// Makes a P-256 public key from an uncompressed point (04 || X || Y) through the key
/// management import, which checks that the point is on the curve. Much cheaper than decoding
/// a SubjectPublicKeyInfo with d2i_PUBKEY, which runs OpenSSL 3's generic decoder chain.
static inline EVP_PKEY *bk_p256_public_key(const unsigned char *point, size_t length) {
    EVP_PKEY *key = NULL;
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
    if (ctx == NULL) return NULL;
    OSSL_PARAM params[3];
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, (char *)"prime256v1", 0);
    params[1] = OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, (void *)point, length);
    params[2] = OSSL_PARAM_construct_end();
    if (EVP_PKEY_fromdata_init(ctx) != 1 || EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_PUBLIC_KEY, params) != 1) key = NULL;
    EVP_PKEY_CTX_free(ctx);
    return key;
}

/// Reads everything written to a memory BIO (BIO_get_mem_data is a macro).
static inline long bk_bio_mem_data(BIO *bio, char **data) {
    return BIO_get_mem_data(bio, data);
}

#endif
