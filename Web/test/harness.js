// A tiny test runner for pages loaded by headless Chromium (`--dump-dom`): each check becomes a
// line `PASS name` or `FAIL name: detail` in <pre id="results">, and <output id="summary">
// gets `data-passed`, `data-failed` and `data-done` once every check has run.
(function (T) {
  'use strict';
  const lines = [];
  let passed = 0, failed = 0;

  // An exception outside any check (a script that stops half-way) counts as a failure too.
  globalThis.addEventListener('error', (event) => {
    failed++;
    lines.push('FAIL script error: ' + event.message + ' (' + event.filename + ':' + event.lineno + ')');
  });

  /** Records one check: passes when `fn()` returns without throwing and does not return false. */
  function test(name, fn) {
    try {
      const result = fn();
      if (result === false) throw new Error('returned false');
      passed++;
      lines.push('PASS ' + name);
    } catch (error) {
      failed++;
      lines.push('FAIL ' + name + ': ' + (error && error.message ? error.message : String(error)));
    }
  }

  /** Throws unless `actual === expected`, naming both (long strings: where they first differ). */
  function equal(actual, expected, what) {
    if (actual === expected) return;
    let detail = actual + ', expected ' + expected;
    if (typeof actual === 'string' && typeof expected === 'string' && actual.length + expected.length > 160) {
      let i = 0;
      while (i < actual.length && actual[i] === expected[i]) i++;
      detail = '…' + actual.substr(i, 24) + '…, expected …' + expected.substr(i, 24) + '… (first difference at ' + i + ')';
    }
    throw new Error((what || 'value') + ' is ' + detail);
  }

  /** Throws unless `fn()` throws a PingshenCrypto.CryptoError whose code is `code` (if given). */
  function throwsCrypto(fn, code) {
    try { fn(); } catch (error) {
      if (!(error instanceof PingshenCrypto.CryptoError)) throw new Error('threw a non-CryptoError: ' + error);
      if (code !== undefined && error.code !== code) throw new Error('threw code ' + error.code + ', expected ' + code);
      return;
    }
    throw new Error('did not throw');
  }

  /** Writes the results into the page; call once at the end. */
  function finish() {
    document.getElementById('results').textContent = lines.join('\n');
    const summary = document.getElementById('summary');
    summary.dataset.passed = String(passed);
    summary.dataset.failed = String(failed);
    summary.dataset.done = 'true';
    summary.textContent = passed + ' passed, ' + failed + ' failed';
  }

  /** The bytes of a test-vector hex field, with or without `0x`, odd lengths zero-padded. */
  function vectorBytes(hex) {
    const digits = hex.replace(/^0x/, '');
    return PingshenCrypto.fromHex(digits.length % 2 ? '0' + digits : digits);
  }

  /** A deterministic stand-in for crypto.getRandomValues (tests only): the stream
   *  SHA-256(seed ‖ counter₃₂) ‖ SHA-256(seed ‖ counter+1) ‖ …, where seed is UTF-8 text. */
  function seededRandom(seedText) {
    const P = PingshenCrypto, seed = P.utf8(seedText);
    let counter = 0, pool = new Uint8Array(0);
    return function (count) {
      while (pool.length < count) {
        const block = P.concat(seed, new Uint8Array([counter >>> 24, counter >>> 16, counter >>> 8, counter]));
        pool = P.concat(pool, P.sha256(block));
        counter++;
      }
      const out = pool.slice(0, count);
      pool = pool.slice(count);
      return out;
    };
  }

  /** Reads a file next to the page (a path relative to it) by synchronous XHR; over file://
   *  Chromium needs --allow-file-access-from-files. Throws when it cannot. */
  function readText(path) {
    const request = new XMLHttpRequest();
    request.open('GET', path, false);
    request.send();
    if (request.status !== 200 && !(request.status === 0 && request.responseText)) {
      throw new Error('cannot read ' + path + ' (status ' + request.status + ')');
    }
    return request.responseText;
  }

  Object.assign(T, { test, equal, throwsCrypto, finish, vectorBytes, seededRandom, readText });
})(globalThis.PingshenTest = globalThis.PingshenTest || {});
