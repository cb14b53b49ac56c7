// EMSA-PSS (RFC 8017 §9.1) with SHA-384 and MGF1-SHA-384, and RSASSA-PSS-VERIFY (§8.1.2): the
// encoding RFC 9474 blinds, and the check that a finalized ballot credential is a signature.
(function (P) {
  'use strict';

  const hashLength = 48;

  /** MGF1 (RFC 8017 §B.2.1) with SHA-384: `length` bytes of SHA-384(seed ‖ counter) blocks. */
  function mgf1(seed, length) {
    const out = new Uint8Array(length);
    const input = new Uint8Array(seed.length + 4);
    input.set(seed);
    for (let counter = 0, offset = 0; offset < length; counter++, offset += hashLength) {
      input[seed.length] = counter >>> 24; input[seed.length + 1] = counter >>> 16;
      input[seed.length + 2] = counter >>> 8; input[seed.length + 3] = counter;
      out.set(P.sha384(input).subarray(0, Math.min(hashLength, length - offset)), offset);
    }
    return out;
  }

  /** EMSA-PSS-ENCODE (RFC 8017 §9.1.1) of `message` for `emBits` = modulus bits − 1, with the
   *  given `salt` (48 bytes, or empty for the PSSZERO variants): ⌈emBits/8⌉ bytes. */
  function emsaPSSEncode(message, emBits, salt) {
    const emLength = Math.ceil(emBits / 8);
    P.check(emLength >= hashLength + salt.length + 2, 'PSS 编码：模数太短', 'PSS encoding: modulus too short', 'unsupported');
    const messageHash = P.sha384(message);
    const h = P.sha384(P.concat(new Uint8Array(8), messageHash, salt));
    // DB = PS ‖ 0x01 ‖ salt, masked with MGF1(H); the top 8·emLen − emBits bits cleared.
    const db = new Uint8Array(emLength - hashLength - 1);
    db[db.length - salt.length - 1] = 0x01;
    db.set(salt, db.length - salt.length);
    const mask = mgf1(h, db.length);
    for (let i = 0; i < db.length; i++) db[i] ^= mask[i];
    db[0] &= 0xff >> (8 * emLength - emBits);
    return P.concat(db, h, new Uint8Array([0xbc]));
  }

  /** EMSA-PSS-VERIFY (RFC 8017 §9.1.2): whether `encoded` (⌈emBits/8⌉ bytes) is a PSS encoding
   *  of `message` with a salt of exactly `saltLength` bytes. */
  function emsaPSSVerify(message, encoded, emBits, saltLength) {
    const emLength = Math.ceil(emBits / 8);
    if (encoded.length !== emLength || emLength < hashLength + saltLength + 2) return false;
    if (encoded[emLength - 1] !== 0xbc) return false;
    const topBits = 8 * emLength - emBits;
    if ((encoded[0] & ~(0xff >> topBits) & 0xff) !== 0) return false;
    const dbLength = emLength - hashLength - 1;
    const h = encoded.subarray(dbLength, dbLength + hashLength);
    const db = mgf1(h, dbLength);
    for (let i = 0; i < dbLength; i++) db[i] ^= encoded[i];
    db[0] &= 0xff >> topBits;
    const padding = dbLength - saltLength - 1;
    for (let i = 0; i < padding; i++) if (db[i] !== 0) return false;
    if (db[padding] !== 0x01) return false;
    const salt = db.subarray(dbLength - saltLength);
    return P.equalBytes(P.sha384(P.concat(new Uint8Array(8), P.sha384(message), salt)), h);
  }

  /** RSASSA-PSS-VERIFY (RFC 8017 §8.1.2) under `key` (from parsePublicKey or
   *  publicKeyFromComponents): whether `signature` (modulus-length bytes) signs `message`
   *  with SHA-384, MGF1-SHA-384 and the key's variant's salt length. */
  function verifyPSS(key, message, signature) {
    if (!P.isBytes(signature) || !P.isBytes(message) || signature.length !== key.modulusLength) return false;
    const s = P.bytesToBigInt(signature);
    if (s >= key.n) return false;
    const m = P.modPow(s, key.e, key.n);
    const emBits = key.modulusBits - 1, emLength = Math.ceil(emBits / 8);
    if (P.bitLength(m) > 8 * emLength) return false;
    return emsaPSSVerify(message, P.bigIntToBytes(m, emLength), emBits, key.saltLength);
  }

  Object.assign(P, { mgf1, emsaPSSEncode, emsaPSSVerify, verifyPSS });
})(globalThis.PingshenCrypto = globalThis.PingshenCrypto || {});
