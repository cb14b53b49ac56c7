// The four RFC 9474 Appendix A vectors (Tests/SealTests/Vectors/rfc9474/test_vectors.json, the
// same file Seal's tests read), with the vector's prefix, salt and inverse injected: Prepare,
// EMSA-PSS-ENCODE, Blind and Finalize must reproduce the published bytes exactly.
(function (T, P) {
  'use strict';
  const path = '../../Tests/SealTests/Vectors/rfc9474/test_vectors.json';
  let vectors = [];
  T.test('the RFC 9474 vector file is readable', () => {
    vectors = JSON.parse(T.readText(path));
    T.equal(vectors.map((v) => v.name).sort().join(','), Object.keys(P.variants).sort().join(','), 'variants');
  });

  for (const v of vectors) {
    const b = T.vectorBytes;
    const key = P.publicKeyFromComponents(BigInt(v.n), BigInt(v.e), v.name);
    const prepared = () => P.prepare(key, b(v.msg), key.randomized ? { prefix: b(v.msg_prefix) } : {});
    const inverse = () => P.bigIntToBytes(BigInt(v.inv), key.modulusLength);
    const salt = () => (key.saltLength ? b(v.salt) : new Uint8Array(0));

    T.test(v.name + ': key parameters', () => {
      T.equal(key.modulusLength, 512, 'modulus length');
      T.equal(key.saltLength, Number(v.sLen), 'salt length');
      T.equal(key.randomized, v.is_randomized === '0x01', 'randomized');
    });
    T.test(v.name + ': Prepare', () => T.equal(P.toHex(prepared()), P.toHex(b(v.input_msg))));
    if (v.encoded_msg) {
      T.test(v.name + ': EMSA-PSS-ENCODE', () =>
        T.equal(P.toHex(P.emsaPSSEncode(prepared(), key.modulusBits - 1, salt())), P.toHex(b(v.encoded_msg))));
    }
    T.test(v.name + ': Blind', () => {
      const blinding = P.blind(key, prepared(), { salt: salt(), inverse: inverse() });
      T.equal(P.toHex(blinding.blindedMessage), P.toHex(b(v.blinded_msg)), 'blinded_msg');
      T.equal(P.toHex(blinding.inverse), P.toHex(inverse()), 'inverse');
    });
    T.test(v.name + ': Finalize', () =>
      T.equal(P.toHex(P.finalize(key, prepared(), b(v.blind_sig), inverse())), P.toHex(b(v.sig))));
    T.test(v.name + ': Verify accepts the signature, and only over the prepared message', () => {
      T.equal(P.verifyPSS(key, b(v.input_msg), b(v.sig)), true, 'valid signature');
      T.equal(P.verifyPSS(key, P.concat(b(v.input_msg), new Uint8Array([0])), b(v.sig)), false, 'longer message');
      const flipped = b(v.sig);
      flipped[100] ^= 1;
      T.equal(P.verifyPSS(key, b(v.input_msg), flipped), false, 'flipped bit');
      T.equal(P.verifyPSS(key, b(v.input_msg), b(v.sig).subarray(1)), false, 'short signature');
      T.equal(P.verifyPSS(key, b(v.input_msg), P.bigIntToBytes(key.n, 512)), false, 'signature = n');
    });
    T.test(v.name + ': Finalize rejects a wrong blind signature', () => {
      const wrong = b(v.blind_sig);
      wrong[511] ^= 0x40;
      T.throwsCrypto(() => P.finalize(key, prepared(), wrong, inverse()), 'invalidSignature');
      if (key.randomized) T.throwsCrypto(() => P.finalize(key, b(v.msg), b(v.blind_sig), inverse()), 'invalidSignature');
      T.throwsCrypto(() => P.finalize(key, prepared(), b(v.blind_sig).subarray(1), inverse()), 'malformed');
      T.throwsCrypto(() => P.finalize(key, prepared(), P.bigIntToBytes(key.n, 512), inverse()), 'malformed');
    });
  }
  T.test('Blind refuses a salt or prefix of the wrong length, and an inverse out of range', () => {
    const v = vectors[0], b = T.vectorBytes;
    const key = P.publicKeyFromComponents(BigInt(v.n), BigInt(v.e), v.name);
    T.throwsCrypto(() => P.prepare(key, b(v.msg), { prefix: new Uint8Array(31) }), 'malformed');
    T.throwsCrypto(() => P.blind(key, b(v.input_msg), { salt: new Uint8Array(47) }), 'malformed');
    T.throwsCrypto(() => P.blind(key, b(v.input_msg), { inverse: new Uint8Array(512) }), 'malformed');
    T.throwsCrypto(() => P.blind(key, b(v.input_msg), { inverse: P.bigIntToBytes(key.n, 512) }), 'malformed');
    T.throwsCrypto(() => P.publicKeyFromComponents(key.n, key.e, 'RSABSSA-SHA512-PSS'), 'unsupported');
  });
})(PingshenTest, PingshenCrypto);
