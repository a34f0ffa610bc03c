import { generateKeyPairSync } from 'node:crypto';
import { createServer as createHttpServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import forge from 'node-forge';

/**
 * A reverse proxy on loopback that publishes the platform under a path of a larger site, as a
 * credit office's nginx would (`location /pledge/ { proxy_pass http://127.0.0.1:8787; }`): requests
 * under the prefix go to the platform with the path as it is, prefix kept, and `Host` set to the
 * platform's own address (nginx's default), the public scheme and host in `X-Forwarded-Proto` and
 * `X-Forwarded-Host` (whatever a client sent under those names is replaced, never passed on);
 * everything else is the site's, answered 404 here without reaching the platform. With `tls` it
 * terminates TLS, so the public address is `https://localhost:<port>/pledge`.
 */
export interface PathProxy {
  /** The platform's public address, prefix included (`https://localhost:41234/pledge`). */
  readonly url: string;
  /** The site's own root, where the platform is not. */
  readonly origin: string;
  /** Requests passed to the platform, by the path the client asked for. */
  readonly forwarded: readonly ProxiedRequest[];
  /** Requests the site answered itself (outside the prefix). */
  readonly refused: readonly ProxiedRequest[];
  /** Every `Location` the platform answered through the proxy. */
  readonly locations: readonly string[];
  close(): Promise<void>;
}

export interface ProxiedRequest {
  readonly method: string;
  readonly path: string;
}

export interface PathProxyOptions {
  /** The platform's address; only its origin is used, the path is forwarded as the client sent it. */
  readonly target: string;
  /** `/pledge`: the path the site publishes the platform under. */
  readonly prefix: string;
  readonly tls?: LoopbackCertificate;
}

export async function startPathProxy(options: PathProxyOptions): Promise<PathProxy> {
  const target = new URL(options.target);
  const forwarded: ProxiedRequest[] = [];
  const refused: ProxiedRequest[] = [];
  const locations: string[] = [];
  const scheme = options.tls ? 'https' : 'http';

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const pathname = path.split('?')[0]!;
    res.on('error', () => undefined);
    if (pathname !== options.prefix && !pathname.startsWith(`${options.prefix}/`)) {
      refused.push({ method, path });
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>404</title><p>Not Found</p>');
      return;
    }
    forwarded.push({ method, path });
    const headers: Record<string, string | string[] | undefined> = {};
    for (const [name, value] of Object.entries(req.headers)) if (!/^(?:x-forwarded-|forwarded$)/i.test(name)) headers[name] = value;
    headers['host'] = target.host;
    headers['x-forwarded-proto'] = scheme;
    headers['x-forwarded-host'] = req.headers.host ?? '';
    headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
    const upstream = request({ host: target.hostname, port: target.port, method, path, headers }, (answer) => {
      if (answer.headers.location !== undefined) locations.push(answer.headers.location);
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
    req.pipe(upstream);
  };

  const server: Server = options.tls ? createHttpsServer({ key: options.tls.key, cert: options.tls.cert }, handle) : createHttpServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `${scheme}://localhost:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}${options.prefix}`,
    origin,
    forwarded,
    refused,
    locations,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface LoopbackCertificate {
  readonly key: string;
  /** Self-signed, for `localhost` and 127.0.0.1; a client trusts it through `NODE_EXTRA_CA_CERTS`. */
  readonly cert: string;
}

/** A throw-away TLS certificate for the proxy, made in the test. */
export function makeLoopbackCertificate(): LoopbackCertificate {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 60 * 60 * 1000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 60 * 60 * 1000);
  const subject = [{ name: 'commonName', value: 'localhost' }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', keyCertSign: true, digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(key), forge.md.sha256.create());
  return { key, cert: forge.pki.certificateToPem(cert) };
}
