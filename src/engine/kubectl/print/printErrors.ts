/** Errors from output formatting, worded as kubectl words them (`err.Error()`, without `error: `). */
export class PrintError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrintError';
  }
}
