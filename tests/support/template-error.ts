import { TemplateError } from '../../src/core/template/template-error';

/** Runs `run` and returns the TemplateError it throws; fails when it throws nothing or something else. */
export function errorOf(run: () => unknown): TemplateError {
  try {
    run();
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error('expected a TemplateError');
}
