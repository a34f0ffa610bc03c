import { z } from 'zod';
import { ConnectionSchema, OutboxSnapshotSchema, PackageOriginSchema } from '../outbox/outbox-item';
import { ConnectionCheckSchema } from '../outbox/connection-check';
import { KeyIdSchema } from '../protocol/receipt-signature';
import { MAX_PACKAGE_BYTES } from '../package/package-format';
import { MAX_PROGRESS_PACKAGE_BYTES } from '../progress/progress-package-format';
import { FONT_ROLES } from '../fonts/font-roles';

/**
 * The one contract for everything that crosses the preload bridge. Each call names the schema
 * of its arguments and of its result; the preload, the main-process handlers, the HTTP host for
 * the browser and the renderer's clients all derive their types from this map, and both hosts
 * validate arguments against it before a handler runs.
 */

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** `electron` in the desktop app, `web` when the renderer is served to a browser. */
  shell: z.enum(['electron', 'web']),
  platform: z.string(),
  /** Where the app keeps its files (logs now; exports and packages later). */
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const ErrorReportSchema = z.strictObject({
  message: z.string().max(2000),
  stack: z.string().max(20000).optional(),
  /** Where in the renderer it happened, e.g. `window.onerror` or a component name. */
  source: z.string().max(200),
});
export type ErrorReport = z.infer<typeof ErrorReportSchema>;

/** What the app saves for the user, each with its own file extension. */
export const SAVED_FILE_EXTENSIONS = { pdf: '.pdf', backup: '.pledgebackup', receipt: '.json', spreadsheet: '.xlsx', zip: '.zip', calendar: '.ics' } as const;

/** A file to save; bytes travel as base64 so every transport (IPC, HTTP JSON) carries them alike. */
export const SaveFileRequestSchema = z.strictObject({
  kind: z.enum(['pdf', 'backup', 'receipt', 'spreadsheet', 'zip', 'calendar']),
  suggestedName: z.string().min(1).max(200),
  // A backup holds scans; 200 MB of base64 is about 150 MB of files.
  base64: z.string().max(200_000_000),
});
export type SaveFileRequest = z.infer<typeof SaveFileRequestSchema>;

/** A PDF to open in the system's viewer, e.g. to print the approved letter. */
export const OpenPdfRequestSchema = z.strictObject({
  suggestedName: z.string().min(1).max(200),
  base64: z.string().max(40_000_000),
});

/** The platform settings as the page sees them: the token itself never comes back across the bridge. */
export const ConnectionSettingsViewSchema = z.object({
  endpoint: z.string().nullable(),
  hasToken: z.boolean(),
  /** How the host keeps the token: see host/outbox/token-vault.ts. */
  tokenProtection: z.enum(['os-encryption', 'basic-text', 'file-permissions']),
});
export type ConnectionSettingsView = z.infer<typeof ConnectionSettingsViewSchema>;

export const SaveConnectionSettingsSchema = z.strictObject({
  /** An http(s) address; empty clears it. */
  endpoint: z.string().max(2000),
  /** Absent: keep the token as it is. */
  token: z.union([z.strictObject({ set: z.string().min(1).max(4096) }), z.strictObject({ clear: z.literal(true) })]).optional(),
});
export type SaveConnectionSettings = z.infer<typeof SaveConnectionSettingsSchema>;

export const TestConnectionSchema = z.strictObject({ endpoint: z.string().max(2000), token: z.string().max(4096).optional() });

/** A refusal the page shows as it is: `message` is Chinese and names the field or file. */
const Refused = z.object({ ok: z.literal(false), message: z.string() });

const SubmissionIdArg = z.strictObject({ submissionId: z.string().min(1).max(100) });

export const AddPackageRequestSchema = z.strictObject({
  origin: PackageOriginSchema,
  // Base64 of at most a whole package of either kind.
  base64: z.string().max(Math.ceil(Math.max(MAX_PACKAGE_BYTES, MAX_PROGRESS_PACKAGE_BYTES) / 3) * 4),
});
export type AddPackageRequest = z.infer<typeof AddPackageRequestSchema>;

const SigningImageSchema = z.strictObject({ type: z.enum(['image/png', 'image/jpeg']), base64: z.string().min(1).max(14_000_000) });

/** What the principal gives to sign the approved letter; the password is used once and kept nowhere. */
export const SignPdfRequestSchema = z.strictObject({
  /** File names, only for the refusal to name what was wrong. */
  pdfName: z.string().max(200),
  p12Name: z.string().max(200),
  pdfBase64: z.string().min(1).max(40_000_000),
  p12Base64: z.string().min(1).max(1_000_000),
  password: z.string().max(1000),
  signatureImage: SigningImageSchema,
  sealImage: SigningImageSchema.optional(),
});
export type SignPdfRequest = z.infer<typeof SignPdfRequestSchema>;

