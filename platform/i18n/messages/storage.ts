/** The platform's messages for the storage engines and their migrations. Placeholders are written `{name}`. */
export const storageMessages = {
  'platform.storage.unreachable': '无法打开数据库 {url}：{detail}。请核对 --database 给出的地址、用户和密码，并确认 PostgreSQL 服务器正在运行。',
  'platform.storage.migrationFailed': '数据库 {url} 的表结构升级失败：{detail}。数据库保持升级前的状态，请把这条信息交给技术支持。',
  'platform.storage.unsupportedDatabase': '--database 只接受 PostgreSQL 的连接地址（如 postgres://pledge@127.0.0.1:5432/pledge），不能使用 {url}。不给 --database 时，平台使用数据目录中的 SQLite 数据库。',
} as const;
