import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../core/hash/sha256-hex';
import { PledgeDatabase } from '../../../renderer/store/database';
import { createProfileStore } from '../../../renderer/store/profile-store';
import { testImage, testJpeg } from '../../node/signing/signing-fixture';
import { PDF } from '../../support/package-fixtures';

const freshStore = () => {
  const db = new PledgeDatabase('pledge-desk-profile-images', { indexedDB: new IDBFactory(), IDBKeyRange });
  return { db, store: createProfileStore(db) };
};
const NOW = new Date('2026-04-20T09:00:00+08:00');

describe('the profile images', () => {
  it('keeps a signature and a seal with their type, size in pixels and hash, one per kind', async () => {
    const { store } = freshStore();
    const signature = testImage(120, 40, [20, 20, 160]);
    const seal = await testJpeg(90, 90, [220, 30, 30]);
    expect(await store.images()).toEqual({});
    expect(await store.saveImage('signature', '签名.png', signature, NOW)).toMatchObject({ ok: true, image: { kind: 'signature', type: 'image/png', width: 120, height: 40 } });
    expect(await store.saveImage('seal', '公章.jpg', seal, NOW)).toMatchObject({ ok: true });
    const images = await store.images();
    expect(images.signature).toEqual({ kind: 'signature', name: '签名.png', type: 'image/png', size: signature.length, sha256: sha256Hex(signature), width: 120, height: 40, bytes: signature, updatedAt: NOW.getTime() });
    expect(images.seal).toMatchObject({ name: '公章.jpg', type: 'image/jpeg', width: 90, height: 90, sha256: sha256Hex(seal) });
  });

  it('replaces an image with 更换 and forgets it with 删除, leaving the other kind alone', async () => {
    const { store } = freshStore();
    await store.saveImage('signature', '旧签名.png', testImage(120, 40, [20, 20, 160]), NOW);
    await store.saveImage('seal', '公章.png', testImage(90, 90, [220, 30, 30]), NOW);
    const later = new Date(NOW.getTime() + 60_000);
    await store.saveImage('signature', '新签名.png', testImage(150, 50, [0, 0, 0]), later);
    expect((await store.images()).signature).toMatchObject({ name: '新签名.png', width: 150, updatedAt: later.getTime() });
    await store.removeImage('signature');
    expect(Object.keys(await store.images())).toEqual(['seal']);
  });

  it('refuses what signing would refuse, and keeps the image it had', async () => {
    const { store } = freshStore();
    await store.saveImage('seal', '公章.png', testImage(90, 90, [220, 30, 30]), NOW);
    expect(await store.saveImage('seal', '公章.pdf', PDF, NOW)).toEqual({ ok: false, message: '“公章.pdf”不是 PNG 或 JPEG 图片。' });
    expect(await store.saveImage('seal', '小.png', testImage(10, 10, [220, 30, 30]), NOW)).toEqual({ ok: false, message: '“小.png”只有 10×10 像素，签名图片和印章图片每边至少要 16 像素。' });
    expect((await store.images()).seal?.name).toBe('公章.png');
  });

  it('counts a stored row that no longer parses as no image', async () => {
    const { db, store } = freshStore();
    await store.saveImage('signature', '签名.png', testImage(120, 40, [20, 20, 160]), NOW);
    await db.profileImages.put({ kind: 'seal', name: '', bytes: 'not bytes' } as never);
    expect(Object.keys(await store.images())).toEqual(['signature']);
  });
});
