/** Data a fit cannot use: a bad CSV row, too few points. `row` is 1-based over data rows. */
export class ScalingDataError extends Error {
  override readonly name = 'ScalingDataError';
  constructor(
    message: string,
    readonly row: number | null = null,
  ) {
    super(message);
  }
}
