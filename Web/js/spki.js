// The round's RSA public key, read from the SubjectPublicKeyInfo the session publishes (base64
// DER, as Seal's BlindSigningKey exports it), and the four RFC 9474 variants.
(function (P) {
  'use strict';

  /** The RFC 9474 variants (all SHA-384): PSS salt length and whether Prepare adds a prefix.
   *  pingshen's ballots use 'RSABSSA-SHA384-PSS-Randomized'. */
  const variants = Object.freeze({
    'RSABSSA-SHA384-PSS-Randomized': Object.freeze({ saltLength: 48, randomized: true }),
    'RSABSSA-SHA384-PSSZERO-Randomized': Object.freeze({ saltLength: 0, randomized: true }),
    'RSABSSA-SHA384-PSS-Deterministic': Object.freeze({ saltLength: 48, randomized: false }),
    'RSABSSA-SHA384-PSSZERO-Deterministic': Object.freeze({ saltLength: 0, randomized: false }),
  });
  const defaultVariant = 'RSABSSA-SHA384-PSS-Randomized';

  const OID = {
    rsaEncryption: '2a864886f70d010101',   // 1.2.840.113549.1.1.1
    rsassaPSS: '2a864886f70d01010a',       // 1.2.840.113549.1.1.10 (RFC 4055)
    mgf1: '2a864886f70d010108',            // 1.2.840.113549.1.1.8
    sha384: '608648016503040202',          // 2.16.840.1.101.3.4.2.2
  };

  /** A public key object `{n, e, modulusBits, modulusLength, variant, saltLength, randomized}`
   *  from BigInt components, after the checks Seal makes: 2048 ≤ bits ≤ 16384, n odd, e odd, 3 ≤ e < n. */
  function publicKeyFromComponents(n, e, variant) {
    const name = variant === undefined ? defaultVariant : variant;
    const params = variants[name];
    P.check(params !== undefined, '未知的盲签名方案 ' + name, 'unknown blind signature variant ' + name, 'unsupported');
    P.check(typeof n === 'bigint' && typeof e === 'bigint', 'RSA 参数应为 BigInt', 'RSA components must be BigInts');
    const bits = P.bitLength(n);
    P.check(bits >= 2048, 'RSA 模数少于 2048 位', 'RSA modulus below 2048 bits', 'unsupported');
    P.check(bits <= 16384, 'RSA 模数超过 16384 位', 'RSA modulus above 16384 bits', 'unsupported');
    P.check(n % 2n === 1n && e % 2n === 1n && e >= 3n && e < n, 'RSA 公钥参数无效', 'invalid RSA public key components');
    return Object.freeze({
      n, e, modulusBits: bits, modulusLength: Math.ceil(bits / 8),
      variant: name, saltLength: params.saltLength, randomized: params.randomized,
    });
  }

  /** Checks that a hash AlgorithmIdentifier names SHA-384 (parameters absent or NULL). */
  function checkSHA384(element) {
    const parts = P.derChildren(element, P.DER_TAG.sequence);
    P.check(parts.length >= 1 && parts.length <= 2 && P.derIsObject(parts[0], OID.sha384) &&
      (parts.length === 1 || (parts[1].tag === P.DER_TAG.null && parts[1].content.length === 0)),
      'RSASSA-PSS 公钥的散列算法不是 SHA-384', 'the RSASSA-PSS key does not use SHA-384', 'unsupported');
  }

  /** Checks RSASSA-PSS-params (RFC 4055 §3.1) against the variant: SHA-384 and MGF1-SHA-384
   *  present (their defaults are SHA-1), a minimum salt length (default 20) at most the
   *  variant's, and the default trailer (which DER leaves out). */
  function checkPSSParameters(element, saltLength) {
    const fields = P.derChildren(element, P.DER_TAG.sequence);
    const problem = ['RSASSA-PSS 公钥参数与 SHA-384/MGF1-SHA-384 不符', 'RSASSA-PSS key parameters other than SHA-384/MGF1-SHA-384'];
    const field = (index, tag) => {
      P.check(index < fields.length && fields[index].tag === tag, problem[0], problem[1], 'unsupported');
      const inside = P.derChildren(fields[index], tag);
      P.check(inside.length === 1, problem[0], problem[1], 'unsupported');
      return inside[0];
    };
    P.check(fields.length === 2 || fields.length === 3, problem[0], problem[1], 'unsupported');
    checkSHA384(field(0, 0xa0));
    const mask = P.derChildren(field(1, 0xa1), P.DER_TAG.sequence);
    P.check(mask.length === 2 && P.derIsObject(mask[0], OID.mgf1), problem[0], problem[1], 'unsupported');
    checkSHA384(mask[1]);
    const minimumSalt = fields.length === 3 ? P.derUnsignedInteger(field(2, 0xa2)) : 20n;
    P.check(minimumSalt <= BigInt(saltLength),
      'RSASSA-PSS 公钥要求的盐长度超过所用方案', 'the RSASSA-PSS key requires a longer salt than the variant', 'unsupported');
  }

  /** Parses a DER SubjectPublicKeyInfo (Uint8Array, or base64 text) holding an RSA key:
   *  rsaEncryption with NULL parameters (what Seal exports), or id-RSASSA-PSS with parameters
   *  absent or naming SHA-384/MGF1-SHA-384. Returns the key object of publicKeyFromComponents
   *  plus `spki` (the DER bytes); throws a CryptoError on anything else. */
  function parsePublicKey(spki, variant) {
    const der = typeof spki === 'string' ? P.fromBase64(spki) : spki;
    P.check(P.isBytes(der), '公钥应为 base64 文本或字节数组', 'the public key must be base64 text or a Uint8Array');
    const outer = P.derElements(der);
    P.check(outer.length === 1, '公钥后有多余字节', 'trailing bytes after the public key');
    const parts = P.derChildren(outer[0], P.DER_TAG.sequence);
    P.check(parts.length === 2, '不是 SubjectPublicKeyInfo', 'not a SubjectPublicKeyInfo');
    const algorithm = P.derChildren(parts[0], P.DER_TAG.sequence);
    const name = variant === undefined ? defaultVariant : variant;
    P.check(variants[name] !== undefined, '未知的盲签名方案 ' + name, 'unknown blind signature variant ' + name, 'unsupported');
    if (algorithm.length >= 1 && P.derIsObject(algorithm[0], OID.rsaEncryption)) {
      P.check(algorithm.length === 2 && algorithm[1].tag === P.DER_TAG.null && algorithm[1].content.length === 0,
        'rsaEncryption 的参数应为 NULL', 'rsaEncryption parameters must be NULL');
    } else if (algorithm.length >= 1 && P.derIsObject(algorithm[0], OID.rsassaPSS)) {
      P.check(algorithm.length <= 2, '算法标识有多余字段', 'extra fields in the algorithm identifier');
      if (algorithm.length === 2) checkPSSParameters(algorithm[1], variants[name].saltLength);
    } else {
      throw new P.CryptoError('公钥不是 RSA 公钥', 'the public key is not an RSA key', 'unsupported');
    }
    const bits = parts[1];
    P.check(bits.tag === P.DER_TAG.bitString && bits.content.length >= 1 && bits.content[0] === 0,
      '公钥位串无效', 'invalid public key BIT STRING');
    const inner = P.derElements(bits.content.subarray(1));
    P.check(inner.length === 1, '公钥位串后有多余字节', 'trailing bytes in the public key BIT STRING');
    const numbers = P.derChildren(inner[0], P.DER_TAG.sequence);
    P.check(numbers.length === 2, '不是 RSAPublicKey', 'not an RSAPublicKey');
    const key = publicKeyFromComponents(P.derUnsignedInteger(numbers[0]), P.derUnsignedInteger(numbers[1]), name);
    return Object.freeze(Object.assign({}, key, { spki: der.slice() }));
  }

  Object.assign(P, { variants, publicKeyFromComponents, parsePublicKey });
})(globalThis.PingshenCrypto = globalThis.PingshenCrypto || {});
