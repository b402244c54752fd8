/** Types for scripts/gen-k8s-schemas.mjs, so tests can check the generated module is current. */
export const OUTPUT: string;
export const KINDS: readonly (readonly [apiVersion: string, kind: string, module: string])[];
/** The schema object the generator builds. */
export function buildSchema(): Promise<Record<string, unknown>>;
/** The generated module's full text. */
export function render(): Promise<string>;
