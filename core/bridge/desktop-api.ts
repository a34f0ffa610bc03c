import { z } from 'zod';

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
export const SAVED_FILE_EXTENSIONS = { pdf: '.pdf', backup: '.pledgebackup' } as const;

/** A file to save; bytes travel as base64 so every transport (IPC, HTTP JSON) carries them alike. */
export const SaveFileRequestSchema = z.strictObject({
  kind: z.enum(['pdf', 'backup']),
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
} as const;

export const desktopEvents = {
  /** A command chosen outside the page, e.g. from the application menu. */
  'app.command': z.object({ command: z.enum(['new-letter']) }),
  /** The window is about to close: save what is pending, then call `app.readyToClose`. */
  'app.before-close': z.object({}),
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
