/**
 * True for an address to bind that only this machine can reach (127.0.0.0/8, `::1`, the IPv4
 * loopback mapped into IPv6, `localhost`). The web host asks for a launch key beyond it; the
 * platform's open trial mode is refused beyond it.
 */
export function isLoopbackAddress(address: string): boolean {
  return address === 'localhost' || address === '::1' || address === '::ffff:127.0.0.1' || /^127(\.\d{1,3}){3}$/.test(address);
}
