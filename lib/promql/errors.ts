/** Thrown when a query is built from an invalid piece (a bad label name, duration or quantile): a programming error. */
export class PromqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PromqlError';
  }
}
