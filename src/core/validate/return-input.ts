import type { FileFailure } from '../form/file-kind';
import type { ReturnedWorkbook } from '../form/form-reader';

/** One received file: either its sheets, or why it could not be opened. */
export type ReturnInput =
  | { file: string; workbook: ReturnedWorkbook }
  | { file: string; failure: FileFailure; detail?: string };
