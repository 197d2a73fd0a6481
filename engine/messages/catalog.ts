// The engine's message catalog: every code with its English and 简体中文 templates. English
// reproduces the engine's messages byte for byte; a test checks both languages are complete.
import { compileMessages } from './catalog/compile.js';
import { dataMessages } from './catalog/data.js';
import { expressionMessages } from './catalog/expression.js';
import { paramMessages } from './catalog/params.js';
import { policyMessages } from './catalog/policy.js';
import { reportMessages } from './catalog/report.js';
import { settleMessages } from './catalog/settle.js';
import { traceMessages } from './catalog/trace.js';

export const catalog = {
  ...compileMessages,
  ...dataMessages,
  ...expressionMessages,
  ...paramMessages,
  ...policyMessages,
  ...reportMessages,
  ...settleMessages,
  ...traceMessages,
};

export type Code = keyof typeof catalog;
