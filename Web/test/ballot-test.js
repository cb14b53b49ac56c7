// The ballot message against hand-checked bytes, the Swift sort order, refusals of malformed
// choices, and a whole ballot (begin, blind-sign with the RFC 9474 vector's private key, finish,
// verify) with an injected random source.
(function (T, P) {
  'use strict';
  const nonce = '0f'.repeat(16);

  T.test('ballot message: hand-checked bytes and id', () => {
    // UTF-8 of "pingshen-ballot-v1\0" "2026-评审-01\0" "3\0" "C01=同意;C02=不同意;C10=弃权\0" nonce.
    const message = P.ballotMessage('2026-评审-01', 3, { C10: '弃权', C02: '不同意', C01: '同意' }, nonce);
    T.equal(P.toHex(message),
      '70696e677368656e2d62616c6c6f742d763100323032362de8af84e5aea12d30310033004330313de5908ce6848f3b' +
      '4330323de4b88de5908ce6848f3b4331303de5bc83e69d83003066306630663066306630663066306630663066306630' +
      '663066306630663066');
    T.equal(P.ballotID(message), '1b64db355ff759c3948d6170f9209baed1ec86bf59ac3eb69b1bf9195afad8a4');
  });
  T.test('ballot message: no choices, and a negative round as Swift prints it', () => {
    T.equal(new TextDecoder().decode(P.ballotMessage('S', -1, {}, nonce)), 'pingshen-ballot-v1\0S\0-1\0\0' + nonce);
  });
  T.test('candidate ids sort as Swift Strings: by Unicode scalar, not UTF-16 unit', () => {
    const ids = ['C9', 'c1', 'C10', 'C1', '\u{1F600}', '\uFF5E', 'é'];
    T.equal(ids.slice().sort(P.compareLikeSwift).join(' '), 'C1 C10 C9 c1 é \uFF5E \u{1F600}');
    T.equal(P.compareLikeSwift('e\u0301', '\u00e9'), 0, 'canonically equivalent ids');
  });
  T.test('ballot message refuses malformed input', () => {
    const ok = { C01: '同意' };
    const bad = [
      ['S', 1, { C01: '赞成' }, nonce], ['S', 1, { 'C;1': '同意' }, nonce], ['S', 1, { 'C=1': '同意' }, nonce],
      ['S', 1, { '': '同意' }, nonce], ['S', 1, { 'e\u0301': '同意', '\u00e9': '不同意' }, nonce],
      ['S\0', 1, ok, nonce], ['S\uD800', 1, ok, nonce], ['S', 1.5, ok, nonce], ['S', '1', ok, nonce],
      ['S', 1, ok, nonce.toUpperCase()], ['S', 1, ok, nonce + '00'], ['S', 1, null, nonce], [42, 1, ok, nonce],
    ];
    for (const args of bad) T.throwsCrypto(() => P.ballotMessage(...args), 'malformed');
  });

  T.test('a whole ballot: begin, blind-sign (vector key), finish, verify', () => {
    const v = JSON.parse(T.readText('../../Tests/SealTests/Vectors/rfc9474/test_vectors.json'))[0];
    const key = P.publicKeyFromComponents(BigInt(v.n), BigInt(v.e), v.name);
    const choices = { C02: '不同意', C01: '同意' };
    const begun = P.beginBallot({ publicKey: key, session: 'S', round: 1, choices, random: T.seededRandom('ballot') });
    T.equal(P.toBase64(begun.blindedMessage), begun.blindedMessageBase64, 'base64 form');
    const blindSignature = P.bigIntToBytes(P.modPow(P.bytesToBigInt(begun.blindedMessage), BigInt(v.d), key.n), 512);
    const ballot = P.finishBallot(begun.pending, P.toBase64(blindSignature));
    T.equal(Object.keys(ballot).join(','), 'id,choices,nonce,prefix,signature', 'fields');
    T.equal(JSON.stringify(ballot.choices), '{"C01":"同意","C02":"不同意"}', 'choices');
    T.equal(ballot.id, P.ballotID(P.ballotMessage('S', 1, choices, ballot.nonce)), 'id');
    T.equal(P.verifyBallot(key, ballot, 'S', 1), true, 'valid');
    T.equal(P.verifyBallot(key, Object.assign({}, ballot, { choices: { C01: '同意', C02: '同意' } }), 'S', 1), false, 'changed mark');
    T.equal(P.verifyBallot(key, ballot, 'S', 2), false, 'other round');
    T.equal(P.verifyBallot(key, Object.assign({}, ballot, { prefix: '00' + ballot.prefix.slice(2) }), 'S', 1), false, 'changed prefix');
    T.equal(P.verifyBallot(key, Object.assign({}, ballot, { signature: undefined }), 'S', 1), false, 'no signature');
    const wrong = blindSignature.slice();
    wrong[7] ^= 1;
    T.throwsCrypto(() => P.finishBallot(begun.pending, wrong), 'invalidSignature');
    const again = P.beginBallot({ publicKey: key, session: 'S', round: 1, choices, random: T.seededRandom('ballot') });
    T.equal(again.blindedMessageBase64, begun.blindedMessageBase64, 'the same seed gives the same blinded message');
    const fresh = P.beginBallot({ publicKey: key, session: 'S', round: 1, choices });
    T.equal(fresh.pending.nonce === begun.pending.nonce, false, 'crypto.getRandomValues by default');
  });
  T.test('beginBallot refuses a deterministic-variant key', () => {
    const v = JSON.parse(T.readText('../../Tests/SealTests/Vectors/rfc9474/test_vectors.json'))[2];
    const key = P.publicKeyFromComponents(BigInt(v.n), BigInt(v.e), v.name);
    T.throwsCrypto(() => P.beginBallot({ publicKey: key, session: 'S', round: 1, choices: {} }), 'unsupported');
  });
})(PingshenTest, PingshenCrypto);
