/**
 * `qualsynth`: the command-line interface over the same core as the extension, so CI
 * can build the report and fail on undefined codes.
 */
import { parseArgs } from 'node:util';
import { escapeForLog, VERSION } from '../core';
import { commands } from './commands';
import { UnsafeFileError } from '../node/files/fileError';
import { CliError } from './openReview';

const USAGE = `Usage: qualsynth <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`)
  .join('\n')}

Run \`qualsynth <command> --help\` for a command's options.`;

/** Runs the CLI with arguments (without `node` and the script); returns the exit code. */
export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    out.write(`${USAGE}\n`);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    out.write(`${VERSION}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    err.write(`qualsynth: unknown command \`${name}\`.\n\n${USAGE}\n`);
    return 2;
  }
  try {
    const parsed = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
    if (parsed.values.help) {
      out.write(`${command.usage}\n`);
      return 0;
    }
    return await command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals, out);
  } catch (error) {
    if (error instanceof CliError) {
      err.write(`${error.message}\n`);
      return error.exitCode;
    }
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err.write(`qualsynth ${name}: ${(error as Error).message}\n\n${command.usage}\n`);
      return 2;
    }
    if (error instanceof UnsafeFileError) {
      err.write(`qualsynth ${name}: ${escapeForLog(error.message)}\n`);
      return 2;
    }
    return reportBug(error, err);
  }
}

/** Where a genuine bug is reported. */
const ISSUES = 'https://github.com/qualsynth/qualsynth/issues';

/**
 * A failure no command foresaw is a bug in QualSynth: one line saying so and where to
 * report it, exit code 70 (EX_SOFTWARE); the stack only with QUALSYNTH_DEBUG=1.
 */
function reportBug(error: unknown, err: NodeJS.WritableStream): number {
  const message = error instanceof Error ? error.message : String(error);
  err.write(`qualsynth: internal error (a bug in QualSynth ${VERSION}): ${escapeForLog(message.split('\n')[0])}. Please report it at ${ISSUES} with the command you ran.\n`);
  if (process.env.QUALSYNTH_DEBUG === '1' && error instanceof Error && error.stack) err.write(`${error.stack}\n`);
  return 70;
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
