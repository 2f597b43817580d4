/** `--annotate DIR`: a marked-up copy of each return with findings, to send back to the unit. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { cellMarks, returnFindingsSheet } from '../core/validate/cell-marks';
import type { UnitReturn } from '../core/validate/unit-return';
import { openWorkbookForEditing, writeFileSafely } from './files';

/** Districts often send the same file name ("bao-cao.xlsx"): number the later copies. */
function freeName(name: string, taken: Set<string>): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

export async function writeAnnotatedCopies(returns: readonly UnitReturn[], dir: string, inputs: readonly string[]): Promise<string[]> {
  const written: string[] = [];
  const taken = new Set<string>();
  for (const r of returns) {
    const shown = r.findings.filter((f) => f.severity !== 'info');
    if (!r.reading || shown.length === 0) continue;
    const wb = await openWorkbookForEditing(r.file);
    await wb.markCells(cellMarks(shown));
    await wb.writeSheets([returnFindingsSheet(shown)]);
    const target = path.join(dir, freeName(path.basename(r.file), taken));
    await writeFileSafely(target, await wb.toBytes(), inputs);
    written.push(target);
  }
  await fs.mkdir(dir, { recursive: true });
  return written;
}
