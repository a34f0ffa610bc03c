import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * Who may call the platform: a unit, bound to its 统一社会信用代码, or an operator of the city
 * credit office, who sees every unit and submits for none. Tokens are issued by the platform's own
 * command and only their SHA-256 is kept, in the data folder's `index.sqlite`; the table is read on
 * every request, so a token issued or revoked by the command while the platform runs counts at once.
 */
export type CredentialKind = 'unit' | 'operator';

export type Subject = { readonly unit: string; readonly name?: string } | { readonly operator: true; readonly name?: string };

/** What `token list` shows: never the token or its hash. */
export interface Credential {
  readonly id: number;
  readonly kind: CredentialKind;
  /** The unit's 统一社会信用代码, for a unit's credential. */
  readonly unitCode?: string;
  readonly name?: string;
  readonly createdAt: string;
  readonly revokedAt?: string;
}

/** The caller of one request; `open` is the loopback-only trial mode, where nobody is asked. */
/** `name` is the one the credential was issued under, so a client can show whose token it holds. */
export type Caller =
  | { readonly kind: 'unit'; readonly id: number; readonly unitCode: string; readonly name?: string }
  | { readonly kind: 'operator'; readonly id: number; readonly name?: string }
  | { readonly kind: 'open' };

export interface CredentialStore {
  issue(subject: Subject, token?: string): { readonly id: number; readonly token: string };
  list(): Credential[];
  /** False when there is no such credential or it was revoked already. */
  revoke(id: number): boolean;
  /** The caller a bearer token stands for, or undefined for an unknown or revoked one. */
  authenticate(token: string): Caller | undefined;
  close(): void;
}

/** The file both the index and the credentials live in. */
export const DATABASE_FILE = 'index.sqlite';

const TOKEN_PREFIX = 'pledge_';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS credentials (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    token_sha256 TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL CHECK (kind IN ('unit', 'operator')),
    unit_code    TEXT,
    name         TEXT,
    created_at   TEXT NOT NULL,
    revoked_at   TEXT,
    CHECK ((kind = 'unit') = (unit_code IS NOT NULL))
  );
`;

interface Row {
  id: number;
  kind: CredentialKind;
  unit_code: string | null;
  name: string | null;
  created_at: string;
  revoked_at: string | null;
}

/** 32 random bytes: guessing one is hopeless, so a plain SHA-256 of it is a sound thing to store. */
export function newToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function openCredentialStore(dataDir: string, now: () => Date = () => new Date()): CredentialStore {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.exec(SCHEMA);

  const insert = db.prepare<{ hash: string; kind: CredentialKind; unit: string | null; name: string | null; at: string }>(
    'INSERT INTO credentials (token_sha256, kind, unit_code, name, created_at) VALUES (@hash, @kind, @unit, @name, @at)',
  );
  const selectAll = db.prepare<[], Row>('SELECT id, kind, unit_code, name, created_at, revoked_at FROM credentials ORDER BY id');
  const selectByHash = db.prepare<[string], Row>('SELECT id, kind, unit_code, name, created_at, revoked_at FROM credentials WHERE token_sha256 = ? AND revoked_at IS NULL');
  const markRevoked = db.prepare<[string, number]>('UPDATE credentials SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');

  return {
    issue(subject, token = newToken()) {
      const unit = 'unit' in subject ? subject.unit : null;
      const result = insert.run({ hash: tokenHash(token), kind: unit === null ? 'operator' : 'unit', unit, name: subject.name ?? null, at: now().toISOString() });
      return { id: Number(result.lastInsertRowid), token };
    },
    list: () => selectAll.all().map(fromRow),
    revoke: (id) => markRevoked.run(now().toISOString(), id).changes === 1,
    authenticate(token) {
      const row = selectByHash.get(tokenHash(token));
      if (!row) return undefined;
      const name = row.name === null ? {} : { name: row.name };
      return row.kind === 'unit' ? { kind: 'unit', id: row.id, unitCode: row.unit_code!, ...name } : { kind: 'operator', id: row.id, ...name };
    },
    close: () => db.close(),
  };
}

/**
 * Issues a credential in a data folder and answers the token, the only time it is ever known.
 * `token` is for test fixtures that need a fixed one; the command always draws a new one.
 *
 * @example const { token } = issueToken('./pf', { unit: '122399214012770352', name: '青山县政务服务中心' });
 */
export function issueToken(dataDir: string, subject: Subject, token?: string): { readonly id: number; readonly token: string } {
  return withStore(dataDir, (store) => store.issue(subject, token));
}

export function listTokens(dataDir: string): Credential[] {
  return withStore(dataDir, (store) => store.list());
}

export function revokeToken(dataDir: string, id: number): boolean {
  return withStore(dataDir, (store) => store.revoke(id));
}

function withStore<T>(dataDir: string, use: (store: CredentialStore) => T): T {
  const store = openCredentialStore(dataDir);
  try {
    return use(store);
  } finally {
    store.close();
  }
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function fromRow(row: Row): Credential {
  return {
    id: row.id,
    kind: row.kind,
    ...(row.unit_code === null ? {} : { unitCode: row.unit_code }),
    ...(row.name === null ? {} : { name: row.name }),
    createdAt: row.created_at,
    ...(row.revoked_at === null ? {} : { revokedAt: row.revoked_at }),
  };
}
