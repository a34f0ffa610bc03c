import { describe, expect, it } from 'vitest';
import { chooseOfficialFaces, displayFamily, type FaceCandidate } from '../../../core/fonts/choose-official-faces';

const face = (path: string, families: string[], index = 0): FaceCandidate => ({ path, index, families });

describe('chooseOfficialFaces', () => {
  it('takes 仿宋_GB2312 over 仿宋 for the body, found by its Chinese or by its English family', () => {
    const fangsong = face('C:/Windows/Fonts/simfang.ttf', ['FangSong', '仿宋']);
    expect(chooseOfficialFaces([fangsong, face('C:/Windows/Fonts/fs_gb2312.ttf', ['仿宋_GB2312'])]).body?.path).toBe('C:/Windows/Fonts/fs_gb2312.ttf');
    expect(chooseOfficialFaces([face('/a/FangSong_GB2312.ttf', ['FangSong_GB2312']), fangsong]).body?.path).toBe('/a/FangSong_GB2312.ttf');
    expect(chooseOfficialFaces([fangsong]).body).toBe(fangsong);
  });

  it('finds the CESI faces of UOS, the GB2312 build before the GB18030 one, after 仿宋_GB2312 and before 仿宋', () => {
    const cesi = (file: string, families: string[]) => face(`/usr/share/fonts/fonts-cesi/${file}`, families);
    const fs18030 = cesi('CESI_FS_GB18030.TTF', ['CESI_FS_GB18030', 'CESI仿宋-GB18030']);
    const fs2312 = cesi('CESI_FS_GB2312.TTF', ['CESI_FS_GB2312', 'CESI仿宋-GB2312']);
    const chosen = chooseOfficialFaces([fs18030, fs2312, cesi('CESI_XBS_GB2312.TTF', ['CESI小标宋-GB2312']), cesi('CESI_KT_GB13000.TTF', ['CESI_KT_GB13000'])]);
    expect(chosen.body).toBe(fs2312);
    expect(chosen.title?.path).toMatch(/XBS/);
    expect(chosen.subheading?.path).toMatch(/KT_GB13000/);
    const fangsong = face('/usr/share/fonts/simfang.ttf', ['FangSong']);
    expect(chooseOfficialFaces([fangsong, fs2312]).body).toBe(fs2312);
    expect(chooseOfficialFaces([fangsong, fs2312, face('/w/FangSong_GB2312.ttf', ['FangSong_GB2312'])]).body?.path).toBe('/w/FangSong_GB2312.ttf');
  });

  it('compares family names without regard to letter case or surrounding spaces', () => {
    const chosen = chooseOfficialFaces([face('/f/simhei.ttf', [' simhei ']), face('/f/kaiti.ttf', ['KAITI_gb2312'])]);
    expect(chosen.heading?.path).toBe('/f/simhei.ttf');
    expect(chosen.subheading?.path).toBe('/f/kaiti.ttf');
  });

  it('picks each role from the faces of a collection and leaves a role without official face empty', () => {
    const songti = face('/System/Library/Fonts/Supplemental/Songti.ttc', ['STSong', '华文宋体'], 0);
    const fangsong = face('/System/Library/Fonts/Supplemental/Songti.ttc', ['STFangsong', '华文仿宋'], 3);
    const kaiti = face('/System/Library/AssetsV2/x/Kaiti.ttc', ['Kaiti SC', '楷体-简'], 1);
    expect(chooseOfficialFaces([songti, fangsong, kaiti])).toEqual({ title: null, body: fangsong, heading: null, subheading: kaiti });
    expect(chooseOfficialFaces([])).toEqual({ title: null, body: null, heading: null, subheading: null });
  });

  it('decides between two files of the same family by path, then index, whatever order the folders listed them in', () => {
    const faces = [face('/usr/share/fonts/z/simhei.ttf', ['SimHei']), face('/usr/share/fonts/a/simhei.ttf', ['黑体'], 2), face('/usr/share/fonts/a/simhei.ttf', ['黑体'], 1)];
    const expected = faces[2];
    expect(chooseOfficialFaces(faces).heading).toBe(expected);
    expect(chooseOfficialFaces([...faces].reverse()).heading).toBe(expected);
  });

  it('prefers a better family over a smaller path', () => {
    const faces = [face('/a/kaiti.ttf', ['KaiTi']), face('/b/kaiti_gb2312.ttf', ['楷体_GB2312'])];
    expect(chooseOfficialFaces(faces).subheading?.path).toBe('/b/kaiti_gb2312.ttf');
  });
});

describe('displayFamily', () => {
  it('shows the Chinese family where the font has one, else the first', () => {
    expect(displayFamily(['FangSong_GB2312', '仿宋_GB2312'])).toBe('仿宋_GB2312');
    expect(displayFamily(['Noto Serif SC'])).toBe('Noto Serif SC');
    expect(displayFamily([])).toBe('');
  });
});
