/** The platform's messages for progress reports (`pledge-progress-package/1`). Placeholders are written `{name}`. */
export const progressMessages = {
  'platform.progress.otherUnit': '进展报告属于统一社会信用代码为 {code} 的单位，而本访问令牌属于 {own}，平台拒收。请用本单位的访问令牌报送本单位的进展报告。',
  'platform.progress.letterUnknown': '进展报告所报的承诺书（报送编号 {id}）不在平台已收到的承诺书中，未接收。请先报送这份承诺书，送达后再报送它的进展报告。',
  'platform.progress.letterOfOtherUnit': '进展报告所报的承诺书（报送编号 {id}）不是本单位（统一社会信用代码 {own}）报送的，平台拒收。请核对进展报告所依据的承诺书报送包。',
  'platform.progress.yearMismatch': '进展报告的年度（{year} 年）与所报承诺书的承诺年度（{expected} 年）不一致，未接收。',
} as const;
