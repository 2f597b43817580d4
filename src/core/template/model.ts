/** The indicator template: what a unit reports and which rules its figures obey. */

/** I = whole number ≥ 0, D = decimal ≥ 0. */
export type IndicatorKind = 'I' | 'D';
export type Severity = 'error' | 'warning' | 'info';

export interface Section {
  /** "1", "2", … as shown in the TT column ("1."). */
  id: string;
  title: string;
}

export interface Indicator {
  /** Mã số: two digits, stored as text ("01"). */
  code: string;
  sectionId: string;
  name: string;
  /** Đơn vị tính ("hội viên", "triệu đồng", "m²"). */
  unit: string;
  kind: IndicatorKind;
}

/** Arithmetic over indicator codes. Integer literals in rule text are codes; constants appear only as bounds. */
export type Expr =
  | { type: 'code'; code: string }
  | { type: 'number'; value: number }
  | { type: 'neg'; operand: Expr }
  | { type: 'binary'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr };

export type CompareOp = '<=' | '>=' | '<' | '>' | '=' | '<>';

export type RuleBody =
  /** left op right, e.g. `12 + 13 <= 11`. */
  | { type: 'compare'; left: Expr; op: CompareOp; right: Expr }
  /** expr within [min; max], e.g. `28 / 27 trong [20; 200]`. */
  | { type: 'range'; expr: Expr; min: number; max: number }
  /** |value − previous| / previous ≤ maxChange for one stock indicator, e.g. `biến động <= 50%` on row 08. */
  | { type: 'change'; code: string; maxChange: number };

export interface Rule {
  /** Stable id, derived from the normalised rule text unless given ("rule:12+13<=11"). */
  id: string;
  severity: Exclude<Severity, 'info'>;
  /** The text as staff wrote it; shown in messages. */
  text: string;
  body: RuleBody;
  /** First code of the expression: the indicator a finding about this rule points at. */
  anchorCode: string;
  /**
   * Code of the indicator row whose "Ràng buộc" cell holds the rule (set by the template loaders).
   * When absent, writers put the rule on the anchorCode row.
   */
  rowCode?: string;
}

export interface Template {
  id: string;
  version: string;
  name: string;
  sections: Section[];
  indicators: Indicator[];
  rules: Rule[];
}
