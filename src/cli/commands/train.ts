import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { InputError, UsageError, UserError } from '../../domain/errors.js';
import {
  analyzeMessage,
  dedupeExamples,
  loadModel,
  parseLabelledFile,
  parseTrainingLines,
  trainModel,
  type TrainingExample,
} from '../../language/index.js';
import { SETTING } from '../../workspace/message-context.js';
import { createPrinter } from '../output.js';
import { withStore, type GlobalOptions } from '../workspace.js';

/** The shipped training data (the same files `npm run train-model` reads), from src/ or dist/. */
export const SHIPPED_TRAINING_DIR = fileURLToPath(new URL('../../../data/training', import.meta.url));

interface TrainFlags extends GlobalOptions {
  json?: boolean;
  from?: string;
  reset?: boolean;
}

interface TrainResult {
  model: 'retrained' | 'shipped';
  corrections?: { total: number; promotional: number; agreeing: number };
  trainedOn?: { examples: number; promotional: number };
}

export function registerTrain(program: Command): void {
  program
    .command('train')
    .description("Retrain the promotional model on your own corrections (added to the shipped training data) and use it in this workspace; --reset goes back to the shipped model")
    .option('--from <file>', 'your corrections: JSONL lines {"text":"…","promotional":true|false} or TSV lines label<TAB>text (label promotional/genuine, 1/0, spam/ham)')
    .option('--reset', 'forget your retrained model and use the shipped one again')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  rapport train --from corrections.jsonl\n  rapport train --reset')
    .action(async (_flags: TrainFlags, command: Command) => {
      const flags = command.optsWithGlobals<TrainFlags>();
      const printer = createPrinter(flags.json ?? false);
      if (flags.reset && flags.from !== undefined) throw new UsageError('Give either --from FILE or --reset, not both');
      if (flags.reset) {
        await withStore(flags, (store) => store.setSetting(SETTING.model, undefined));
        printer.result<TrainResult>({ model: 'shipped' }, () => 'Back to the shipped model: your retrained model was removed from this workspace.');
        return;
      }
      if (flags.from === undefined) throw new UsageError('Nothing to do: give --from FILE (your corrections) or --reset', { hint: 'See rapport train --help.' });

      // Everything that can fail on the input happens before the workspace is touched.
      const corrections = readCorrections(flags.from);
      const shipped = readShippedTrainingData();
      printer.info(`Training on ${shipped.length} shipped examples and your ${corrections.length} corrections…`);
      const weights = trainModel(shipped, { corrections });
      const model = loadModel(weights);
      const agreeing = corrections.filter((c) => analyzeMessage(c.text, { model }).promotional === c.promotional).length;
      await withStore(flags, (store) => store.setSetting(SETTING.model, JSON.stringify(weights)));
      printer.result<TrainResult>(
        {
          model: 'retrained',
          corrections: { total: corrections.length, promotional: corrections.filter((c) => c.promotional).length, agreeing },
          trainedOn: weights.trainedOn,
        },
        (r) =>
          `Retrained on ${r.trainedOn!.examples} examples including your ${r.corrections!.total} corrections (${r.corrections!.promotional} promotional); ` +
          `the new model agrees with ${r.corrections!.agreeing} of them.\nrapport analyze, check and the agenda use it in this workspace from now on; rapport train --reset goes back to the shipped model.`,
      );
    });
}

function readCorrections(file: string): TrainingExample[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`Cannot read ${file}`, { hint: 'Check the path given to --from.', cause: e });
  }
  let examples: TrainingExample[];
  try {
    examples = parseTrainingLines(content.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError(`${file}: ${(e as Error).message}`, {
      hint: 'Write one correction a line: {"text":"…","promotional":true} or promotional<TAB>text / genuine<TAB>text. Nothing was changed.',
      cause: e,
    });
  }
  examples = examples.filter((e) => e.text.trim() !== '');
  if (examples.length === 0) throw new InputError(`${file} holds no corrections`, { hint: 'Write one correction a line: {"text":"…","promotional":true|false}. Nothing was changed.' });
  return examples;
}

function readShippedTrainingData(): TrainingExample[] {
  if (!existsSync(SHIPPED_TRAINING_DIR)) {
    throw new UserError(`The shipped training data (${SHIPPED_TRAINING_DIR}) is missing`, { hint: 'Reinstall rapport, or run it from a checkout of the repository, which includes data/training/.' });
  }
  const examples: TrainingExample[] = [];
  for (const name of readdirSync(SHIPPED_TRAINING_DIR).sort()) {
    const parsed = parseLabelledFile(name, readFileSync(join(SHIPPED_TRAINING_DIR, name), 'utf8'));
    if (parsed) examples.push(...parsed);
  }
  return dedupeExamples(examples);
}
