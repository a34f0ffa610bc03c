/** The platform's messages for signed receipts and the platform's identity. Placeholders are written `{name}`. */
export const receiptMessages = {
  'platform.identity.usage':
    '用法：\n  npm run platform -- identity set --data <目录> --name <承诺受理单位全称> --code <统一社会信用代码> --region <6 位行政区划代码>\n  npm run platform -- identity show --data <目录>',
  'platform.identity.nameMissing': '承诺受理单位名称（--name）不能为空，请填写本信用办的全称。',
  'platform.identity.nameTooLong': '承诺受理单位名称（--name）超过 {max} 个字，请核对。',
  'platform.identity.codeMissing': '统一社会信用代码（--code）不能为空，请填写本信用办的 18 位统一社会信用代码。',
  'platform.identity.regionMissing': '行政区划代码（--region）不能为空，请填写受理地的 6 位行政区划代码。',
  'platform.identity.regionShape': '行政区划代码（--region）应为 6 位数字，现为“{region}”。',
  'platform.identity.regionProvince': '行政区划代码（--region）“{region}”的前两位不是任何省级行政区的代码，请按 GB/T 2260 核对。',
  'platform.identity.fileUnreadable': '平台身份文件 {file} 无法读取或内容有误，请用 identity set 重新设置。',
  'platform.identity.saved': '已保存平台身份。',
  'platform.identity.show': '承诺受理单位：{name}\n统一社会信用代码：{creditCode}\n行政区划代码：{regionCode}\n回执签名公钥指纹：{keyId}',
  'platform.identity.notSet':
    '尚未设置平台身份（承诺受理单位、统一社会信用代码、行政区划代码），平台不能签发回执。请先运行：\n  npm run platform -- identity set --data {data} --name <承诺受理单位全称> --code <统一社会信用代码> --region <6 位行政区划代码>',
  'platform.identity.trialName': '试用平台（未设置承诺受理单位，回执仅供试用）',
  'platform.identity.trialBanner': '试用模式下尚未设置平台身份：回执以“{name}”的名义签发，承诺编码以 000000 开头，均不具效力。',
  'platform.receipts.keyUnreadable': '回执签名密钥文件 {file} 无法读取或不是 Ed25519 私钥。请从备份恢复它；如确需换用新密钥，移走该文件后重启平台，并通知各单位核对新的公钥指纹。',
} as const;
