import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainHash16, chainHashWords, hashWordsMatch, hashWordsToName } from './chainHash';
import { base32, endpointChainName, portProtoHash, servicePortChains } from './hash';

describe('chain-name hashing (REFERENCE §1.2)', () => {
  it.each([
    ['ns1/svc1:p80', 'tcp', 'KUBE-SVC-XPGD46QRK7WJZT7O'],
    ['ns5/svc5:p80', 'tcp', 'KUBE-SVC-NUKIZ6OKUXPJNT4C'],
    ['default/kubernetes:https', 'tcp', 'KUBE-SVC-NPX46M4PTMTKRN6Y'],
    ['kube-system/kube-dns:dns', 'udp', 'KUBE-SVC-TCOU7JCQXEZGVUNU'],
    ['kube-system/kube-dns:dns-tcp', 'tcp', 'KUBE-SVC-ERIFXISQEP7F7OF4'],
    ['kube-system/kube-dns:metrics', 'tcp', 'KUBE-SVC-JD5MR3NA4I4DYORP'],
    ['default/web:http', 'tcp', 'KUBE-SVC-CDGGSHYLG3RE2FKL'],
    ['default/web', 'tcp', 'KUBE-SVC-LOLE4ISW44XBNF3G'],
    ['ns1/svc1:p80', 'TCP', 'KUBE-SVC-3UP2Z6VMNQ3MME3P'],
  ])('%s + %s → %s', (name, proto, chain) => {
    expect(servicePortChains(name, proto).svc).toBe(chain);
  });

  it('shares one suffix between SVC, SVL, EXT and FW', () => {
    expect(servicePortChains('ns5/svc5:p80', 'tcp')).toEqual({
      svc: 'KUBE-SVC-NUKIZ6OKUXPJNT4C',
      svl: 'KUBE-SVL-NUKIZ6OKUXPJNT4C',
      ext: 'KUBE-EXT-NUKIZ6OKUXPJNT4C',
      fw: 'KUBE-FW-NUKIZ6OKUXPJNT4C',
    });
  });

  it.each([
    ['ns1/svc1:p80', '10.180.0.1:80', 'KUBE-SEP-SXIVWICOYRO3J4NJ'],
    ['default/web:http', '10.244.1.5:8080', 'KUBE-SEP-AFGSLHOD2HFNCBX4'],
    ['default/web:http', '10.244.2.7:8080', 'KUBE-SEP-2RIJ5GIYXEFH6G4D'],
    ['default/web:http', '10.244.3.9:8080', 'KUBE-SEP-RBX5X5TOEG5GD3RO'],
    ['default/web:http', '10.244.1.9:8080', 'KUBE-SEP-2Z4PPZBSTLK4A5ZT'],
    ['default/web:http', '10.244.1.10:8080', 'KUBE-SEP-GWQABTP5GBYXHJY5'],
    ['default/web', '10.244.1.5:8080', 'KUBE-SEP-XQWD6PXGZUTOOIVQ'],
  ])('%s + tcp + %s → %s', (name, ep, chain) => {
    expect(endpointChainName(name, 'tcp', ep)).toBe(chain);
  });

  it('encodes RFC 4648 test vectors', () => {
    const enc = (s: string) => base32(new Uint8Array([...s].map((c) => c.charCodeAt(0))));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(enc)).toEqual([
      '', 'MY======', 'MZXQ====', 'MZXW6===', 'MZXW6YQ=', 'MZXW6YTB', 'MZXW6YTBOI======',
    ]);
    expect(portProtoHash('x', 'tcp')).toHaveLength(16);
  });
});

describe('chainHash16', () => {
  it('is base32(sha256(text))[:16] for any text or list of parts, ASCII or not, across block boundaries, after any prefix (fast-check)', () => {
    const reference = (t: string) => base32(sha256(utf8ToBytes(t))).slice(0, 16);
    const text = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 80 }), fc.integer({ min: 50, max: 130 }).map((n) => 'x'.repeat(n)));
    fc.assert(fc.property(text, (t) => chainHash16(t) === reference(t)), { numRuns: 2000 });
    fc.assert(fc.property(fc.array(text, { maxLength: 4 }), fc.oneof(fc.constant('KUBE-SEP-'), fc.string({ maxLength: 12 })), (parts, prefix) => chainHash16(parts, prefix) === prefix + reference(parts.join(''))), { numRuns: 1000 });
  });

  it('keeps the same 80 bits as three words: spelled, they are the name; matched, only that name matches (fast-check)', () => {
    const words = new Int32Array(8);
    const text = fc.oneof(fc.string({ maxLength: 120 }), fc.string({ unit: 'grapheme', maxLength: 40 }));
    const prefix = fc.oneof(fc.constant('KUBE-SEP-'), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 4 }), prefix, fc.integer({ min: 0, max: 5 }), fc.nat(), fc.integer({ min: 1, max: 31 }), (parts, pre, at, pos, flip) => {
        chainHashWords(parts, words, at);
        const name = chainHash16(parts, pre);
        expect(hashWordsToName(words, at, pre)).toBe(name);
        expect(hashWordsMatch(words, at, pre, name)).toBe(true);
        // Any one character changed, a character more or less, or another prefix: no match.
        const k = pre.length + (pos % 16);
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
        const other = alphabet[(alphabet.indexOf(name[k]!) + flip) % 32]!;
        expect(hashWordsMatch(words, at, pre, name.slice(0, k) + other + name.slice(k + 1))).toBe(false);
        expect(hashWordsMatch(words, at, pre, name + 'A')).toBe(false);
        expect(hashWordsMatch(words, at, pre, name.slice(0, -1))).toBe(false);
        expect(hashWordsMatch(words, at, pre + 'X', name)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
