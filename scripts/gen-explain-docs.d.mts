/** Types for scripts/gen-explain-docs.mjs, so tests can check the generated module is current. */
export const OUTPUT: string;
/** The generated module's full text. */
export function render(): Promise<string>;
