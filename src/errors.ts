/** A problem the person can fix (nothing matched, bad file): exit 1. */
export class UserError extends Error {
  readonly exitCode: number = 1;
}

/** The command line itself is wrong: exit 2. */
export class UsageError extends UserError {
  override readonly exitCode: number = 2;
}
