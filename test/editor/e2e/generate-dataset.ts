// A large rural-contract dataset for timing the preview: `payees` payees × `months` months of
// deterministic pseudo-random facts.
export function generateRuralDataset(payees: number, months: number): { payees: string; facts: string } {
  let seed = 20250101;
  const next = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
  const payeeRows = ['payee_id,name,channel_type,region,parent_id'];
  const factRows = ['period,payee_id,revenue_plan,revenue_actual,billed_lines,new_lines,new_broadband,installs,fees_due,fees_collected,arrears_bought_out'];
  for (let p = 1; p <= payees; p++) {
    const id = `G${String(p).padStart(5, '0')}`;
    payeeRows.push(`${id},Generated point ${p},rural_contract,region-${p % 7},county-${p % 50}`);
    for (let m = 1; m <= months; m++) {
      const plan = 50000 + next(40000);
      const actual = Math.round(plan * (0.8 + next(400) / 1000) * 100) / 100;
      const due = 30000 + next(50000);
      const collected = Math.round(due * (0.95 + next(60) / 1000) * 100) / 100;
      factRows.push(`2025-${String(m).padStart(2, '0')},${id},${plan},${actual.toFixed(2)},${2000 + next(2000)},${next(60)},${next(20)},${next(40)},${due},${collected.toFixed(2)},${next(2000)}`);
    }
  }
  return { payees: payeeRows.join('\n') + '\n', facts: factRows.join('\n') + '\n' };
}
