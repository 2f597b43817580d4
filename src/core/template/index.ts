export * from './model';
export { TemplateError } from './template-error';
export { parseRules, splitRuleText, ruleId, ruleSourceText } from './rule-parser';
export { evaluateRule, formatViNumber, type RuleEvaluation } from './rule-eval';
export { templateFromJson, templateToJson, type TemplateJson, type SectionJson, type IndicatorJson } from './load-json';
export { defaultTemplate } from './default-template';
export { TEMPLATE_SHEET_NAME, TEMPLATE_HEADER, templateFromGrid, templateToGrid, sectionLabel } from './sheet-format';
