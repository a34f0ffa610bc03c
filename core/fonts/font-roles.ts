/**
 * What text a face is chosen for. GB/T 9704 and every 公文 template name the same four: the title
 * in 小标宋, the body in 仿宋, `一、` headings in 黑体 and `（一）` headings in 楷体.
 */
export const FONT_ROLES = ['title', 'body', 'heading', 'subheading'] as const;

export type FontRole = (typeof FONT_ROLES)[number];

/**
 * The installed faces each role looks for, best first, by any of their family names (the name
 * table's Chinese or English family, typographic or legacy). Windows names its files simfang.ttf,
 * simhei.ttf, simkai.ttf; macOS ships the 华文 (ST) faces; UOS ships the CESI (中国电子技术标准化研究院)
 * faces in GB2312, GB13000 and GB18030 builds; Kylin carries the Windows families.
 */
/** UOS's CESI faces by their Chinese and English families, the GB2312 build first. */
function cesi(chinese: string, code: string): string[] {
  return ['GB2312', 'GB13000', 'GB18030'].flatMap((set) => [`CESI${chinese}-${set}`, `CESI_${code}_${set}`]);
}

export const OFFICIAL_FAMILIES: Readonly<Record<FontRole, readonly string[]>> = {
  title: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05', '方正小标宋', ...cesi('小标宋', 'XBS')],
  body: ['仿宋_GB2312', 'FangSong_GB2312', ...cesi('仿宋', 'FS'), '仿宋', 'FangSong', '华文仿宋', 'STFangsong'],
  heading: ['黑体', 'SimHei', ...cesi('黑体', 'HT'), '华文黑体', 'STHeiti', '黑体-简', 'Heiti SC'],
  subheading: ['楷体_GB2312', 'KaiTi_GB2312', ...cesi('楷体', 'KT'), '楷体', 'KaiTi', '华文楷体', 'STKaiti', '楷体-简', 'Kaiti SC'],
};
