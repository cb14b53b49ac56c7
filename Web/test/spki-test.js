// The SubjectPublicKeyInfo reader on keys built here from the RFC 9474 vector's modulus, and on
// malformed, truncated and hostile encodings: every one must be refused with a CryptoError.
(function (T, P) {
  'use strict';

  /** DER TLV of `tag` around the concatenated `parts` (test-only encoder). */
  function tlv(tag, ...parts) {
    const content = P.concat(...parts), n = content.length;
    const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 255];
    return P.concat(new Uint8Array([tag].concat(length)), content);
  }
  /** A DER INTEGER holding a non-negative BigInt. */
  function integer(value) {
    let hex = value.toString(16);
    if (hex.length % 2) hex = '0' + hex;
    if (parseInt(hex.slice(0, 2), 16) & 0x80) hex = '00' + hex;
    return tlv(0x02, P.fromHex(hex));
  }
  const oid = (hex) => tlv(0x06, P.fromHex(hex));
  const NULL = P.fromHex('0500');
  const rsaEncryption = '2a864886f70d010101', rsassaPSS = '2a864886f70d01010a';
  const sha384 = tlv(0x30, oid('608648016503040202'));
  const sha256 = tlv(0x30, oid('608648016503040201'));

  /** An SPKI for (n, e) under `algorithm` (an encoded AlgorithmIdentifier). */
  function spki(n, e, algorithm) {
    return tlv(0x30, algorithm, tlv(0x03, new Uint8Array([0]), tlv(0x30, integer(n), integer(e))));
  }
  /** RSASSA-PSS-params with the given hash, MGF1 hash and optional salt length / trailer fields. */
  function pssParams(hash, maskHash, extra) {
    return tlv(0x30, tlv(0xa0, hash), tlv(0xa1, tlv(0x30, oid('2a864886f70d010108'), maskHash)), ...(extra || []));
  }

  const n = BigInt(JSON.parse(T.readText('../../Tests/SealTests/Vectors/rfc9474/test_vectors.json'))[0].n);
  const e = 65537n;
  const plain = spki(n, e, tlv(0x30, oid(rsaEncryption), NULL));

  T.test('SPKI: rsaEncryption key (bytes and base64)', () => {
    for (const input of [plain, P.toBase64(plain)]) {
      const key = P.parsePublicKey(input);
      T.equal(key.n, n, 'n');
      T.equal(key.e, e, 'e');
      T.equal(key.modulusBits, 4096, 'bits');
      T.equal(key.variant, 'RSABSSA-SHA384-PSS-Randomized', 'variant');
      T.equal(P.toHex(key.spki), P.toHex(plain), 'spki');
    }
  });
  T.test('SPKI: id-RSASSA-PSS without parameters, and with SHA-384/MGF1-SHA-384 (NULL or absent hash parameters)', () => {
    const sha384Null = tlv(0x30, oid('608648016503040202'), NULL);
    const forms = [
      tlv(0x30, oid(rsassaPSS)),
      tlv(0x30, oid(rsassaPSS), pssParams(sha384, sha384, [tlv(0xa2, integer(48n))])),
      tlv(0x30, oid(rsassaPSS), pssParams(sha384Null, sha384Null, [tlv(0xa2, integer(32n))])),
      tlv(0x30, oid(rsassaPSS), pssParams(sha384, sha384)),
    ];
    for (const algorithm of forms) T.equal(P.parsePublicKey(spki(n, e, algorithm)).n, n, 'n');
  });
  T.test('SPKI: RSASSA-PSS parameters the variant cannot meet are refused', () => {
    const forms = [
      pssParams(sha256, sha384, [tlv(0xa2, integer(48n))]),
      pssParams(sha384, sha256, [tlv(0xa2, integer(48n))]),
      pssParams(sha384, sha384, [tlv(0xa2, integer(64n))]),
      tlv(0x30, tlv(0xa1, tlv(0x30, oid('2a864886f70d010108'), sha384))),
      tlv(0x30),
    ];
    for (const params of forms) T.throwsCrypto(() => P.parsePublicKey(spki(n, e, tlv(0x30, oid(rsassaPSS), params))), 'unsupported');
    const salt48 = pssParams(sha384, sha384, [tlv(0xa2, integer(48n))]);
    T.throwsCrypto(() => P.parsePublicKey(spki(n, e, tlv(0x30, oid(rsassaPSS), salt48)), 'RSABSSA-SHA384-PSSZERO-Randomized'), 'unsupported');
    const trailer = pssParams(sha384, sha384, [tlv(0xa2, integer(48n)), tlv(0xa3, integer(1n))]);
    T.throwsCrypto(() => P.parsePublicKey(spki(n, e, tlv(0x30, oid(rsassaPSS), trailer))));
  });
  T.test('SPKI: every truncation is refused', () => {
    for (let length = 0; length < plain.length; length++) T.throwsCrypto(() => P.parsePublicKey(plain.subarray(0, length)));
  });
  T.test('SPKI: trailing bytes, stray bits and foreign algorithms are refused', () => {
    T.throwsCrypto(() => P.parsePublicKey(P.concat(plain, new Uint8Array([0]))), 'malformed');
    const unusedBits = plain.slice();
    unusedBits[4 + 15 + 4] = 1;  // outer header, rsaEncryption AlgorithmIdentifier, BIT STRING header
    T.throwsCrypto(() => P.parsePublicKey(unusedBits), 'malformed');
    T.throwsCrypto(() => P.parsePublicKey(spki(n, e, tlv(0x30, oid(rsaEncryption)))), 'malformed');
    T.throwsCrypto(() => P.parsePublicKey(spki(n, e, tlv(0x30, oid('2a8648ce3d0201'), oid('2a8648ce3d030107')))), 'unsupported');
    T.throwsCrypto(() => P.parsePublicKey(tlv(0x30, tlv(0x30, oid(rsaEncryption), NULL),
      tlv(0x03, new Uint8Array([0]), tlv(0x30, integer(n), integer(e)), new Uint8Array([0])))), 'malformed');
  });
  T.test('SPKI: non-minimal and indefinite lengths, multi-byte tags are refused', () => {
    const hex = P.toHex(plain);
    T.throwsCrypto(() => P.parsePublicKey(P.fromHex('3083' + '00' + hex.slice(4))), 'malformed');
    T.throwsCrypto(() => P.parsePublicKey(P.fromHex('3080' + hex.slice(8) + '0000')), 'malformed');
    T.throwsCrypto(() => P.parsePublicKey(P.fromHex('3f01' + hex)), 'malformed');
    T.throwsCrypto(() => P.parsePublicKey(P.fromHex('3082000405000500')), 'malformed');
    T.throwsCrypto(() => P.parsePublicKey(P.fromHex('30810405000500')), 'malformed');
  });
  T.test('SPKI: negative, padded, even or tiny numbers are refused', () => {
    const numbers = (body) => tlv(0x30, tlv(0x30, oid(rsaEncryption), NULL), tlv(0x03, new Uint8Array([0]), tlv(0x30, body)));
    const negative = tlv(0x02, P.bigIntToBytes(n, 512));
    T.throwsCrypto(() => P.parsePublicKey(numbers(P.concat(negative, integer(e)))), 'malformed');
    const padded = tlv(0x02, P.concat(new Uint8Array([0, 0]), P.bigIntToBytes(n, 512)));
    T.throwsCrypto(() => P.parsePublicKey(numbers(P.concat(padded, integer(e)))), 'malformed');
    T.throwsCrypto(() => P.parsePublicKey(numbers(P.concat(integer(n), integer(e), integer(3n)))), 'malformed');
    T.throwsCrypto(() => P.parsePublicKey(spki(n + 1n, e, tlv(0x30, oid(rsaEncryption), NULL))), 'malformed');
    T.throwsCrypto(() => P.parsePublicKey(spki(n, 65536n, tlv(0x30, oid(rsaEncryption), NULL))), 'malformed');
    T.throwsCrypto(() => P.parsePublicKey(spki(n, 1n, tlv(0x30, oid(rsaEncryption), NULL))), 'malformed');
    T.throwsCrypto(() => P.parsePublicKey(spki(n >> 2049n | 1n, e, tlv(0x30, oid(rsaEncryption), NULL))), 'unsupported');
    T.throwsCrypto(() => P.parsePublicKey('not base64!'), 'malformed');
    T.throwsCrypto(() => P.parsePublicKey(plain, 'RSABSSA-SHA256-PSS'), 'unsupported');
  });
  T.test('SPKI: random byte flips never escape as anything but a CryptoError or a parsed key', () => {
    const random = T.seededRandom('flips');
    for (let i = 0; i < 300; i++) {
      const mutated = plain.slice(), where = random(2);
      mutated[(where[0] * 256 + where[1]) % mutated.length] ^= 1 << (i % 8);
      try { P.parsePublicKey(mutated); } catch (error) {
        if (!(error instanceof P.CryptoError)) throw error;
      }
    }
  });
})(PingshenTest, PingshenCrypto);
