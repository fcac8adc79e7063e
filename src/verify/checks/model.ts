import { MODEL_VERSION, type Document } from '../../model/types.js';
import { documentProblems } from '../../model/validate.js';
import type { Outcome } from '../validator.js';

export const MODEL_CHECKED = `the voxpress document model, version ${MODEL_VERSION} (shape, ids, sentence text)`;

/** document.json against the model validator; the document itself when it is valid, for the checks that compare files with it. */
export function documentJsonOutcome(text: string): { outcome: Outcome; document?: Document } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { outcome: { checked: MODEL_CHECKED, counts: { problems: 1 }, findings: [{ rule: 'json', message: `not JSON: ${(error as Error).message}` }] } };
  }
  const problems = documentProblems(value);
  const outcome: Outcome = { checked: MODEL_CHECKED, counts: { problems: problems.length }, findings: problems.map((message) => ({ rule: 'model', message })) };
  return problems.length === 0 ? { outcome, document: value as Document } : { outcome };
}