const FontRoleSchema = z.enum(FONT_ROLES);
/** A CJK font file is 10–40 MB, a collection of several faces more; the settings screen refuses a larger file before reading it. */
export const MAX_FONT_BYTES = 45_000_000;
const FONT_BASE64_MAX = Math.ceil(MAX_FONT_BYTES / 3) * 4;

/** A face the host offers for a role: one the user picked, or an official face found installed. */
export const InstalledFaceSchema = z.object({
  /** Opaque; pass it to `fonts.read`. Changes when the file does. */
  id: z.string().min(1).max(500),
  /** The family name to show, Chinese where the font has one, e.g. `仿宋_GB2312`. */
  family: z.string(),
  /** Where it lies, to show the user (a full path). */
  file: z.string(),
  /** The face's index in a collection (.ttc), 0 for a single font. */
  index: z.number().int().min(0),
  origin: z.enum(['system', 'picked']),
});
export type InstalledFace = z.infer<typeof InstalledFaceSchema>;

export const FontChoicesSchema = z.object({
  /** Per role the face to use before the bundled open fonts; null: only the bundled font. */
  faces: z.record(FontRoleSchema, InstalledFaceSchema.nullable()),
  /** The folders that were searched, for the settings view to say where it looked. */
  folders: z.array(z.string()),
});
export type FontChoices = z.infer<typeof FontChoicesSchema>;

export const PickFontRequestSchema = z.strictObject({
  role: FontRoleSchema,
  /** The file's name, to keep its extension and to name it in a refusal. */
  name: z.string().min(1).max(255),
  base64: z.string().min(1).max(FONT_BASE64_MAX),
});
export type PickFontRequest = z.infer<typeof PickFontRequestSchema>;

/** A reminder shown by the system (core/calendar/reminders.ts), e.g. an item's deadline ten days ahead. */
export const NotificationRequestSchema = z.strictObject({
  title: z.string().min(1).max(200),
  body: z.string().max(2000),
});
export type NotificationRequest = z.infer<typeof NotificationRequestSchema>;

export const desktopCalls = {
  /** Version, shell and data location, for the About box and the status bar. */
  'app.getInfo': { args: z.tuple([]), result: AppInfoSchema },
  /** Records a renderer error in the data folder's log, so a crash on a clerk's PC can be read later. */
  'diagnostics.reportError': { args: z.tuple([ErrorReportSchema]), result: z.object({ logged: z.boolean() }) },
  /** "Save as" for a PDF or a backup: the shell asks where (a dialog in Electron) and writes the file. */
  'files.saveFile': { args: z.tuple([SaveFileRequestSchema]), result: z.object({ saved: z.boolean(), path: z.string().optional() }) },
  /**
   * Writes the PDF to a temporary file and opens it in the system's viewer, for printing. `opened`
   * is false where the host has no viewer to open (the browser host), and the page prints itself.
   */
  'files.openPdf': { args: z.tuple([OpenPdfRequestSchema]), result: z.object({ opened: z.boolean(), path: z.string() }) },
  /**
   * The page has saved everything it had pending after `app.before-close`; the window may close.
   * `closing` is false where no window waits for it (the browser host).
   */
  'app.readyToClose': { args: z.tuple([]), result: z.object({ closing: z.boolean() }) },
  /**
   * Shows a desktop notification. `shown` is false where the host has none to show (the browser
   * host, or a system without notifications): the page's own banner is then the only reminder.
   */
  'app.notify': { args: z.tuple([NotificationRequestSchema]), result: z.object({ shown: z.boolean() }) },
  /** The platform address and whether a token is set. */
  'outbox.getConnection': { args: z.tuple([]), result: ConnectionSettingsViewSchema },
  /** Saves the address (checked) and, when given, sets or clears the token; then probes at once. */
  'outbox.saveConnection': {
    args: z.tuple([SaveConnectionSettingsSchema]),
    result: z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), settings: ConnectionSettingsViewSchema }), Refused.extend({ field: z.enum(['endpoint', 'token']) })]),
  },
  /**
   * "测试连接": checks an address and a token (the saved one when none is given and the address
   * is the saved platform's) and says which failed; sends nothing of any package.
   */
  'outbox.testConnection': { args: z.tuple([TestConnectionSchema]), result: ConnectionCheckSchema },
  /** Every submission in the outbox and the connection, as `outbox.changed` sends them. */
  'outbox.get': { args: z.tuple([]), result: OutboxSnapshotSchema },
  /**
   * Verifies a package and queues it for sending: packed from an approved, signed letter (the
   * origin names its staff batch, if any: each letter of a batch is still its own submission),
   * packed from an approved progress report of a delivered letter (`pledge-progress-package/1`,
   * verified by its own rules), or imported from a file (either kind). The same package again is
   * a no-op (`duplicate`); other bytes under a submission id already queued are refused, as is a
   * package of the other kind than its origin says.
   */
  'outbox.add': {
    args: z.tuple([AddPackageRequestSchema]),
    result: z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), submissionId: z.string(), duplicate: z.boolean() }), Refused]),
  },
  /**
   * Skips the wait before the next attempt at this submission, after probing at once: the
   * connection it found says whether the submission can go now, and if not, why.
   */
  'outbox.sendNow': { args: z.tuple([SubmissionIdArg]), result: z.object({ connection: ConnectionSchema }) },
  /** Sends a refused submission again, after the person changed something (e.g. the token). */
  'outbox.resend': { args: z.tuple([SubmissionIdArg]), result: z.object({}) },
  /**
   * The clerk compared the platform's new receipt key (`keyChange.newKeyId`) with the credit office
   * and trusts it; `trusted: false` when the platform offers no such key (any more).
   */
  'outbox.trustPlatformKey': { args: z.tuple([z.strictObject({ keyId: KeyIdSchema })]), result: z.object({ trusted: z.boolean() }) },
  /** The package's bytes, for what the page makes from it: the portal folder and the poster (renderer/publication). */
  'outbox.readPackage': { args: z.tuple([SubmissionIdArg]), result: z.object({ base64: z.string() }) },
  /** Saves the package to a file for a colleague with a connection (a USB stick). */
  'outbox.exportPackage': { args: z.tuple([SubmissionIdArg]), result: z.object({ saved: z.boolean(), path: z.string().optional() }) },
  /** The page saw the system report a network: probe now. Only a hint; the probe decides. */
  'outbox.networkHint': { args: z.tuple([]), result: z.object({}) },
  /**
   * Signs the approved letter's PDF in its empty signature field with a PKCS#12 certificate (as
   * `pledge sign` does); the result becomes a signed copy. A refusal names the file or the password.
   */
  'signing.signPdf': {
    args: z.tuple([SignPdfRequestSchema]),
    result: z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), base64: z.string(), signerName: z.string() }), Refused]),
  },
  /** Which face each role uses on this machine (picked file, else official face installed, else none). */
  'fonts.describe': { args: z.tuple([]), result: FontChoicesSchema },
  /** The bytes of a face `fonts.describe` offered, for the PDF worker. */
  'fonts.read': { args: z.tuple([z.strictObject({ id: z.string().min(1).max(500) })]), result: z.object({ base64: z.string() }) },
  /** Keeps a font file the user chose for a role; refused (with the reason) when it is not a usable font. */
  'fonts.pick': {
    args: z.tuple([PickFontRequestSchema]),
    result: z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), face: InstalledFaceSchema }), Refused]),
  },
  /** Forgets the picked file of a role: back to the installed official face or the bundled font. */
  'fonts.forget': { args: z.tuple([z.strictObject({ role: FontRoleSchema })]), result: z.object({}) },
} as const;

