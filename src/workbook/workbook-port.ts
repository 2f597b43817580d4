/**
 * The one interface through which the CLI and the task pane reach a workbook.
 * Implementations: ExcelJS over file bytes (CLI, browser mode) and Office.js inside Excel.
 * Reads and writes are batched per call so that the Office.js side can sync once per phase.
 */
import type { SheetSnapshot } from '../core/grid/sheet';
import type { SheetSpec } from '../core/grid/sheet-spec';
import type { WorkbookMeta } from '../core/form/metadata';
import type { CellMark } from '../core/validate/cell-marks';

export interface SheetInfo {
  name: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
}

export interface WorkbookPort {
  listSheets(): Promise<SheetInfo[]>;
  /** Values, formulas, fonts and hidden rows of the named sheets (all sheets when omitted). */
  readSheets(names?: string[]): Promise<SheetSnapshot[]>;
  /** Creates or replaces each sheet. */
  writeSheets(specs: SheetSpec[]): Promise<void>;
  /** The hidden metadata (template, period, unit), or null when the workbook has none. */
  readMetadata(): Promise<WorkbookMeta | null>;
  /** Fill each marked cell and attach its note (replacing an earlier mark). */
  markCells(marks: CellMark[]): Promise<void>;
}
