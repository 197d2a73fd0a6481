// A policy that ranks branches by growth then revenue (desc), and by revenue alone (asc),
// paying each place as its amount: what the ranking tests read.
export const POLICY = `id: ranking
name: Ranking
version: 1
applies_to: { channel_type: [private_line_branch] }
facts:
  revenue: { type: money }
  last_year: { type: money }
metrics:
  growth: revenue / last_year - 1
  position: { rank: { by: [{ metric: growth, order: desc }, { metric: revenue, order: desc }] } }
  lowest: { rank: { by: [{ metric: revenue, order: asc }] } }
rules:
  - { id: position_bonus, kind: bonus, amount: position }
  - { id: lowest_bonus, kind: bonus, amount: lowest }
`;
