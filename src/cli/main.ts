/**
 * The `rapport` command line. Each command lives in its own file under commands/; this file wires
 * them up and maps every failure to one message, a hint and an exit code (1: the input or the
 * request was wrong; 2: the command line itself was wrong).
 */
import { Command, CommanderError } from 'commander';
import pc from 'picocolors';
import { isRapportError } from '../domain/errors.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerAudit } from './commands/audit.js';
import { registerCheck } from './commands/check.js';
import { registerConfig } from './commands/config.js';
import { registerDemo } from './commands/demo.js';
import { registerFollowers } from './commands/followers.js';
import { registerImport } from './commands/import.js';
import { registerMerge } from './commands/merge.js';
import { registerNote } from './commands/note.js';
import { registerPeople } from './commands/people.js';
import { registerPerson } from './commands/person.js';
import { registerPlaybook } from './commands/playbook.js';
import { registerServe } from './commands/serve.js';
import { registerSnooze } from './commands/snooze.js';
import { registerStats } from './commands/stats.js';
import { registerTemplates } from './commands/templates.js';
import { registerTrain } from './commands/train.js';
import { registerToday } from './commands/today.js';

export function buildProgram(): Command {
  const program = new Command('rapport')
    .description('Build genuine relationships on social media: who you know, how each relationship stands, and what to do next.')
    .option('--data <dir>', 'workspace folder (default: $RAPPORT_HOME or your user data folder)')
    .option('--workspace <name>', 'workspace name inside a shared PostgreSQL database (DATABASE_URL)')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();
  registerAnalyze(program);
  registerAudit(program);
  registerCheck(program);
  registerConfig(program);
  registerDemo(program);
  registerFollowers(program);
  registerImport(program);
  registerMerge(program);
  registerNote(program);
  registerPeople(program);
  registerPerson(program);
  registerPlaybook(program);
  registerServe(program);
  registerSnooze(program);
  registerStats(program);
  registerTemplates(program);
  registerTrain(program);
  registerToday(program);
  for (const command of program.commands) command.exitOverride().showHelpAfterError('(add --help for usage)');
  return program;
}

export async function main(argv: readonly string[] = process.argv): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv as string[]);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are not failures; commander already printed its message.
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? 0 : 2;
    }
    if (isRapportError(e)) {
      process.stderr.write(`${pc.red('error:')} ${e.message}\n`);
      if (e.hint) process.stderr.write(`${pc.dim(e.hint)}\n`);
      return e.exitCode;
    }
    process.stderr.write(`${pc.red('error:')} unexpected failure: ${(e as Error)?.stack ?? String(e)}\n`);
    process.stderr.write(`${pc.dim('This is a bug in rapport; please report it with the command you ran. Your stored data was not changed by the failed step.')}\n`);
    return 1;
  }
}
