// Runs the browser's figure parser against the shared vectors: node run-figure-vectors.js <figure-numbers.js> <vectors.json>.
// Prints each failing vector and exits 1 if any fails (called by ParIndex.Core.Tests).
const f = require(process.argv[2]); const v = require(process.argv[3]).vectors; let bad = 0;
for (const c of v) { const r = c.kind === 'score' ? f.readScore(c.input) : f.read(c.input, c.kind); const why = [];
  if (c.error) { if (r.ok || r.error !== c.error) why.push('error ' + (r.ok ? r.canonical : r.error)); if (c.message && r.message !== c.message) why.push('message ' + r.message); }
  else { if (!r.ok) why.push('refused ' + r.error); else { if (r.canonical !== c.value) why.push('value ' + r.canonical); if (c.display && r.display !== c.display) why.push('display ' + r.display); } }
  if (why.length) { bad++; console.log(JSON.stringify(c.input), c.kind, why.join('; ')); } }
console.log(v.length + ' vectors, ' + bad + ' failed'); process.exit(bad ? 1 : 0);
