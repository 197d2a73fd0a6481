// Every operation of the OpenAPI document gets an operationId made from its method and path
// (`GET /statements/{policyId}.csv` → `getStatementsByPolicyIdCsv`), unique because method and path
// are, unless its route names one itself.
const word = (part: string) => part.charAt(0).toUpperCase() + part.slice(1);

export function operationIdOf(method: string, url: string): string {
  // Fastify's `:name` or OpenAPI's `{name}` for a path parameter
  const parts = url.split(/[/.\-_]+/).filter(Boolean).map((p) => (/^(:.+|\{.+\})$/.test(p) ? `By${word(p.replace(/^[:{]|\}$/g, ''))}` : word(p)));
  return method.toLowerCase() + parts.join('');
}
