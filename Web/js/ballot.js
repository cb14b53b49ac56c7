// The member's ballot: its message bytes (identical to Swift's BallotMessage.bytes in
// Sources/Records/Ballot.swift), its id, and the two steps that turn a choice into an anonymous
// ballot carrying an RFC 9474 credential (RSABSSA-SHA384-PSS-Randomized).
(function (P) {
  'use strict';

  const domain = 'pingshen-ballot-v1';
  const marks = Object.freeze(['同意', '不同意', '弃权']);
  const ballotVariant = 'RSABSSA-SHA384-PSS-Randomized';

  /** Swift's `String <` order: the Unicode scalars of the NFC forms compared lexicographically
   *  (the same as comparing their UTF-8 bytes; plain byte order for ASCII ids). Returns −1, 0 or 1. */
  function compareLikeSwift(a, b) {
    const x = P.utf8(a.normalize('NFC')), y = P.utf8(b.normalize('NFC'));
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
  }

  /** The candidate ids of `choices` in Swift's order, after checking every id and mark: ids
   *  non-empty, well-formed, without NUL, ';' or '=' (which would make the message ambiguous),
   *  no two canonically equivalent; marks '同意', '不同意' or '弃权'. */
  function sortedCandidates(choices) {
    P.check(choices !== null && typeof choices === 'object', '选票内容应为对象', 'choices must be an object');
    const ids = Object.keys(choices);
    for (const id of ids) {
      P.check(id.length > 0 && P.isWellFormed(id) && !/[\u0000;=]/.test(id),
        '候选人编号无效：' + id, 'invalid candidate id: ' + id);
      P.check(marks.includes(choices[id]), '无效的选项：' + id, 'invalid mark for ' + id);
    }
    ids.sort(compareLikeSwift);
    for (let i = 1; i < ids.length; i++) {
      P.check(compareLikeSwift(ids[i - 1], ids[i]) !== 0, '候选人编号重复：' + ids[i], 'duplicate candidate id: ' + ids[i]);
    }
    return ids;
  }

  /** The ballot message (Uint8Array): UTF-8 of `pingshen-ballot-v1` 0x00 session 0x00 round
   *  0x00 `C01=同意;C02=不同意` (sorted by id) 0x00 nonce. `round` is an integer; `nonce` is
   *  32 lowercase hex digits. */
  function ballotMessage(session, round, choices, nonce) {
    P.check(P.isWellFormed(session) && !session.includes('\u0000'), '会议标识无效', 'invalid session id');
    P.check(Number.isSafeInteger(round), '轮次应为整数', 'the round must be an integer');
    P.check(typeof nonce === 'string' && /^[0-9a-f]{32}$/.test(nonce), '随机数应为 32 位小写十六进制', 'the nonce must be 32 lowercase hex digits');
    const ids = sortedCandidates(choices);
    const text = ids.map((id) => id + '=' + choices[id]).join(';');
    return P.utf8([domain, session, String(round), text, nonce].join('\u0000'));
  }

  /** The ballot id: lowercase hex SHA-256 of the ballot message bytes (the member's receipt). */
  function ballotID(message) {
    return P.toHex(P.sha256(message));
  }

  /** Step 1 on the member's device: draws a nonce, builds the message, prepares and blinds it.
   *  `request` is `{publicKey, session, round, choices, random?}` where `publicKey` is the round's
   *  SPKI (base64) or a key from parsePublicKey, and `random(count)` optionally replaces
   *  crypto.getRandomValues (tests only). Returns `{blindedMessage (Uint8Array),
   *  blindedMessageBase64, pending}`: send the blinded message to the session, keep `pending`
   *  (it holds the secret inverse) for finishBallot. Draw order: nonce 16, prefix 32, salt 48, r. */
  function beginBallot(request) {
    const key = typeof request.publicKey === 'string' ? P.parsePublicKey(request.publicKey, ballotVariant) : request.publicKey;
    P.check(key && key.variant === ballotVariant, '选票凭证须用 ' + ballotVariant, 'ballot credentials use ' + ballotVariant, 'unsupported');
    const nonce = P.toHex(P.draw(request.random, 16));
    const message = ballotMessage(request.session, request.round, request.choices, nonce);
    const prepared = P.prepare(key, message, { random: request.random });
    const blinding = P.blind(key, prepared, { random: request.random });
    const choices = {};
    for (const id of sortedCandidates(request.choices)) choices[id] = request.choices[id];
    return {
      blindedMessage: blinding.blindedMessage,
      blindedMessageBase64: P.toBase64(blinding.blindedMessage),
      pending: { key, id: ballotID(message), choices, nonce, prepared, inverse: blinding.inverse },
    };
  }

  /** Step 2: unblinds the session's blind signature (Uint8Array or base64) and checks it;
   *  returns the ballot the session expects, `{id, choices, nonce, prefix, signature}` (prefix
   *  hex, signature base64), or throws a CryptoError ('invalidSignature') for a bad signature. */
  function finishBallot(pending, blindSignature) {
    const bytes = typeof blindSignature === 'string' ? P.fromBase64(blindSignature) : blindSignature;
    const signature = P.finalize(pending.key, pending.prepared, bytes, pending.inverse);
    return {
      id: pending.id,
      choices: Object.assign({}, pending.choices),
      nonce: pending.nonce,
      prefix: P.toHex(pending.prepared.subarray(0, 32)),
      signature: P.toBase64(signature),
    };
  }

  /** Whether `ballot` (as finishBallot returns it, or as published) carries a valid credential
   *  of `key` for its own content in `session` and `round`, and its id matches that content:
   *  what Swift's RoundCredentials.verify checks, plus the id. */
  function verifyBallot(key, ballot, session, round) {
    try {
      const prefix = P.fromHex(ballot.prefix), signature = P.fromBase64(ballot.signature);
      if (prefix.length !== 32) return false;
      const message = ballotMessage(session, round, ballot.choices, ballot.nonce);
      return ballotID(message) === ballot.id && P.verifyPSS(key, P.concat(prefix, message), signature);
    } catch (error) {
      if (error instanceof P.CryptoError) return false;
      throw error;
    }
  }

  Object.assign(P, { compareLikeSwift, ballotMessage, ballotID, beginBallot, finishBallot, verifyBallot });
})(globalThis.PingshenCrypto = globalThis.PingshenCrypto || {});
