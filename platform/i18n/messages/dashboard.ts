/** The platform's messages for the operator's dashboard and coverage. Placeholders are written `{name}`. */
export const dashboardMessages = {
  'platform.error.operatorOnly': '只有市信用办的管理令牌可以查看报送情况，单位的访问令牌不能查看。',
  'platform.error.badYear': '年度“{value}”不正确，请写 4 位数字的年份，例如 2026。',
} as const;
