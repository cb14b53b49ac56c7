// RFC 9474 RSA blind signatures, the client's half: Prepare, Blind, Finalize (and Verify, in
// pss.js). Every random value can be injected, so that tests reproduce the RFC's vectors.
(function (P) {
  'use strict';

  const prefixLength = 32;

  /** Prepare (RFC 9474 §4.1): `prefix ‖ message` for randomized variants (32 bytes from
   *  `options.prefix`, else drawn from `options.random` or crypto.getRandomValues), the message
   *  itself otherwise. Sign, finalize and verify the result; its first 32 bytes are the ballot's prefix. */
  function prepare(key, message, options) {
    const o = options || {};
    P.check(P.isBytes(message), '消息应为字节数组', 'the message must be a Uint8Array');
    if (!key.randomized) return message.slice();
    const prefix = o.prefix !== undefined ? o.prefix : P.draw(o.random, prefixLength);
    P.check(P.isBytes(prefix) && prefix.length === prefixLength, '前缀应为 32 字节', 'the prefix must be 32 bytes');
    return P.concat(prefix, message);
  }

  /** Blind (RFC 9474 §4.2): EMSA-PSS-encodes `prepared` into m and returns
   *  `{blindedMessage: m·r^e mod n, inverse: r⁻¹ mod n}`, both modulus-length bytes. The salt
   *  (`options.salt`) and r (given by its inverse, `options.inverse`, as the RFC's vectors do)
   *  default to draws from `options.random` or crypto.getRandomValues. Keep `inverse` secret:
   *  it links the blinded message to the final signature. */
  function blind(key, prepared, options) {
    const o = options || {};
    P.check(P.isBytes(prepared), '消息应为字节数组', 'the message must be a Uint8Array');
    const salt = o.salt !== undefined ? o.salt : P.draw(o.random, key.saltLength);
    P.check(P.isBytes(salt) && salt.length === key.saltLength, '盐的长度不对', 'salt of the wrong length');
    const m = P.bytesToBigInt(P.emsaPSSEncode(prepared, key.modulusBits - 1, salt));
    P.check(P.gcd(m, key.n) === 1n, '盲化：消息与模数不互素', 'blinding: message not coprime to the modulus', 'invalidSignature');
    let r, inverse;
    if (o.inverse !== undefined) {
      P.check(P.isBytes(o.inverse) && o.inverse.length === key.modulusLength, '逆元长度不对', 'inverse of the wrong length');
      inverse = P.bytesToBigInt(o.inverse);
      P.check(inverse >= 1n && inverse < key.n, '逆元超出范围', 'inverse out of range');
      r = P.modInverse(inverse, key.n);
    } else {
      r = P.randomUnit(key.n, o.random);
      inverse = P.modInverse(r, key.n);
    }
    const blinded = m * P.modPow(r, key.e, key.n) % key.n;
    return {
      blindedMessage: P.bigIntToBytes(blinded, key.modulusLength),
      inverse: P.bigIntToBytes(inverse, key.modulusLength),
    };
  }

  /** Finalize (RFC 9474 §4.4): unblinds the signer's `blindSignature` (modulus-length bytes,
   *  below n) with the `inverse` from Blind and returns the signature, after checking it with
   *  RSASSA-PSS-VERIFY over `prepared`; throws a CryptoError ('invalidSignature') if it does not verify. */
  function finalize(key, prepared, blindSignature, inverse) {
    P.check(P.isBytes(blindSignature) && blindSignature.length === key.modulusLength,
      '盲签名长度不符', 'blind signature of the wrong length');
    P.check(P.isBytes(inverse) && inverse.length === key.modulusLength, '逆元长度不对', 'inverse of the wrong length');
    const z = P.bytesToBigInt(blindSignature);
    P.check(z < key.n, '盲签名不小于模数', 'blind signature not below the modulus');
    const signature = P.bigIntToBytes(z * P.bytesToBigInt(inverse) % key.n, key.modulusLength);
    P.check(P.verifyPSS(key, prepared, signature), '去盲后的签名无效', 'the unblinded signature does not verify', 'invalidSignature');
    return signature;
  }

  Object.assign(P, { prepare, blind, finalize });
})(globalThis.PingshenCrypto = globalThis.PingshenCrypto || {});
