// SHA-256 (FIPS 180-4 §6.2) in plain JavaScript: ballot ids are the SHA-256 of the ballot message.
// The page runs over plain HTTP on the meeting's LAN, where WebCrypto (crypto.subtle) is unavailable.
(function (P) {
  'use strict';

  // The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
  const K = new Uint32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
  ]);

  // The first 32 bits of the fractional parts of the square roots of the first 8 primes.
  const IV = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
  ];

  /** Processes the 64-byte blocks of `bytes` from `offset` to `end` into the state `H` (8 words). */
  function compress(H, W, bytes, offset, end) {
    for (; offset < end; offset += 64) {
      for (let t = 0; t < 16; t++) {
        const i = offset + 4 * t;
        W[t] = (bytes[i] << 24) | (bytes[i + 1] << 16) | (bytes[i + 2] << 8) | bytes[i + 3];
      }
      for (let t = 16; t < 64; t++) {
        const a = W[t - 15], b = W[t - 2];
        const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
        const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
        W[t] = (W[t - 16] + s0 + W[t - 7] + s1) | 0;
      }
      let a = H[0], b = H[1], c = H[2], d = H[3], e = H[4], f = H[5], g = H[6], h = H[7];
      for (let t = 0; t < 64; t++) {
        const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        const T1 = (h + S1 + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0;
        const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        const T2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g; g = f; f = e; e = (d + T1) | 0; d = c; c = b; b = a; a = (T1 + T2) | 0;
      }
      H[0] = (H[0] + a) | 0; H[1] = (H[1] + b) | 0; H[2] = (H[2] + c) | 0; H[3] = (H[3] + d) | 0;
      H[4] = (H[4] + e) | 0; H[5] = (H[5] + f) | 0; H[6] = (H[6] + g) | 0; H[7] = (H[7] + h) | 0;
    }
  }

  /** SHA-256 of `bytes` (a Uint8Array): 32 bytes. */
  function sha256(bytes) {
    P.check(P.isBytes(bytes), 'SHA-256 的输入不是字节数组', 'SHA-256 input is not a Uint8Array');
    const H = new Int32Array(IV), W = new Int32Array(64);
    const whole = bytes.length - (bytes.length % 64);
    compress(H, W, bytes, 0, whole);
    // Padding: 0x80, zeros, then the bit length as a 64-bit big-endian integer.
    const tail = new Uint8Array(bytes.length - whole < 56 ? 64 : 128);
    tail.set(bytes.subarray(whole));
    tail[bytes.length - whole] = 0x80;
    const bits = bytes.length * 8;
    for (let i = 0; i < 8; i++) tail[tail.length - 1 - i] = Math.floor(bits / 2 ** (8 * i)) & 255;
    compress(H, W, tail, 0, tail.length);
    const out = new Uint8Array(32);
    for (let i = 0; i < 32; i++) out[i] = H[i >> 2] >>> (24 - 8 * (i & 3));
    return out;
  }

  P.sha256 = sha256;
})(globalThis.PingshenCrypto = globalThis.PingshenCrypto || {});
