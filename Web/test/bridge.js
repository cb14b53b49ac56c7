// The page Swift drives (Tests/BrowserCryptoTests): the request is JSON in the URL's fragment,
// `bridge.html#<encodeURIComponent(JSON)>`; the answer is JSON in <pre id="output"> (with <, >
// and & escaped as \u003c, \u003e, \u0026 so that --dump-dom leaves it intact), or
// `{"error": ..., "code": ...}`. Modes: blind, finish, parse, hash, sort, message.
(function (T, P) {
  'use strict';

  /** Median of numbers. */
  function median(values) {
    const sorted = values.slice().sort((a, b) => a - b), mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** Step 1 of a ballot with the request's seed: what the member's device sends. */
  function begin(request) {
    return P.beginBallot({
      publicKey: request.spki, session: request.session, round: request.round, choices: request.choices,
      random: T.seededRandom(request.seed),
    });
  }

  /** Times `runs` ballots (Blind, then Finalize with the session's blind signature), in ms. */
  function time(request, runs) {
    const key = P.parsePublicKey(request.spki);
    const blindTimes = [], finalizeTimes = [], totals = [];
    for (let i = 0; i < runs; i++) {
      const random = T.seededRandom(request.seed);
      const nonce = P.toHex(random(16));
      const message = P.ballotMessage(request.session, request.round, request.choices, nonce);
      const t0 = performance.now();
      const prepared = P.prepare(key, message, { random });
      const blinding = P.blind(key, prepared, { random });
      const t1 = performance.now();
      P.finalize(key, prepared, P.fromBase64(request.blindSignature), blinding.inverse);
      const t2 = performance.now();
      blindTimes.push(t1 - t0); finalizeTimes.push(t2 - t1); totals.push(t2 - t0);
    }
    return { runs, blindMedianMs: median(blindTimes), finalizeMedianMs: median(finalizeTimes),
      medianMs: median(totals), minMs: Math.min(...totals), maxMs: Math.max(...totals) };
  }

  const modes = {
    blind(request) {
      const begun = begin(request);
      return { blindedMessage: begun.blindedMessageBase64, id: begun.pending.id, nonce: begun.pending.nonce,
        prefix: P.toHex(begun.pending.prepared.subarray(0, 32)), modulusBits: begun.pending.key.modulusBits };
    },
    finish(request) {
      const begun = begin(request);
      const ballot = P.finishBallot(begun.pending, request.blindSignature);
      let wrong = null;
      try { P.finishBallot(begin(request).pending, request.wrongBlindSignature); wrong = 'accepted'; } catch (error) {
        wrong = error instanceof P.CryptoError ? error.code : 'exception: ' + error;
      }
      const verified = P.verifyBallot(begun.pending.key, ballot, request.session, request.round);
      return { ballot, wrongBlindSignature: wrong, verifiedInPage: verified,
        timing: request.timingRuns ? time(request, request.timingRuns) : null };
    },
    parse(request) {
      return request.keys.map((spki) => {
        try {
          const key = P.parsePublicKey(spki);
          return { n: key.n.toString(16), e: key.e.toString(16), bits: key.modulusBits };
        } catch (error) {
          if (!(error instanceof P.CryptoError)) throw error;
          return { error: error.message, code: error.code };
        }
      });
    },
    hash(request) {
      const out = { sha256: [], sha384: [] };
      for (let length = 0; length <= request.maxLength; length++) {
        const bytes = new Uint8Array(length).map((_, i) => (i * 7 + length) & 255);
        out.sha256.push(P.toHex(P.sha256(bytes)));
        out.sha384.push(P.toHex(P.sha384(bytes)));
      }
      return out;
    },
    sort(request) {
      return request.ids.slice().sort(P.compareLikeSwift);
    },
    message(request) {
      return P.toHex(P.ballotMessage(request.session, request.round, request.choices, request.nonce));
    },
  };

  let answer;
  try {
    const request = JSON.parse(decodeURIComponent(location.hash.slice(1)));
    if (!Object.prototype.hasOwnProperty.call(modes, request.mode)) throw new Error('unknown mode ' + request.mode);
    answer = modes[request.mode](request);
  } catch (error) {
    answer = { error: String(error && error.message ? error.message : error), code: error && error.code };
  }
  document.getElementById('output').textContent =
    JSON.stringify(answer).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
})(PingshenTest, PingshenCrypto);
