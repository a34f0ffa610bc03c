import { describe, expect, it } from 'vitest';
import { registerFlusher, rescueWritesInFlight, settleAllSaves, trackWrite } from '../../../renderer/app/pending-saves';

describe('pending saves', () => {
  it('flushes every registered editor and waits for every write, including ones a flush starts', async () => {
    const written: string[] = [];
    const slowWrite = (text: string, ms: number) => trackWrite(new Promise<void>((resolve) => setTimeout(() => (written.push(text), resolve()), ms)));
    void slowWrite('in flight', 20);
    const unregister = registerFlusher(() => void slowWrite('flushed edit', 10));
    await settleAllSaves();
    expect(written.sort()).toEqual(['flushed edit', 'in flight']);
    unregister();
  });

  it('does not hang on a failed write', async () => {
    void trackWrite(Promise.reject(new Error('quota exceeded'))).catch(() => undefined);
    await expect(settleAllSaves()).resolves.toBeUndefined();
  });

  it('forgets an editor that was closed', async () => {
    let flushed = 0;
    registerFlusher(() => (flushed += 1))();
    await settleAllSaves();
    expect(flushed).toBe(0);
  });
});

describe('rescueWritesInFlight', () => {
  it('re-issues only the writes that have not settled', async () => {
    const rescued: string[] = [];
    let finish = () => undefined as unknown;
    const slow = new Promise<void>((resolve) => (finish = resolve));
    void trackWrite(slow, () => rescued.push('slow'));
    await trackWrite(Promise.resolve(), () => rescued.push('done'));
    await Promise.resolve();
    rescueWritesInFlight();
    expect(rescued).toEqual(['slow']);
    finish();
    await settleAllSaves();
  });
});
