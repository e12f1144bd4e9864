import 'dotenv/config';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig, type Config } from '../config.js';
import { UserError } from '../errors.js';

export type Parsed<T extends ParseArgsConfig['options']> = ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>>;

/** Exit codes: 0 done, 1 nothing could be done (e.g. no file indexed), 2 bad arguments or input. */
export async function runCli<T extends NonNullable<ParseArgsConfig['options']>>(
  usage: string,
  options: T,
  main: (args: Parsed<T>, config: Readonly<Config>) => Promise<number>,
): Promise<void> {
  let args: Parsed<T>;
  try {
    args = parseArgs({ options, allowPositionals: true, strict: true }) as Parsed<T>;
  } catch (error) {
    fail(`${(error as Error).message}\n${usage}`, 2);
  }
  try {
    process.exitCode = await main(args, loadConfig());
  } catch (error) {
    if (error instanceof UserError) fail(error.message, 2);
    throw error;
  }
}

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Notices go to stderr so that --json output on stdout stays one clean object. */
export function logToStderr(line: string): void {
  process.stderr.write(`${line}\n`);
}
