/** A problem in a template definition (JSON, sheet or rule text). Messages are Vietnamese, for staff. */
export class TemplateError extends Error {
  /**
   * @param row 1-based Excel row, when the problem comes from a sheet.
   * @param column Excel column letter, when the problem comes from a sheet.
   * @param problems Every problem found, when several were collected; this error then summarises them.
   */
  constructor(
    message: string,
    public readonly row?: number,
    public readonly column?: string,
    public readonly problems: readonly TemplateError[] = [],
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

const MAX_LISTED = 20;

/** Collects problems so that staff see all of them at once instead of fixing one per run. */
export class ProblemCollector {
  private readonly items: TemplateError[] = [];

  add(message: string, row?: number, column?: string): void {
    this.items.push(new TemplateError(message, row, column));
  }

  get count(): number {
    return this.items.length;
  }

  /** Orders problems by sheet row (problems without a row first); keeps the order within a row. */
  sortByRow(): void {
    const keyed = this.items.map((e, i) => ({ e, i }));
    keyed.sort((a, b) => (a.e.row ?? 0) - (b.e.row ?? 0) || a.i - b.i);
    this.items.splice(0, this.items.length, ...keyed.map((k) => k.e));
  }

  /** Throws the single problem as is, or one TemplateError summarising several (row/column of the first). */
  throwIfAny(): void {
    if (this.items.length === 0) return;
    if (this.items.length === 1) throw this.items[0];
    const listed = this.items.slice(0, MAX_LISTED).map((e) => `- ${e.message}`);
    if (this.items.length > MAX_LISTED) listed.push(`- … và ${this.items.length - MAX_LISTED} lỗi khác`);
    const first = this.items[0];
    throw new TemplateError(
      `tìm thấy ${this.items.length} lỗi:\n${listed.join('\n')}`,
      first.row,
      first.column,
      [...this.items],
    );
  }
}
