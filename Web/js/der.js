// A minimal, strict DER reader (X.690 §10): single-byte tags, definite minimal lengths, no
// trailing bytes. Enough to read an RSA SubjectPublicKeyInfo; anything else is refused.
(function (P) {
  'use strict';

  const TAG = { integer: 0x02, bitString: 0x03, null: 0x05, objectIdentifier: 0x06, sequence: 0x30 };

  function malformed(what) {
    return new P.CryptoError('DER 编码有误：' + what[0], 'malformed DER: ' + what[1], 'malformed');
  }

  /** The elements that exactly fill `bytes` (a Uint8Array), each `{tag, content}` with
   *  `content` a view into `bytes`; throws a CryptoError on any non-DER encoding. */
  function derElements(bytes) {
    const out = [];
    let i = 0;
    while (i < bytes.length) {
      const tag = bytes[i++];
      if ((tag & 0x1f) === 0x1f) throw malformed(['不支持多字节标签', 'multi-byte tags are not supported']);
      if (i >= bytes.length) throw malformed(['缺少长度', 'missing length']);
      let length = bytes[i++];
      if (length === 0x80) throw malformed(['不定长编码', 'indefinite length']);
      if (length > 0x80) {
        const count = length & 0x7f;
        if (count > 3) throw malformed(['长度过大', 'length too large']);
        if (i + count > bytes.length) throw malformed(['长度被截断', 'truncated length']);
        if (bytes[i] === 0) throw malformed(['长度不是最短编码', 'non-minimal length']);
        length = 0;
        for (let k = 0; k < count; k++) length = length * 256 + bytes[i++];
        if (length < 0x80) throw malformed(['长度不是最短编码', 'non-minimal length']);
      }
      if (length > bytes.length - i) throw malformed(['内容被截断', 'truncated content']);
      out.push({ tag, content: bytes.subarray(i, i + length) });
      i += length;
    }
    return out;
  }

  /** The elements inside a constructed `element` whose tag must be `tag` (e.g. 0x30 SEQUENCE). */
  function derChildren(element, tag) {
    if (element.tag !== tag) throw malformed(['标签应为 0x' + tag.toString(16), 'expected tag 0x' + tag.toString(16)]);
    return derElements(element.content);
  }

  /** The value of a minimally encoded, non-negative INTEGER element, as a BigInt. */
  function derUnsignedInteger(element) {
    const c = element.content;
    if (element.tag !== TAG.integer || c.length === 0) throw malformed(['应为整数', 'expected an INTEGER']);
    if (c[0] & 0x80) throw malformed(['整数为负', 'negative INTEGER']);
    if (c.length > 1 && c[0] === 0 && !(c[1] & 0x80)) throw malformed(['整数不是最短编码', 'non-minimal INTEGER']);
    return P.bytesToBigInt(c);
  }

  /** Whether `element` is the OBJECT IDENTIFIER whose content bytes are `oidHex`. */
  function derIsObject(element, oidHex) {
    return element.tag === TAG.objectIdentifier && P.toHex(element.content) === oidHex;
  }

  Object.assign(P, { DER_TAG: TAG, derElements, derChildren, derUnsignedInteger, derIsObject });
})(globalThis.PingshenCrypto = globalThis.PingshenCrypto || {});
