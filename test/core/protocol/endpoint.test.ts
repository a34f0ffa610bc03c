import { describe, expect, it } from 'vitest';
import { parseEndpoint, platformUrl } from '../../../core/protocol/endpoint';
import { ROUTES } from '../../../core/protocol/reference-protocol';

describe('parseEndpoint', () => {
  it('takes an http(s) address, without the spaces around it, in one spelling without a trailing slash', () => {
    expect(parseEndpoint(' https://platform.example.gov.cn ')).toEqual({ ok: true, url: 'https://platform.example.gov.cn' });
    expect(parseEndpoint('https://platform.example.gov.cn/')).toEqual({ ok: true, url: 'https://platform.example.gov.cn' });
    expect(parseEndpoint('http://127.0.0.1:8787/')).toEqual({ ok: true, url: 'http://127.0.0.1:8787' });
    expect(parseEndpoint('HTTPS://Platform.Example.GOV.cn:443/')).toEqual({ ok: true, url: 'https://platform.example.gov.cn' });
  });

  it.each([
    ['https://credit.example.gov.cn/pledge/', 'https://credit.example.gov.cn/pledge'],
    ['https://credit.example.gov.cn/pledge', 'https://credit.example.gov.cn/pledge'],
    [' https://credit.example.gov.cn/pledge// ', 'https://credit.example.gov.cn/pledge'],
    ['https://credit.example.gov.cn:8443/city/pledge/', 'https://credit.example.gov.cn:8443/city/pledge'],
    ['https://credit.example.gov.cn/a/../pledge/', 'https://credit.example.gov.cn/pledge'],
    ['https://credit.example.gov.cn/承诺/', 'https://credit.example.gov.cn/%E6%89%BF%E8%AF%BA'],
    ['http://127.0.0.1:8787/pledge/', 'http://127.0.0.1:8787/pledge'],
  ])('takes a platform under a path, %j, as %j', (value, url) => {
    expect(parseEndpoint(value)).toEqual({ ok: true, url });
  });

  it('takes the address with and without its trailing slash as the same platform', () => {
    expect(parseEndpoint('https://credit.example.gov.cn/pledge')).toEqual(parseEndpoint('https://credit.example.gov.cn/pledge/'));
  });

  it.each(['https://gov.example.cn/?x=1', 'https://gov.example.cn/pledge?token=abc', 'https://gov.example.cn/pledge/#top', 'https://gov.example.cn/pledge/?', 'https://gov.example.cn#', 'http://127.0.0.1:8787/pledge?x'])(
    'refuses a query or a fragment, which every route would carry or lose, naming the value: %j',
    (value) => {
      expect(parseEndpoint(value)).toEqual({ ok: false, message: expect.stringContaining(`平台地址“${value}”不能带“?”或“#”`) });
    },
  );

  it.each(['http://127.0.0.1:8787', 'http://127.9.8.7/', 'http://localhost:8787', 'http://LOCALHOST:8787', 'http://[::1]:8787', ' http://127.1:8787 ', 'http://localhost:8787/pledge/'])(
    'takes plain http on a loopback host, in the parser’s spelling: %j',
    (value) => {
      expect(parseEndpoint(value)).toEqual({ ok: true, url: new URL(value.trim()).href.replace(/\/+$/, '') });
    },
  );

  it.each([
    'http://platform.example.gov.cn',
    'http://10.0.0.5:8787',
    'http://127.0.0.1.evil.example',
    'http://localhost.evil.example:8787',
    'http://127.0.0.1%2eevil.example',
    'http://localhost.',
    'http://[::ffff:127.0.0.1]',
    'HTTP://platform.example.gov.cn',
    'http://credit.example.gov.cn/pledge/',
  ])('refuses plain http to a host that is not loopback, look-alikes included, naming the value: %j', (value) => {
    expect(parseEndpoint(value)).toEqual({ ok: false, message: expect.stringContaining(`平台地址“${value}”须以 https:// 开头`) });
  });

  it.each([
    'platform.example.gov.cn',
    'http:/127.0.0.1:8787',
    'http:\\\\127.0.0.1',
    'ftp://platform.example.gov.cn',
    'https://user:secret@platform.example.gov.cn',
    'https://user:secret@credit.example.gov.cn/pledge/',
    'https://token@credit.example.gov.cn/pledge/',
    'javascript:alert(1)',
    '/pledge/',
    '',
  ])('refuses %j with a Chinese message naming the value', (value) => {
    const parsed = parseEndpoint(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toBe(`平台地址“${value.trim()}”不是有效的 http(s) 网址。`);
  });
});

describe('platformUrl', () => {
  it('puts every route under the platform’s path, never at the site’s root', () => {
    const base = 'https://credit.example.gov.cn/pledge';
    expect(platformUrl(base, ROUTES.health)).toBe('https://credit.example.gov.cn/pledge/health');
    expect(platformUrl(base, ROUTES.uploads)).toBe('https://credit.example.gov.cn/pledge/files/');
    expect(platformUrl(base, ROUTES.credential)).toBe('https://credit.example.gov.cn/pledge/credential');
    expect(platformUrl(base, ROUTES.receipt('a/b'))).toBe('https://credit.example.gov.cn/pledge/submissions/a%2Fb/receipt');
    expect(platformUrl(base, '/')).toBe('https://credit.example.gov.cn/pledge/');
  });

  it('reads an address with a trailing slash, as saved by earlier versions, the same way', () => {
    expect(platformUrl('https://platform.example.gov.cn/', ROUTES.health)).toBe('https://platform.example.gov.cn/health');
    expect(platformUrl('https://platform.example.gov.cn', ROUTES.health)).toBe('https://platform.example.gov.cn/health');
    expect(platformUrl('https://credit.example.gov.cn/pledge/', ROUTES.submissions)).toBe('https://credit.example.gov.cn/pledge/submissions');
  });
});
