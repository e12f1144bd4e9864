/**
 * Errors the project raises on purpose. `UserError`s carry a message that is safe to show a user
 * (CLI or Discord); anything else is internal and is logged with its cause, never shown verbatim.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** Bad input from a user: a question, an option, a file. The message names what is wrong. */
export class UserError extends AppError {
  override name = 'UserError';
}

/** Configuration that cannot work: names the variable to set. */
export class ConfigError extends UserError {
  override name = 'ConfigError';
}

/** An embedding model could not be loaded: says which and why. */
export class ModelUnavailableError extends AppError {
  override name = 'ModelUnavailableError';
}

/** A file could not be read as an article: says which file and why. */
export class ReadError extends AppError {
  override name = 'ReadError';
  constructor(
    readonly file: string,
    /** What is wrong, without the file name (reports that list files show it beside the name). */
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    super(`${file}: ${reason}`, options);
  }
}
