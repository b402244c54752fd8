/** Guided labs: the lab.yaml schema and the evaluation of a step's checks. See CONTEXT.md. */
export type { CheckResult, Lab, LabCheck, LabStep } from './types';
export { LabFileError, parseLab } from './parseLab';
export { judge, runChecks } from './runChecks';
