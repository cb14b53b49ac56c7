// Modular arithmetic on native BigInt, and randomness from crypto.getRandomValues (which, unlike
// crypto.subtle, works on plain-HTTP pages). Only public-key operations run here: e is small,
// so no constant-time exponentiation is needed; the secret blinding factor r only enters
// r^e mod n and its inverse.
(function (P) {
  'use strict';

  /** `base^exponent mod modulus` by left-to-right square-and-multiply (BigInt arguments,
   *  exponent ≥ 0, modulus ≥ 1). */
  function modPow(base, exponent, modulus) {
    P.check(modulus >= 1n && exponent >= 0n, '模幂参数无效', 'invalid modular exponentiation arguments');
    base %= modulus;
    if (base < 0n) base += modulus;
    let result = 1n % modulus;
    for (const bit of exponent.toString(2)) {
      result = result * result % modulus;
      if (bit === '1') result = result * base % modulus;
    }
    return result;
  }

  /** The greatest common divisor of two non-negative BigInts. */
  function gcd(a, b) {
    while (b !== 0n) [a, b] = [b, a % b];
    return a;
  }

  /** The inverse of `value` modulo `modulus` by the extended Euclidean algorithm, in [1, modulus);
   *  throws a CryptoError when gcd(value, modulus) ≠ 1. */
  function modInverse(value, modulus) {
    P.check(modulus > 1n, '模数无效', 'invalid modulus');
    let a = value % modulus;
    if (a < 0n) a += modulus;
    // Invariant: oldR ≡ oldS·value and r ≡ s·value (mod modulus).
    let [oldR, r] = [a, modulus];
    let [oldS, s] = [1n, 0n];
    while (r !== 0n) {
      const q = oldR / r;
      [oldR, r] = [r, oldR - q * r];
      [oldS, s] = [s, oldS - q * s];
    }
    P.check(oldR === 1n, '不可逆：与模数不互素', 'not invertible: shares a factor with the modulus', 'invalidSignature');
    return oldS < 0n ? oldS + modulus : oldS;
  }

  /** `count` random bytes from crypto.getRandomValues (the default source of every random value). */
  function randomBytes(count) {
    const source = globalThis.crypto;
    P.check(source && typeof source.getRandomValues === 'function',
      '浏览器没有 crypto.getRandomValues', 'the browser has no crypto.getRandomValues', 'random');
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i += 65536) source.getRandomValues(out.subarray(i, Math.min(count, i + 65536)));
    return out;
  }

  /** Calls `random(count)` (a function returning a Uint8Array) and checks what it returns. */
  function draw(random, count) {
    const bytes = (random || randomBytes)(count);
    P.check(P.isBytes(bytes) && bytes.length === count, '随机源返回的字节数不对', 'the random source returned the wrong number of bytes', 'random');
    return bytes;
  }

  /** A uniformly random r in [1, n) with gcd(r, n) = 1, by rejection sampling on
   *  bitLength(n)-bit candidates; `random(count)` supplies the bytes (default crypto.getRandomValues). */
  function randomUnit(n, random) {
    const bits = P.bitLength(n), length = Math.ceil(bits / 8);
    const topMask = 0xff >> (8 * length - bits);
    // Each try succeeds with probability above 1/2 for an RSA modulus: 128 failures mean a broken source.
    for (let attempt = 0; attempt < 128; attempt++) {
      const bytes = draw(random, length);
      bytes[0] &= topMask;
      const r = P.bytesToBigInt(bytes);
      if (r >= 1n && r < n && gcd(r, n) === 1n) return r;
    }
    throw new P.CryptoError('随机源无法给出盲化因子', 'the random source gives no usable blinding factor', 'random');
  }

  Object.assign(P, { modPow, gcd, modInverse, randomBytes, draw, randomUnit });
})(globalThis.PingshenCrypto = globalThis.PingshenCrypto || {});
