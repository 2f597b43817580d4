import { runJob } from '../src/core/job';
import { defaultTemplate } from '../src/core/template/default-template';
import { makeCase } from './support';
const t = defaultTemplate();
const n = Number(process.argv[2] ?? 1000);
const c = makeCase(t, n);
for (let i = 0; i < Number(process.argv[3] ?? 3); i++) { const s = performance.now(); runJob(t, c.inputs, { units: c.units }); console.log(n, (performance.now() - s).toFixed(1)); }
