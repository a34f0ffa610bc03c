/** The unit's details (单位信息), filled in once for every new letter. */
export const profile = {
  'ui.profile.open': '单位信息',
  'ui.profile.title': '单位信息',
  'ui.profile.explain': '本单位的信息只需填写一次：之后新建的每一份承诺书（单位承诺书和个人承诺书）都会自动填入，不必再替换模板中的示例单位。',
  'ui.profile.saved': '已自动保存',
  'ui.profile.complete': '单位信息完整，新建承诺书时将自动填入。',
  'ui.profile.incomplete': '还有 {count} 处需要填写或修改。',
  'ui.profile.missing': '还没有填写单位信息：新建的承诺书会带着模板中的示例单位、负责人、电话和邮箱，需要逐项替换。',
  'ui.profile.fill': '填写单位信息',
  'ui.profile.will-apply': '将自动填入单位信息：{name}。',
} as const;
