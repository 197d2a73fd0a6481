// V8 keeps the hidden class ("map") of objects a constructor makes only while one such object
// lives: the maps reached by adding fields are held weakly. When a settle ends and every ledger
// entry, withheld item and sink of its payees dies, the next full collection frees their maps
// and deoptimizes every function optimized against them — the month loop, the generated month
// function, the withheld items' code — so each settle ran its first payees unoptimized and
// compiled them again. One sample of each shape lives as long as the engine does.
const samples: object[] = [];

/** Keeps `sample` (an object of a shape the month loop makes) alive for good; returns it. */
export function keepShape<T extends object>(sample: T): T {
  samples.push(sample);
  return sample;
}
