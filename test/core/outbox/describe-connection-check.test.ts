import { describe, expect, it } from 'vitest';
import { describeConnectionCheck } from '../../../core/outbox/describe-connection-check';

describe('describeConnectionCheck', () => {
  it('names the address when the address failed, and the token when the token did', () => {
    for (const result of ['bad-address', 'unreachable', 'not-platform'] as const) {
      const said = describeConnectionCheck({ result, message: '原因。' });
      expect(said).toEqual({ usable: false, text: expect.stringMatching(/^(地址|该地址)/) });
      expect(said.text).not.toContain('令牌');
    }
    expect(describeConnectionCheck({ result: 'token-refused', message: '令牌无效。' })).toEqual({ usable: false, text: expect.stringMatching(/^地址正确.*拒绝了这个访问令牌：令牌无效。/) });
    expect(describeConnectionCheck({ result: 'token-missing' })).toEqual({ usable: false, text: expect.stringMatching(/^地址正确.*没有填写访问令牌/) });
  });

  it('says whose token it is, and that an operator’s token cannot submit a unit’s letter', () => {
    expect(describeConnectionCheck({ result: 'ok', credential: { kind: 'unit', creditCode: '122399214012770352', name: '青山县政务服务中心' } })).toEqual({
      usable: true,
      text: '连接正常：地址正确，访问令牌有效，属于青山县政务服务中心（统一社会信用代码 122399214012770352）。',
    });
    expect(describeConnectionCheck({ result: 'ok', credential: { kind: 'unit', creditCode: '122399214012770352' } }).text).toContain('统一社会信用代码为 122399214012770352 的单位');
    expect(describeConnectionCheck({ result: 'ok', credential: { kind: 'operator' } })).toMatchObject({ usable: false });
    expect(describeConnectionCheck({ result: 'ok' })).toMatchObject({ usable: true });
  });
});
