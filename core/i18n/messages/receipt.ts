/** The printed receipt of a delivered submission, and the Beijing time it and the outbox show. */
export const receipt = {
  'pdf.receipt.title': '政务诚信承诺书报送回执单',
  'pdf.receipt.subject': '{year}年度政务诚信承诺书报送回执单',
  'pdf.receipt.unit': '报送单位',
  'pdf.receipt.credit-code': '统一社会信用代码',
  'pdf.receipt.year': '承诺年度',
  'pdf.receipt.year-value': '{year}年度',
  'pdf.receipt.submission-id': '提交编号',
  'pdf.receipt.supersedes': '所更正的提交编号',
  'pdf.receipt.commitment-code': '承诺编码',
  'pdf.receipt.receipt-id': '回执编号',
  'pdf.receipt.received-at': '平台收到时间',
  'pdf.receipt.sha256': '报送包 SHA-256',
  'pdf.receipt.separator': '：',
  'pdf.receipt.note': '本回执单依据市信用平台返回的回执生成。报送包的 SHA-256 可与本单位留存的报送包核对；承诺书以报送包内经批准的 PDF 为准。',
  'time.beijing': '{year}年{month}月{day}日 {time}（北京时间）',
} as const;
