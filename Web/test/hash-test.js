// SHA-256 and SHA-384 against the FIPS 180-4 examples (NIST CSRC "Examples with Intermediate
// Values"), base64/hex against RFC 4648 §10, and the BigInt helpers against hand-checked values.
(function (T, P) {
  'use strict';
  const abc448 = 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq';
  const abc896 = 'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu';
  const millionA = new Uint8Array(1000000).fill(0x61);

  const sha384 = [
    ['empty', P.utf8(''), '38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b'],
    ['abc', P.utf8('abc'), 'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7'],
    ['896-bit message', P.utf8(abc896), '09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039'],
    ['a million a', millionA, '9d0e1809716474cb086e834e310a4a1ced149e9c00f248527972cec5704c2a5b07b8b3dc38ecc4ebae97ddd87f3d8985'],
  ];
  const sha256 = [
    ['empty', P.utf8(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', P.utf8('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['448-bit message', P.utf8(abc448), '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    ['a million a', millionA, 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
  ];
  for (const [name, input, digest] of sha384) T.test('SHA-384 ' + name, () => T.equal(P.toHex(P.sha384(input)), digest));
  for (const [name, input, digest] of sha256) T.test('SHA-256 ' + name, () => T.equal(P.toHex(P.sha256(input)), digest));
  T.test('SHA-384 refuses a non-byte input', () => T.throwsCrypto(() => P.sha384('abc'), 'malformed'));

  T.test('base64 RFC 4648 §10 vectors', () => {
    const pairs = [['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy']];
    for (const [text, encoded] of pairs) {
      T.equal(P.toBase64(P.utf8(text)), encoded, 'base64 of ' + text);
      T.equal(new TextDecoder().decode(P.fromBase64(encoded)), text, 'decoding ' + encoded);
    }
  });
  T.test('base64 refuses non-canonical text', () => {
    for (const bad of ['Zg=', 'Zh==', 'Zm9=', 'Zg==\n', '====', 'Z===', 'Zm9v Yg==', 'Zm-v', null]) {
      T.throwsCrypto(() => P.fromBase64(bad), 'malformed');
    }
  });
  T.test('hex round trip and refusals', () => {
    T.equal(P.toHex(P.fromHex('00ff7FaB')), '00ff7fab');
    for (const bad of ['0', 'zz', '0x00', ' 00']) T.throwsCrypto(() => P.fromHex(bad), 'malformed');
  });
  T.test('I2OSP and OS2IP', () => {
    T.equal(P.toHex(P.bigIntToBytes(0x0102n, 4)), '00000102');
    T.equal(P.bytesToBigInt(P.fromHex('000102')), 258n);
    T.throwsCrypto(() => P.bigIntToBytes(0x10000n, 2));
    T.throwsCrypto(() => P.bigIntToBytes(-1n, 2));
  });
  T.test('UTF-8 refuses lone surrogates', () => {
    T.equal(P.toHex(P.utf8('评\u{1F600}')), 'e8af84f09f9880');
    T.throwsCrypto(() => P.utf8('a\uD800'));
    T.throwsCrypto(() => P.utf8('\uDC00b'));
  });

  T.test('modPow, gcd and modInverse on hand-checked values', () => {
    T.equal(P.modPow(4n, 13n, 497n), 445n);
    T.equal(P.modPow(7n, 0n, 13n), 1n);
    T.equal(P.modPow(-2n, 3n, 11n), 3n);
    T.equal(P.gcd(462n, 1071n), 21n);
    T.equal(P.modInverse(3n, 11n), 4n);
    T.equal(P.modInverse(17n, 3120n), 2753n);
    T.throwsCrypto(() => P.modInverse(6n, 9n), 'invalidSignature');
  });
  T.test('randomUnit: in [1, n), coprime to n, from the injected source', () => {
    const n = 3n * 5n * 7n * 11n * 13n * 251n;
    const random = T.seededRandom('units');
    for (let i = 0; i < 200; i++) {
      const r = P.randomUnit(n, random);
      if (r < 1n || r >= n || P.gcd(r, n) !== 1n) throw new Error('bad unit ' + r);
    }
  });
  T.test('randomUnit refuses a broken source', () => {
    T.throwsCrypto(() => P.randomUnit(1000003n * 1000033n, (count) => new Uint8Array(count)), 'random');
    T.throwsCrypto(() => P.randomUnit(1000003n * 1000033n, () => new Uint8Array(1)), 'random');
  });
  T.test('randomBytes draws from crypto.getRandomValues', () => {
    const a = P.randomBytes(70000), b = P.randomBytes(32);
    T.equal(a.length, 70000);
    T.equal(P.equalBytes(b, P.randomBytes(32)), false, 'two draws equal');
    T.equal(a.subarray(65536).every((x) => x === 0), false, 'the bytes after 65536 are zero');
  });
})(PingshenTest, PingshenCrypto);
