import { describe, expect, it } from 'vitest';
import { parseEndpoint } from '../../../core/protocol/endpoint';

describe('parseEndpoint', () => {
  it('takes an http(s) address, without the spaces around it', () => {
    expect(parseEndpoint(' https://platform.example.gov.cn ')).toEqual({ ok: true, url: 'https://platform.example.gov.cn' });
    expect(parseEndpoint('http://127.0.0.1:8787/')).toEqual({ ok: true, url: 'http://127.0.0.1:8787/' });
  });

  it('refuses an address with a path, which every route would drop, naming the path', () => {
    expect(parseEndpoint('https://gov.example.cn/pledge/api')).toEqual({ ok: false, message: expect.stringContaining('“/pledge/api”') });
    expect(parseEndpoint('https://gov.example.cn/?x=1')).toMatchObject({ ok: false });
  });

  it.each(['http://127.0.0.1:8787', 'http://127.9.8.7/', 'http://localhost:8787', 'http://LOCALHOST:8787', 'http://[::1]:8787', ' http://127.1:8787 '])('takes plain http on a loopback host: %j', (value) => {
    expect(parseEndpoint(value)).toEqual({ ok: true, url: value.trim() });
  });

  it.each([
    'http://platform.example.gov.cn',
    'http://10.0.0.5:8787',
    'http://127.0.0.1.evil.example',
    'http://localhost.evil.example:8787',
    'http://127.0.0.1%2eevil.example',
    'http://localhost.',
    'http://[::ffff:127.0.0.1]',
    'HTTP://platform.example.gov.cn',
  ])('refuses plain http to a host that is not loopback, look-alikes included, naming the value: %j', (value) => {
    expect(parseEndpoint(value)).toEqual({ ok: false, message: expect.stringContaining(`平台地址“${value}”须以 https:// 开头`) });
  });

  it.each(['platform.example.gov.cn', 'http:/127.0.0.1:8787', 'http:\\\\127.0.0.1', 'ftp://platform.example.gov.cn', 'https://user:secret@platform.example.gov.cn', 'javascript:alert(1)', ''])('refuses %j with a Chinese message naming the value', (value) => {
    const parsed = parseEndpoint(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toBe(`平台地址“${value.trim()}”不是有效的 http(s) 网址。`);
  });
});
