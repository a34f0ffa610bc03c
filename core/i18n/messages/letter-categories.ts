/** The kinds of commitment a letter makes (its items' categories) and the personal template. */
export const letterCategories = {
  'category.key-task': '重点目标任务兑现承诺',
  'category.policy': '惠企利民政策兑现承诺',
  'category.contract': '合同履约兑现承诺',
  'category.service': '政务服务事项承诺',
  'category.duty': '履职尽责承诺',
  'template.person': '公职人员个人履职尽责承诺',
} as const;
