/** A name that is only a file name, whatever the page sent: no folders, no reserved characters. */
export function safeFileName(name: string, extension: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const base = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '').trim().slice(0, 150) || 'letter';
  return base.toLowerCase().endsWith(extension) ? base : `${base}${extension}`;
}
