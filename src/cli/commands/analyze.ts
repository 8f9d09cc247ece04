import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import pc from 'picocolors';
import { UsageError, UserError } from '../../domain/errors.js';
import { analyzeMessage, type MessageAnalysis } from '../../language/index.js';
import { analysisContextFor } from '../../workspace/message-context.js';
import { withStore, type GlobalOptions } from '../workspace.js';

interface AnalyzeFlags extends GlobalOptions {
  json?: boolean;
  file?: string;
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('What a message does: its intents with scores and the words that gave them away, self/other focus, and whether it is promotional')
    .argument('[text...]', 'messages to analyse, one per argument (quote each); without any, one message per line from --file or stdin')
    .option('--file <file>', 'read one message per line from this file')
    .option('--json', 'print one JSON object per message (JSON Lines)')
    .addHelpText('after', '\nExamples:\n  rapport analyze "Congrats on the new shop, Ana!" "Check out my channel and subscribe"\n  rapport analyze --file drafts.txt --json\n  cat drafts.txt | rapport analyze')
    .action(async (texts: string[], _flags: AnalyzeFlags, command: Command) => {
      const flags = command.optsWithGlobals<AnalyzeFlags>();
      const messages = await gatherMessages(texts, flags.file);
      // Your brand and your retrained model live in the workspace.
      const ctx = await withStore(flags, analysisContextFor);
      const out: string[] = [];
      for (const text of messages) {
        const a = analyzeMessage(text, ctx);
        out.push(flags.json ? JSON.stringify(toJson(a)) : renderAnalysis(a));
      }
      process.stdout.write(out.join(flags.json ? '\n' : '\n\n') + '\n');
    });
}

async function gatherMessages(texts: readonly string[], file: string | undefined): Promise<string[]> {
  if (texts.length > 0 && file !== undefined) throw new UsageError('Give messages either as arguments or with --file, not both');
  let lines: string[];
  if (texts.length > 0) lines = [...texts];
  else if (file !== undefined) {
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch (e) {
      throw new UserError(`Cannot read ${file}`, { hint: 'Check the path: --file takes a text file with one message per line.', cause: e });
    }
    lines = content.split(/\r?\n/);
  } else if (!process.stdin.isTTY) {
    lines = (await readStdin()).split(/\r?\n/);
  } else {
    throw new UsageError('No message to analyse', { hint: 'Give it as an argument (rapport analyze "your message"), with --file FILE, or one per line on stdin.' });
  }
  const messages = lines.map((l) => l.replace(/^\uFEFF/, '')).filter((l) => l.trim() !== '');
  if (messages.length === 0) throw new UserError('No message to analyse: the input is empty', { hint: 'Write one message per line.' });
  return messages;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The JSON form of one analysis: the verdict first, then why. */
export function toJson(a: MessageAnalysis): object {
  return {
    text: a.text,
    promotional: a.promotional,
    promotionalScore: a.promotionalScore,
    intents: a.intents,
    focus: a.focus,
    links: a.links,
    fingerprint: a.fingerprint,
  };
}

export function renderAnalysis(a: MessageAnalysis): string {
  const verdict = a.promotional ? pc.red(`promotional (${a.promotionalScore.toFixed(2)})`) : pc.green(`not promotional (${a.promotionalScore.toFixed(2)})`);
  const lines = [`${pc.bold(JSON.stringify(a.text.length > 120 ? a.text.slice(0, 119) + '…' : a.text))}  ${verdict}`];
  if (a.intents.length === 0) lines.push(pc.dim('  no intent found'));
  for (const i of a.intents) {
    const evidence = i.evidence.length ? i.evidence.map((e) => `"${e}"`).join(', ') : pc.dim('—');
    lines.push(`  ${i.name.padEnd(16)} ${i.score.toFixed(2)}  ${evidence}`);
  }
  lines.push(`  ${'focus'.padEnd(16)} self ${a.focus.self.toFixed(2)} · other ${a.focus.other.toFixed(2)}`);
  const own = a.links.filter((l) => l.own);
  if (own.length) lines.push(`  ${'own links'.padEnd(16)} ${own.map((l) => l.url).join(', ')}`);
  return lines.join('\n');
}
