// GET /statement-files/:policyId?format=xlsx|html|pdf: payee statements (对账单) of a policy's
// posted lines as a file to download — one payee, a range of months, replayed `asOf` a date —
// rendered as `ratecard statement --out` renders them (cli/formats). The store keeps payee ids
// only: POST the same fields as JSON with the `payees` table to name the payees and show their
// attributes. Read-only, like the other statement routes; 404 when the policy has no runs, 503
// without a store.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RatecardError, type TableSource } from '../../engine/index.js';
import { payeesOfTable } from '../../cli/formats/payee-table.js';
import { renderPayeeStatements, type PayeeStatementFormat } from '../../cli/formats/payee-statement-file.js';
import type { StatementLanguage } from '../../cli/formats/payee-statement.js';
import { postedPolicy, readStoreStatement, replayEnd, storeStatementInput } from '../../cli/formats/store-statement.js';
import type { RouteContext } from '../context.js';
import { RequestError } from '../errors.js';
import { ref, responses } from '../schemas/common.js';
import { statementParams, statementQuery } from '../schemas/store.js';
import { bookOf, notFound } from '../store-routes.js';

const TYPES: Record<PayeeStatementFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

const { payee, from, to } = statementQuery.properties;
const query = {
  type: 'object',
  additionalProperties: false,
  required: ['format'],
  properties: {
    format: { enum: ['xlsx', 'html', 'pdf'], description: 'The file: an Excel workbook, an HTML page, or a PDF (printed by Chromium).' },
    payee, from, to,
    asOf: { type: 'string', minLength: 1, maxLength: 40, description: 'Replay: the statement as it stood at the end of this day (`YYYY-MM-DD`, UTC) or at this ISO 8601 time — the runs started by then.' },
    lang: { enum: ['zh-CN', 'en'], description: 'The explanations: 简体中文 (default) or English.' },
    sheetRows: { type: 'integer', minimum: 1, description: 'xlsx: most rows on one sheet (default Excel\'s 1,048,576); longer statements continue on the next sheet.' },
  },
} as const;

const body = {
  ...query,
  description: 'The query\'s fields, and the payees table the runs were settled with (payee_id, name, channel_type and attributes).',
  properties: { ...query.properties, payees: ref('table') },
} as const;

const answered = { ...responses('', [404, 422, 503]), 200: { description: 'The statements file (content-disposition names it)', content: Object.fromEntries(Object.values(TYPES).map((t) => [t, { schema: { type: 'string', format: 'binary' } }])) } };

interface Query { format: PayeeStatementFormat; payee?: string; from?: string; to?: string; asOf?: string; lang?: StatementLanguage; sheetRows?: number }

const fileName = (policyId: string, q: Query) =>
  [policyId, q.payee, q.from, q.to, q.asOf && `as-of-${q.asOf}`].filter(Boolean).join('_').replace(/[^A-Za-z0-9._-]/g, '_') + `.${q.format}`;

export async function statementFileRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const answer = async (policyId: string, q: Query & { payees?: TableSource }, part: 'query' | 'body', reply: FastifyReply) => {
    if (q.asOf !== undefined) {
      try { replayEnd(q.asOf, 'asOf', part); } catch (e) {
        if (e instanceof RatecardError) throw new RequestError(400, 'bad request', e.diagnostics);
        throw e;
      }
    }
    const book = bookOf(ctx);
    if (!(await book.listRuns({ policyId })).length) throw notFound('policyId', `no runs of policy \`${policyId}\` in the store`);
    const statement = await readStoreStatement(book, { policyId, payeeId: q.payee, from: q.from, to: q.to, asOf: q.asOf });
    // the bundled policy labels the statements when it is the text that was run
    const bundled = join(ctx.policiesDir, `${policyId}.yaml`);
    const policy = existsSync(bundled) ? postedPolicy(policyId, statement.runs, [{ file: `policies/${policyId}.yaml`, text: readFileSync(bundled, 'utf8') }]) : undefined;
    const name = fileName(policyId, q);
    const file = await renderPayeeStatements(q.format, storeStatementInput(policyId, statement, q.payees ? payeesOfTable(q.payees) : [], q.lang, policy), { out: name, chromium: process.env.RATECARD_CHROMIUM }, { maxRows: q.sheetRows });
    return reply.type(TYPES[q.format]).header('content-disposition', `attachment; filename="${name}"`).send(typeof file === 'string' ? file : Buffer.from(file));
  };

  app.get<{ Params: { policyId: string }; Querystring: Query }>('/statement-files/:policyId', {
    schema: {
      summary: 'Payee statements (对账单) of the posted lines as xlsx, HTML or PDF, optionally as they stood at a date',
      tags: ['statements'], params: statementParams, querystring: query,
      response: answered,
    },
  }, async (request, reply) => answer(request.params.policyId, request.query, 'query', reply));

  app.post<{ Params: { policyId: string }; Body: Query & { payees?: TableSource } }>('/statement-files/:policyId', {
    schema: {
      summary: 'Payee statements (对账单) of the posted lines, with the payees named from the payees table given',
      tags: ['statements'], params: statementParams, body,
      response: answered,
    },
  }, async (request, reply) => answer(request.params.policyId, request.body, 'body', reply));
}
