import { _electron, expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createProfileDir, launchChromium } from './chromium-process';
import { findElectronBinary } from './electron-binary';

/**
 * The requirement: type, SIGKILL the browser within a second of the last keystroke, relaunch on the
 * same profile, and find everything typed more than one second before the kill.
 *
 * No fixture here: the test must own the browser process to kill it, and must start a second one
 * on the same profile. Nothing is closed politely between typing and the kill, so no pagehide,
 * visibilitychange or unmount flush can help: only what was already committed to IndexedDB survives.
 */

/** Everything typed more than this long before the kill must survive it. */
const MUST_SURVIVE_MS = 1_000;
/** The kill lands a random 0–400 ms after the last keystroke ("within a second"). */
const MAX_KILL_DELAY_MS = 400;

interface AppSession {
  readonly page: Page;
  /** SIGKILLs the app's processes; resolves with the time the signal was sent once they are gone. */
  kill(): Promise<number>;
  close(): Promise<void>;
}

interface Shell {
  newProfile(): Promise<{ dir: string; remove(): Promise<void> }>;
  /** Starts the app on this profile and shows its first screen. */
  open(profileDir: string): Promise<AppSession>;
}

test.describe('crash recovery', () => {
  test('continuous typing: everything typed over a second before a SIGKILL survives it', async () => {
    const testInfo = test.info(); // no fixtures: this test starts and kills its own browsers
    test.setTimeout(90_000);
    const shell = shellFor(testInfo);
    for (let run = 1; run <= 2; run++) await typeThenCrash(shell, testInfo, `continuous #${run}`, { durationMs: 3_000 });
  });

  test('typing, a 1.2 s pause, a final burst: the text before the pause survives a SIGKILL', async () => {
    const testInfo = test.info();
    test.setTimeout(60_000);
    const shell = shellFor(testInfo);
    const before = 12;
    const result = await typeThenCrash(shell, testInfo, 'pause then burst', { count: before + 6, pause: { beforeIndex: before, idleMs: 1_200 } });
    expect(result.saved.startsWith(result.typed.slice(0, before)), `everything typed before the pause survives: "${result.saved}"`).toBe(true);
  });
});

/**
 * What to type: keystrokes start 60–100 ms apart (start to start, as a typist's fingers do; a
 * keystroke the page is slow to take is not followed by a catch-up burst), for `durationMs` or
 * `count` keystrokes, optionally with an idle pause (from the previous keystroke's end) before one.
 */
interface TypingPlan {
  readonly durationMs?: number;
  readonly count?: number;
  readonly pause?: { readonly beforeIndex: number; readonly idleMs: number };
}

/**
 * Creates a draft, clears its statement, types as planned, kills the app a random 0–400 ms after
 * the last keystroke, reopens the profile and checks the statement.
 */
async function typeThenCrash(shell: Shell, testInfo: TestInfo, label: string, plan: TypingPlan): Promise<{ typed: string; saved: string }> {
  const profile = await shell.newProfile();
  try {
    const first = await shell.open(profile.dir);
    let typed = '';
    const typedAt: number[] = [];
    const latencies: number[] = [];
    let killedAt: number;
    let killDelayMs: number;
    try {
      const statement = await openNewDraftStatement(first.page);
      await statement.click();
      await statement.press('ControlOrMeta+A');
      await statement.press('Delete');
      await expect(statement).toHaveValue('');
      await first.page.waitForTimeout(1_500); // the empty statement is saved long before anything is typed

      let lastStart = Date.now();
      // The duration counts from the first keystroke taken, so a slow first one does not end the run.
      for (let i = 0; plan.count === undefined ? i === 0 || Date.now() - typedAt[0]! < (plan.durationMs ?? 0) : i < plan.count; i++) {
        const char = sequenceChar(i);
        if (i === plan.pause?.beforeIndex) await sleep(plan.pause.idleMs);
        else if (i > 0) await sleep(lastStart + randomBetween(60, 100) - Date.now());
        lastStart = Date.now();
        // Resolves once the page has handled the key (CDP Input.dispatchKeyEvent / insertText), so
        // the time taken after it is never earlier than the app saw the character: ages err short.
        await first.page.keyboard.type(char);
        typedAt.push(Date.now());
        latencies.push(typedAt.at(-1)! - lastStart);
        typed += char;
      }
      killDelayMs = randomBetween(0, MAX_KILL_DELAY_MS);
      await sleep(killDelayMs); // not page.waitForTimeout: nothing may touch the page any more
      killedAt = await first.kill();
    } catch (error) {
      await first.close().catch(() => undefined);
      throw error;
    }

    const second = await shell.open(profile.dir);
    let saved: string;
    try {
      const cards = second.page.getByTestId('draft-card');
      await expect(cards.first()).toBeVisible();
      await cards.first().click();
      saved = await settledValue(second.page.getByRole('textbox', { name: '承诺正文' }));
    } finally {
      await second.close();
    }

    const mustSurvive = typedAt.filter((at) => killedAt - at > MUST_SURVIVE_MS).length;
    const survived = typed.startsWith(saved) ? saved.length : 0;
    // The first character not saved is the oldest one lost: the one the one-second rule is about.
    const oldestLostAgeMs = survived < typed.length ? killedAt - typedAt[survived]! : undefined;
    const newestLostAgeMs = killedAt - typedAt.at(-1)!;
    const summary =
      (survived === saved.length ? '' : `SAVED TEXT IS NOT A PREFIX OF THE TYPED TEXT ("${saved}"). `) +
      `[${testInfo.project.name}] ${label}: typed ${typed.length} chars over ${typedAt.at(-1)! - typedAt[0]!} ms, ` +
      `the page took ${median(latencies)} ms (median) and up to ${Math.max(...latencies)} ms (keystroke #${latencies.indexOf(Math.max(...latencies)) + 1}) to take a keystroke; ` +
      `SIGKILL ${killDelayMs} ms after the last (${newestLostAgeMs} ms by the clock); ` +
      `${survived} survived, ${mustSurvive} had to (typed > ${MUST_SURVIVE_MS} ms before the kill); ` +
      (oldestLostAgeMs === undefined
        ? 'nothing lost'
        : `${typed.length - survived} lost, typed between ${oldestLostAgeMs} ms (oldest lost) and ${newestLostAgeMs} ms (newest lost) before the kill`);
    console.log(summary);
    testInfo.annotations.push({ type: 'crash-run', description: summary });
    if (Math.max(...latencies) > MUST_SURVIVE_MS) {
      // Still a valid run (the rule holds whatever the pace), but not the typing it meant to test.
      // Seen mostly on the first keystrokes: the live PDF preview of the cleared letter being drawn on
      // the main thread, much slower when the machine is busy.
      const slowest = Math.max(...latencies);
      const warning = `[${testInfo.project.name}] ${label}: the page stalled ${slowest} ms on keystroke #${latencies.indexOf(slowest) + 1}, so fewer were typed than planned`;
      console.log(warning);
      testInfo.annotations.push({ type: 'warning', description: warning });
    }

    expect(typed.startsWith(saved), `the saved statement is a prefix of what was typed.\nsaved: "${saved}"\ntyped: "${typed}"`).toBe(true);
    expect(
      saved.length,
      `every character typed more than ${MUST_SURVIVE_MS} ms before the kill survives it (the first lost one was typed ${oldestLostAgeMs} ms before).\nsaved: "${saved}"\ntyped: "${typed}"`,
    ).toBeGreaterThanOrEqual(mustSurvive);
    return { typed, saved };
  } finally {
    await profile.remove();
  }
}

