/** Signing the approved PDF with a digital certificate (`pledge sign`). */
export const signing = {
  'signing.missing-pdf': '请指定要签章的 PDF，例如：pledge sign letter.pdf --p12 cert.p12 --signature-image signature.png -o signed.pdf',
  'signing.missing-output': '请用 -o 指定签章后的 PDF 文件，例如：pledge sign letter.pdf --p12 cert.p12 --signature-image signature.png -o signed.pdf',
  'signing.missing-p12': '请用 --p12 指定数字证书文件（.p12 或 .pfx），例如：pledge sign letter.pdf --p12 cert.p12 --signature-image signature.png -o signed.pdf',
  'signing.missing-password': '请用 --password 或环境变量 PLEDGE_P12_PASSWORD 提供证书密码。',
  'signing.missing-signature-image': '请用 --signature-image 指定签名图片（PNG 或 JPEG），签章后显示在签名处。',
  'signing.signed': '已签章：{file}（签名人：{name}）。',
  'signing.error.p12-unreadable': '{file} 不是可用的数字证书文件（应为 PKCS#12 格式的 .p12 或 .pfx）。',
  'signing.error.p12-password': '证书密码不正确，无法打开 {file}。',
  'signing.error.p12-no-key': '{file} 中没有可用于签名的 RSA 私钥及其证书。',
  'signing.error.not-pdf': '{file} 不是可以读取的 PDF。',
  'signing.error.no-empty-field': '{file} 中没有空白的签名域：它不是本软件生成的承诺书，或已经签过章。',
  'signing.error.image-unreadable': '签名图片或印章图片无法读取，请使用 PNG 或 JPEG 格式的图片。',
  'signing.error.signature-too-large': '证书链过大，签名放不进签名域。',
} as const;