export const desktopEvents = {
  /** A command chosen outside the page, e.g. from the application menu. */
  'app.command': z.object({ command: z.enum(['new-letter', 'open-outbox']) }),
  /** The window is about to close: save what is pending, then call `app.readyToClose`. */
  'app.before-close': z.object({}),
  /** The computer woke from sleep: timers that slept with it are re-armed from the time now. */
  'app.resumed': z.object({}),
  /** The outbox or the connection changed: the whole snapshot, small enough to send every time. */
  'outbox.changed': OutboxSnapshotSchema,
} as const;

export type DesktopCallName = keyof typeof desktopCalls;
export type DesktopCallArgs<N extends DesktopCallName> = z.input<(typeof desktopCalls)[N]['args']>;
export type DesktopCallResult<N extends DesktopCallName> = z.output<(typeof desktopCalls)[N]['result']>;
export type DesktopEventName = keyof typeof desktopEvents;
export type DesktopEventPayload<E extends DesktopEventName> = z.output<(typeof desktopEvents)[E]>;

export const DESKTOP_CALL_NAMES = Object.keys(desktopCalls) as DesktopCallName[];
export const DESKTOP_EVENT_NAMES = Object.keys(desktopEvents) as DesktopEventName[];

/** What the renderer sees as `window.desktop`, whichever host it runs in. */
export interface DesktopApi {
  call<N extends DesktopCallName>(name: N, ...args: DesktopCallArgs<N>): Promise<DesktopCallResult<N>>;
  /** Subscribes to an event; the returned function unsubscribes. */
  on<E extends DesktopEventName>(event: E, listener: (payload: DesktopEventPayload<E>) => void): () => void;
}

/** The functions a host must provide: one per call, typed from the contract. */
export type DesktopHandlers = {
  [N in DesktopCallName]: (...args: DesktopCallArgs<N>) => Promise<DesktopCallResult<N>> | DesktopCallResult<N>;
};

/** How a host pushes an event to its renderers. */
export type EmitDesktopEvent = <E extends DesktopEventName>(event: E, payload: DesktopEventPayload<E>) => void;

export function isDesktopCallName(value: unknown): value is DesktopCallName {
  return typeof value === 'string' && Object.hasOwn(desktopCalls, value);
}

export function isDesktopEventName(value: unknown): value is DesktopEventName {
  return typeof value === 'string' && Object.hasOwn(desktopEvents, value);
}
