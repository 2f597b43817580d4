/**
 * A sheet to be written, described as plain data. The core builds these; each workbook
 * adapter (ExcelJS for files, the Excel JavaScript API inside Excel) renders them with whole-array writes.
 */
import type { CellValue } from './sheet';

export interface FormulaCell {
  formula: string; // without the leading "="
  result?: CellValue;
}
export type CellInput = CellValue | null | FormulaCell;

export function isFormulaCell(v: unknown): v is FormulaCell {
  return typeof v === 'object' && v !== null && 'formula' in v;
}

export interface CellStyle {
  /** A1 range, e.g. "A6:F6". */
  range: string;
  bold?: boolean;
  italic?: boolean;
  /** RGB hex without "#", e.g. "FFF2CC". */
  fill?: string;
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  border?: boolean;
  fontSize?: number;
}

export interface NumberValidation {
  range: string;
  type: 'whole' | 'decimal';
  min: number;
  title: string;
  message: string;
}

export interface SheetSpec {
  name: string;
  cells: CellInput[][];
  columnWidths?: number[];
  /** Row heights in points by zero-based row index. */
  rowHeights?: Record<number, number>;
  merges?: string[];
  numberFormats?: { range: string; format: string }[];
  styles?: CellStyle[];
  validations?: NumberValidation[];
  /** Ranges left unlocked when the sheet is protected. */
  unlocked?: string[];
  /** Protect without a password: labels locked, unlocked ranges editable. */
  protect?: boolean;
  print?: { orientation: 'portrait' | 'landscape'; fitToWidth?: boolean };
  visibility?: 'visible' | 'hidden' | 'veryHidden';
  freeze?: { rows: number; columns: number };
  /** Cell notes (comments) by A1 address. */
  notes?: { cell: string; text: string }[];
}
