// The OpenSSL 3 headers pingshen uses, and C wrappers for the function-like
// macros Swift cannot call. Only the Seal target imports this module.
#ifndef PINGSHEN_COPENSSL_SHIM_H
#define PINGSHEN_COPENSSL_SHIM_H

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/params.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/x509_vfy.h>

static inline void pingshen_OPENSSL_free(void *p) { OPENSSL_free(p); }

static inline long pingshen_BIO_get_mem_data(BIO *bio, char **out) {
    return BIO_get_mem_data(bio, out);
}

static inline STACK_OF(X509) *pingshen_sk_X509_new_null(void) { return sk_X509_new_null(); }
static inline int pingshen_sk_X509_push(STACK_OF(X509) *sk, X509 *x) { return sk_X509_push(sk, x); }
static inline int pingshen_sk_X509_num(const STACK_OF(X509) *sk) { return sk_X509_num(sk); }
static inline X509 *pingshen_sk_X509_value(const STACK_OF(X509) *sk, int i) { return sk_X509_value(sk, i); }
static inline void pingshen_sk_X509_free(STACK_OF(X509) *sk) { sk_X509_free(sk); }
static inline void pingshen_sk_X509_pop_free(STACK_OF(X509) *sk) { sk_X509_pop_free(sk, X509_free); }

static inline int pingshen_sk_CMS_RecipientInfo_num(STACK_OF(CMS_RecipientInfo) *sk) { return sk_CMS_RecipientInfo_num(sk); }
static inline CMS_RecipientInfo *pingshen_sk_CMS_RecipientInfo_value(STACK_OF(CMS_RecipientInfo) *sk, int i) {
    return sk_CMS_RecipientInfo_value(sk, i);
}
static inline int pingshen_sk_CMS_RecipientEncryptedKey_num(STACK_OF(CMS_RecipientEncryptedKey) *sk) {
    return sk_CMS_RecipientEncryptedKey_num(sk);
}
static inline CMS_RecipientEncryptedKey *pingshen_sk_CMS_RecipientEncryptedKey_value(STACK_OF(CMS_RecipientEncryptedKey) *sk, int i) {
    return sk_CMS_RecipientEncryptedKey_value(sk, i);
}

static inline void pingshen_X509V3_set_ctx_nodb(X509V3_CTX *ctx) { X509V3_set_ctx_nodb(ctx); }

static inline int pingshen_BN_num_bytes(const BIGNUM *bn) { return BN_num_bytes(bn); }

/// The selection `EVP_PKEY_fromdata` needs for a whole key pair (an OR of macros).
static inline int pingshen_EVP_PKEY_KEYPAIR(void) { return EVP_PKEY_KEYPAIR; }

/// `MBSTRING_UTF8`, for `X509_NAME_add_entry_by_txt`.
static inline int pingshen_MBSTRING_UTF8(void) { return MBSTRING_UTF8; }

#endif
