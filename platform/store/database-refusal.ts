/**
 * A database the platform cannot use (unreachable, not PostgreSQL, a migration that failed),
 * worded for the operator and never with its password: the commands print the message alone, no
 * stack trace. A RangeError, as startPlatform's other refusals meant for a person are.
 */
export class DatabaseRefusal extends RangeError {
  override readonly name = 'DatabaseRefusal';
}
