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

/// Builds a P-256 key pair from its private scalar (big-endian) and public point (04‖X‖Y), and
/// checks that they belong together; NULL when they do not.
static inline EVP_PKEY *bk_p256_private_key(const unsigned char *scalar, size_t scalar_length, const unsigned char *point, size_t point_length) {
    EVP_PKEY *key = NULL;
    BIGNUM *priv = BN_bin2bn(scalar, (int)scalar_length, NULL);
    OSSL_PARAM_BLD *builder = OSSL_PARAM_BLD_new();
    OSSL_PARAM *params = NULL;
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
    if (priv != NULL && builder != NULL && ctx != NULL &&
        OSSL_PARAM_BLD_push_utf8_string(builder, OSSL_PKEY_PARAM_GROUP_NAME, "prime256v1", 0) == 1 &&
        OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_PRIV_KEY, priv) == 1 &&
        OSSL_PARAM_BLD_push_octet_string(builder, OSSL_PKEY_PARAM_PUB_KEY, point, point_length) == 1 &&
        (params = OSSL_PARAM_BLD_to_param(builder)) != NULL &&
        EVP_PKEY_fromdata_init(ctx) == 1 && EVP_PKEY_fromdata(ctx, &key, EVP_PKEY_KEYPAIR, params) == 1) {
        EVP_PKEY_CTX *check = EVP_PKEY_CTX_new_from_pkey(NULL, key, NULL);
        if (check == NULL || EVP_PKEY_pairwise_check(check) != 1) {
            EVP_PKEY_free(key);
            key = NULL;
        }
        EVP_PKEY_CTX_free(check);
    } else {
        key = NULL;
    }
    EVP_PKEY_CTX_free(ctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(builder);
    BN_clear_free(priv);
    return key;
}

/// The private scalar of a P-256 key, big-endian in 32 bytes; 0 when it cannot be read.
static inline int bk_p256_private_scalar(const EVP_PKEY *key, unsigned char *out) {
    BIGNUM *priv = NULL;
    if (EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_PRIV_KEY, &priv) != 1) return 0;
    int ok = BN_bn2binpad(priv, out, 32) == 32;
    BN_clear_free(priv);
    return ok;
}

/// Reads everything written to a memory BIO (BIO_get_mem_data is a macro).
static inline long bk_bio_mem_data(BIO *bio, char **data) {
    return BIO_get_mem_data(bio, data);
}

#endif
