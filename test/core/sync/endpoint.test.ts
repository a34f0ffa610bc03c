import { describe, expect, it } from 'vitest';
import { parseEndpoint } from '../../../core/sync/endpoint';

describe('parseEndpoint', () => {
  it('takes an http(s) address, without the spaces around it', () => {
    expect(parseEndpoint(' https://platform.example.gov.cn ')).toEqual({ ok: true, url: 'https://platform.example.gov.cn' });
    expect(parseEndpoint('http://127.0.0.1:8787/')).toEqual({ ok: true, url: 'http://127.0.0.1:8787/' });
  });

  it('refuses an address with a path, which every route would drop, naming the path', () => {
    expect(parseEndpoint('https://gov.example.cn/pledge/api')).toEqual({ ok: false, message: expect.stringContaining('“/pledge/api”') });
    expect(parseEndpoint('https://gov.example.cn/?x=1')).toMatchObject({ ok: false });
  });

  it.each(['platform.example.gov.cn', 'ftp://platform.example.gov.cn', 'https://user:secret@platform.example.gov.cn', 'javascript:alert(1)', ''])('refuses %j with a Chinese message naming the value', (value) => {
    const parsed = parseEndpoint(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toBe(`平台地址“${value.trim()}”不是有效的 http(s) 网址。`);
  });
});
