// The approval panel's words in both languages (zh-CN first; the same keys in each, by type).
import type { Language } from '../i18n/i18n.js';

const zhCN = {
  title: '审批',
  notRegistered: '此版本尚未提交审批。',
  'state.draft': '草稿',
  'state.submitted': '待审批',
  'state.approved': '已批准',
  'state.rejected': '已驳回',
  'state.withdrawn': '已撤回',
  stateOf: '{policy} 版本 {version}：{state}',
  effectiveFrom: '生效账期',
  fromStart: '自始生效',
  changedSinceSubmitted: '编辑器中的文本与已提交的版本不同：请改用新的版本号再提交。',
  unsaved: '请先保存，再提交审批。',
  needsData: '请先选择数据集：提交时要用它测算影响。',
  name: '您的姓名',
  why: '说明',
  submit: '提交审批',
  submitted: '已提交 {policy}@{version}，等待他人审批。',
  queue: '待审批队列',
  queueEmpty: '没有待审批的版本。',
  submittedBy: '提交人',
  impact: '影响（{from} 至 {to}）',
  payeesChanged: '{count} 个渠道金额变化',
  approve: '批准',
  reject: '驳回',
  approveVersion: '批准 {policy}@{version}',
  rejectVersion: '驳回 {policy}@{version}',
  decided: '{policy}@{version} {state}（{by}）',
  history: '流转记录',
};

const en: Record<keyof typeof zhCN, string> = {
  title: 'Approval',
  notRegistered: 'This version has not been submitted for approval.',
  'state.draft': 'draft',
  'state.submitted': 'submitted',
  'state.approved': 'approved',
  'state.rejected': 'rejected',
  'state.withdrawn': 'withdrawn',
  stateOf: '{policy} version {version}: {state}',
  effectiveFrom: 'In force from',
  fromStart: 'from the start',
  changedSinceSubmitted: 'The text in the editor differs from the version submitted: give it a new version number to submit it.',
  unsaved: 'Save first, then submit for approval.',
  needsData: 'Pick a dataset first: the submission measures its impact on it.',
  name: 'Your name',
  why: 'Reason',
  submit: 'Submit for approval',
  submitted: 'Submitted {policy}@{version}; waiting for someone else to approve it.',
  queue: 'Queue of submissions',
  queueEmpty: 'No version waits for approval.',
  submittedBy: 'Submitted by',
  impact: 'Impact ({from} to {to})',
  payeesChanged: '{count} payees paid differently',
  approve: 'Approve',
  reject: 'Reject',
  approveVersion: 'Approve {policy}@{version}',
  rejectVersion: 'Reject {policy}@{version}',
  decided: '{policy}@{version} {state} ({by})',
  history: 'Transitions',
};

export type ApprovalKey = keyof typeof zhCN;
export const APPROVAL_TEXT: Record<Language, Record<ApprovalKey, string>> = { 'zh-CN': zhCN, en };

export function approvalTranslator(language: Language) {
  const dict = APPROVAL_TEXT[language];
  return (key: ApprovalKey, vars: Record<string, string | number> = {}) => dict[key].replace(/\{(\w+)\}/g, (m, n: string) => (n in vars ? String(vars[n]) : m));
}