async function openNewDraftStatement(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: '新建承诺书' }).click();
  await page.getByRole('dialog', { name: '选择模板' }).getByRole('button', { name: '创建' }).click();
  const statement = page.getByRole('textbox', { name: '承诺正文' });
  await expect(statement).toBeVisible();
  return statement;
}

/** The textbox's value once it has stopped changing, so a draft still loading is not read half-way. */
async function settledValue(textbox: Locator): Promise<string> {
  await expect(textbox).toBeVisible();
  let previous = await textbox.inputValue();
  for (let i = 0; i < 10; i++) {
    await textbox.page().waitForTimeout(300);
    const current = await textbox.inputValue();
    if (current === previous) return current;
    previous = current;
  }
  throw new Error(`the statement kept changing after the draft opened; last value "${previous}"`);
}

/** 甲0乙0丙0…癸0甲1乙1…: every prefix is recognisable, and a dropped or doubled character shows. */
function sequenceChar(index: number): string {
  const stems = '甲乙丙丁戊己庚辛壬癸';
  const pair = Math.floor(index / 2);
  return index % 2 === 0 ? stems[pair % 10]! : String(Math.floor(pair / 10) % 10);
}

function shellFor(testInfo: TestInfo): Shell {
  if (testInfo.project.name === 'electron') return electronShell();
  const baseURL = testInfo.project.use.baseURL;
  if (!baseURL) throw new Error(`project ${testInfo.project.name} has no baseURL`);
  return {
    newProfile: () => createProfileDir('pledge-e2e-crash-web-'),
    async open(profileDir) {
      const chromium = await launchChromium({ userDataDir: profileDir });
      try {
        await chromium.page.goto(baseURL);
      } catch (error) {
        await chromium.close();
        throw error;
      }
      return { page: chromium.page, kill: () => chromium.kill(), close: () => chromium.close() };
    },
  };
}

function electronShell(): Shell {
  const electron = findElectronBinary();
  if ('missing' in electron) test.skip(true, electron.missing);
  const executablePath = 'path' in electron ? electron.path : '';
  const main = resolve('dist/electron/main.cjs');
  if (!existsSync(main)) throw new Error('dist/electron/main.cjs is missing: run `npm run build` before the Electron specs.');
  return {
    newProfile: () => createProfileDir('pledge-e2e-crash-electron-'),
    async open(profileDir) {
      const app = await _electron.launch({ executablePath, args: [main], env: { ...process.env, PLEDGE_USER_DATA_DIR: profileDir, PLEDGE_FONT_DIRS: '' } });
      const child = app.process();
      const exited = new Promise<void>((resolveExit) => {
        if (child.exitCode !== null || child.signalCode !== null) resolveExit();
        else child.once('exit', () => resolveExit());
      });
      let page: Page;
      try {
        page = await app.firstWindow();
      } catch (error) {
        await app.close().catch(() => undefined);
        throw error;
      }
      return {
        page,
        async kill() {
          const killedAt = Date.now();
          child.kill('SIGKILL');
          // Playwright starts Electron as the leader of its own process group on POSIX: take its
          // renderer, GPU and storage helpers down in the same instant, as a power cut would.
          if (child.pid !== undefined && process.platform !== 'win32') {
            try {
              process.kill(-child.pid, 'SIGKILL');
            } catch {
              // the group is already gone
            }
          }
          await exited;
          return killedAt;
        },
        close: () => app.close(),
      };
    },
  };
}

function randomBetween(min: number, max: number): number {
  return min + Math.floor(Math.random() * (max - min + 1));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, Math.max(0, ms)));
}
