import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { canonicalBytes, canonicalJson } from '../../../core/protocol/canonical-json';
import { formatKeyId, signatureOf, signedPart } from '../../../core/protocol/receipt-signature';

describe('canonicalJson (RFC 8785 JCS)', () => {
  it('writes the example of RFC 8785 §3.2.2 as the RFC does', () => {
    // The RFC's input, parsed as a JSON text (numbers and escapes as it writes them).
    const input = JSON.parse(
      String.raw`{
        "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
        "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
        "literals": [null, true, false]
      }`,
    ) as unknown;
    expect(canonicalJson(input)).toBe(String.raw`{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}`);
  });

  it('sorts members by UTF-16 code units, as RFC 8785 §3.2.3 does', () => {
    const input = JSON.parse(
      String.raw`{"\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh", "1": "One",
        "\ud83d\ude00": "Emoji: Grinning Face", "\u0080": "Control", "\u00f6": "Latin Small Letter O With Diaeresis"}`,
    ) as Record<string, string>;
    const names = Object.keys(JSON.parse(canonicalJson(input)) as object);
    // Object.keys would put "1" first; the order of the text is what counts.
    const order = [...canonicalJson(input).matchAll(/"([^"]*)":"([^"]*)"/g)].map((m) => m[2]);
    expect(names).toHaveLength(7);
    expect(order).toEqual(['Carriage Return', 'One', 'Control', 'Latin Small Letter O With Diaeresis', 'Euro Sign', 'Emoji: Grinning Face', 'Hebrew Letter Dalet With Dagesh']);
  });

  it('writes the numbers of RFC 8785 Appendix B as the RFC does, and refuses NaN and Infinity', () => {
    // The RFC gives each as the IEEE 754 bits.
    const cases: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, expected] of cases) expect(canonicalJson(fromBits(bits))).toBe(expected);
    expect(() => canonicalJson(fromBits('7fffffffffffffff'))).toThrow(TypeError);
    expect(() => canonicalJson(fromBits('7ff0000000000000'))).toThrow(TypeError);
  });

  it('has no whitespace, sorts nested objects, keeps array order and leaves out undefined members', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: 2 }], a: '承诺', c: undefined })).toBe('{"a":"承诺","b":[3,{"a":2,"z":1}]}');
    expect(strFromU8(canonicalBytes({ 单位: '青山县' }))).toBe('{"单位":"青山县"}');
    expect(canonicalBytes({ a: '€' })).toEqual(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe2, 0x82, 0xac, 0x22, 0x7d]));
  });

  it('refuses what JSON has no word for', () => {
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
    expect(() => canonicalJson(1n)).toThrow(TypeError);
  });
});

describe('receipt signature helpers', () => {
  it('signs every member but the signature, reads a signature only when it is one, and groups a key id in fours', () => {
    const signature = { alg: 'Ed25519', keyId: '0123456789abcdef', value: 'A'.repeat(86) };
    expect(signedPart({ receiptId: 'r', signature })).toEqual({ receiptId: 'r' });
    expect(signatureOf({ signature })).toEqual(signature);
    expect(signatureOf({ signature: { ...signature, alg: 'RSA' } })).toBeUndefined();
    expect(signatureOf('nope')).toBeUndefined();
    expect(formatKeyId('0123456789abcdef')).toBe('0123 4567 89ab cdef');
  });
});

function fromBits(hex: string): number {
  return new DataView(Uint8Array.from(hex.match(/../g)!, (byte) => parseInt(byte, 16)).buffer).getFloat64(0);
}
