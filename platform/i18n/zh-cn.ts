/**
 * The reference receiving platform's own messages: its refusals (sent back in a problem body, which
 * the desktop shows as the reason) and its command line. Refusals both sides give, such as a package
 * that fails core/package/verify-package, stay in core's catalogue.
 * Placeholders are written `{name}` and filled by `t` (./translate).
 */
export const platformZhCN = {
  'platform.error.supersedesItself': '报送包声明替代它自己，清单有误，未接收。',
  'platform.error.alreadySuperseded': '提交 {id} 已被提交 {by} 替代，不能再被另一份更正替代。请以最新的一份为准重新制作更正。',
  'platform.error.unauthorized': '访问令牌缺失或不正确，请在设置中核对报送平台的访问令牌。',
  'platform.error.tooLarge': '报送包超过平台允许的大小（{max} 字节），请压缩签章扫描件后重新生成报送包。',
  'platform.error.missingMetadata': '上传请求缺少“{key}”信息，请使用本软件重新报送。',
  'platform.error.badMetadata': '上传请求中的“{key}”格式不正确，请使用本软件重新报送。',
  'platform.error.lengthRequired': '上传请求必须事先声明报送包大小，请使用本软件重新报送。',
  'platform.error.hashMismatch': '平台收到的报送包 SHA-256 校验值与上传时声明的不符，文件可能在传输中损坏，请重新报送。',
  'platform.error.submissionMismatch': '报送包清单中的报送编号（{manifest}）与上传时声明的报送编号（{claimed}）不一致。',
  'platform.error.conflict': '报送编号 {id} 已于 {receivedAt} 收到内容不同的报送包，同一报送编号只能报送一次。如需更正，请生成新的更正报送包。',
  'platform.error.notFound': '平台上没有报送编号为 {id} 的报送记录。',
  'platform.error.uploadNotFound': '平台上没有这次上传的记录（可能已经完成或已过期），请查询回执，或重新报送。',
  'platform.error.badRequest': '平台无法处理该请求：{detail}',
  'platform.error.server': '报送平台内部出错，请稍后重试。',
  'platform.error.operatorSubmits': '市信用办的管理令牌只能查看报送情况，不能报送承诺书，请使用本单位的访问令牌。',
  'platform.error.otherUnit': '报送包属于统一社会信用代码为 {code} 的单位，而本访问令牌属于 {own}，平台拒收。请用本单位的访问令牌报送本单位的承诺书。',
  'platform.error.idOfOtherUnit': '报送编号 {id} 不能用于本单位的报送，请重新生成报送包。',
  'platform.error.supersedesUnknown': '报送包要更正的提交 {id} 不在本单位已送达平台的提交中，未接收。请先报送原提交，送达后再报送更正。',
  'platform.error.tooManyUploads': '本单位未完成的上传已达上限（{count} 个或 {bytes} 字节），请等已开始的报送完成后再试。',
  'platform.error.insufficientStorage': '报送平台存储空间不足，暂时不能接收报送包，请稍后重试。',
  'platform.cli.usage': '用法：\n  npm run platform -- [serve] --data <目录> [--port <端口>] [--host <地址>] [--max-bytes <字节数>] [--open]\n  npm run platform -- token issue --data <目录> --unit <统一社会信用代码> [--name <单位全称>]\n  npm run platform -- token issue --data <目录> --operator [--name <姓名>]\n  npm run platform -- token list --data <目录>\n  npm run platform -- token revoke <编号> --data <目录>',
  'platform.cli.listening': '报送平台（pledge-sync/1）已启动：{url}（数据目录：{data}）',
  'platform.cli.open': '警告：试用模式（--open）不检查访问令牌，任何能连到 {url} 的人都能报送任何单位的承诺书并查看全部提交。仅供本机试用！',
  'platform.cli.openBeyondLoopback': '试用模式（--open）只能绑定本机回环地址（127.0.0.1、::1 或 localhost），不能与 --host {host} 同用。',
  'platform.cli.noCredentials': '提示：尚未签发任何访问令牌，所有报送都会被拒绝。请用 npm run platform -- token issue --data {data} --unit <统一社会信用代码> 为单位签发令牌。',
  'platform.cli.issued': '已签发{kind}访问令牌（编号 {id}）。令牌只显示这一次，平台只保存它的 SHA-256 摘要；请通过安全渠道交给使用者。',
  'platform.cli.kind.unit': '单位',
  'platform.cli.kind.operator': '市信用办管理',
  'platform.cli.listHeader': '编号\t类型\t统一社会信用代码\t名称\t签发时间\t吊销时间',
  'platform.cli.revoked': '已吊销编号为 {id} 的访问令牌，持有者从现在起无法再访问平台。',
  'platform.cli.notRevoked': '没有编号为 {id} 的有效访问令牌（不存在或已吊销）。',
} as const;

export type PlatformMessageKey = keyof typeof platformZhCN;
