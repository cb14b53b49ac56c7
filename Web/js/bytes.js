// Bytes, text and big integers: the conversions every other file of PingshenCrypto uses.
// Plain ES2020 script (no modules): it adds to the global namespace object `PingshenCrypto`.
(function (P) {
  'use strict';

  /** An error that says what failed, in Chinese and English; `code` is 'malformed',
   *  'invalidSignature', 'unsupported' or 'random' (mirroring Seal's SealError codes). */
  class CryptoError extends Error {
    constructor(chinese, english, code) {
      super(chinese + ' (' + english + ')');
      this.name = 'CryptoError';
      this.code = code || 'malformed';
    }
  }

  /** Throws a CryptoError of `code` unless `condition` holds. */
  function check(condition, chinese, english, code) {
    if (!condition) throw new CryptoError(chinese, english, code);
  }

  /** Whether `value` is a Uint8Array (the only byte type the API takes). */
  function isBytes(value) {
    return value instanceof Uint8Array;
  }

  /** Lowercase hex of `bytes`. */
  function toHex(bytes) {
    let out = '';
    for (let i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return out;
  }

  /** The bytes of a hex string (either case, even length, no prefix); throws on anything else. */
  function fromHex(text) {
    check(typeof text === 'string' && text.length % 2 === 0 && /^[0-9a-fA-F]*$/.test(text),
      '不是十六进制字符串', 'not a hex string');
    const out = new Uint8Array(text.length / 2);
    for (let i = 0; i < out.length; i++) out[i] = parseInt(text.substr(2 * i, 2), 16);
    return out;
  }

  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

  /** Standard base64 (RFC 4648 §4, with `=` padding) of `bytes`, as Swift's Base64Text writes it. */
  function toBase64(bytes) {
    let out = '';
    for (let i = 0; i < bytes.length; i += 3) {
      const n = bytes.length - i;
      const v = (bytes[i] << 16) | ((n > 1 ? bytes[i + 1] : 0) << 8) | (n > 2 ? bytes[i + 2] : 0);
      out += alphabet[v >>> 18] + alphabet[(v >>> 12) & 63] +
        (n > 1 ? alphabet[(v >>> 6) & 63] : '=') + (n > 2 ? alphabet[v & 63] : '=');
    }
    return out;
  }

  /** The bytes of canonical padded base64 (no whitespace, zero unused bits); throws otherwise. */
  function fromBase64(text) {
    check(typeof text === 'string' && text.length % 4 === 0 &&
      /^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text),
      '不是 base64 字符串', 'not a base64 string');
    const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
    const out = new Uint8Array(text.length / 4 * 3 - padding);
    let o = 0;
    for (let i = 0; i < text.length; i += 4) {
      let v = 0;
      for (let j = 0; j < 4; j++) {
        const c = text[i + j];
        v = (v << 6) | (c === '=' ? 0 : alphabet.indexOf(c));
      }
      const bytes = [v >>> 16, (v >>> 8) & 255, v & 255];
      for (let j = 0; j < 3 && o < out.length; j++) out[o++] = bytes[j];
      // Canonical form: the bits a padded group leaves over must be zero.
      if (i + 4 === text.length) check((padding === 2 ? v & 0xffff : padding === 1 ? v & 0xff : 0) === 0,
        'base64 末尾有多余的位', 'base64 with stray trailing bits');
    }
    return out;
  }

  /** Whether `text` is a string without lone UTF-16 surrogates (so that it has a UTF-8 form). */
  function isWellFormed(text) {
    return typeof text === 'string' && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
  }

  /** The UTF-8 bytes of a well-formed string; throws on lone surrogates. */
  function utf8(text) {
    check(isWellFormed(text), '字符串含有孤立的代理项', 'string with a lone surrogate');
    return new TextEncoder().encode(text);
  }

  /** The concatenation of byte arrays. */
  function concat(...parts) {
    const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
    let offset = 0;
    for (const p of parts) { out.set(p, offset); offset += p.length; }
    return out;
  }

  /** Whether two byte arrays hold the same bytes (time independent of where they differ). */
  function equalBytes(a, b) {
    if (a.length !== b.length) return false;
    let difference = 0;
    for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
    return difference === 0;
  }

  /** OS2IP (RFC 8017 §4.2): the non-negative BigInt whose big-endian bytes are `bytes`. */
  function bytesToBigInt(bytes) {
    return bytes.length === 0 ? 0n : BigInt('0x' + toHex(bytes));
  }

  /** I2OSP (RFC 8017 §4.1): `value` as exactly `length` big-endian bytes; throws if it does not fit. */
  function bigIntToBytes(value, length) {
    check(typeof value === 'bigint' && value >= 0n, '整数为负', 'negative integer');
    const hex = value.toString(16);
    check(hex.length <= 2 * length || value === 0n, '整数超出长度', 'integer too large for its length');
    return fromHex(value === 0n ? '00'.repeat(length) : hex.padStart(2 * length, '0'));
  }

  /** The number of bits of a non-negative BigInt (0 for 0). */
  function bitLength(value) {
    return value === 0n ? 0 : value.toString(2).length;
  }

  Object.assign(P, {
    CryptoError, check, isBytes, toHex, fromHex, toBase64, fromBase64, isWellFormed, utf8, concat, equalBytes,
    bytesToBigInt, bigIntToBytes, bitLength,
  });
})(globalThis.PingshenCrypto = globalThis.PingshenCrypto || {});
