/** The faces the letter is set in: the official faces found on the machine, and font files the user picks. */
export const fonts = {
  'fonts.error.not-font': '{file} 不是可用的字体文件（应为 TrueType 或 OpenType 字体：.ttf、.otf、.ttc 或 .otc）。',
  'fonts.error.no-cjk': '{file} 中没有常用汉字（如“承诺书”）的字形，不能用来排印承诺书。',
} as const;
