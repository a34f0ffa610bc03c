import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PlatformIdentity } from '../identity/platform-identity';
import type { StoredPackages } from '../packages/stored-package';
import type { StoredReports } from '../packages/stored-progress';
import type { PlatformStore } from '../store/platform-store';

/** What a route of the platform may use; one per running instance. */
export interface RouteContext {
  readonly store: PlatformStore;
  readonly dataDir: string;
  /** Where accepted packages are: `<packagesDir>/<submissionId>.zip`. */
  readonly packagesDir: string;
  /** Their files that may be handed out (letter.pdf, signed copies), read from that folder. */
  readonly packages: StoredPackages;
  /** The accepted progress reports' files (`<packagesDir>/progress/`): the report and its evidence. */
  readonly reports: StoredReports;
  readonly identity: PlatformIdentity;
  /**
   * The path the platform sits under, without a trailing slash: '' at the root, '/pledge' for
   * `https://credit.example.gov.cn/pledge/`. Links and cookie paths a page makes begin with it.
   */
  readonly basePath: string;
  readonly now: () => Date;
  /** The operator's log (never a token, a personal ID number or a letter's text). */
  readonly log: (line: string) => void;
}

/**
 * A route outside the reference protocol (dashboard, coverage, public column, well-known): answers
 * true when it took the request. It runs before the bearer check, so it authenticates for itself.
 * `path` is the URL path with the platform's base path already removed, always starting with `/`.
 */
export type PlatformRoute = (req: IncomingMessage, res: ServerResponse, path: string, context: RouteContext) => Promise<boolean>;
