// Runs one section of bench/sections.ts and prints its figures as one JSON line.
import { SECTIONS } from './sections.js';

const section = SECTIONS.find((s) => s.name === process.argv[2]);
if (!section) throw new Error(`no benchmark section "${process.argv[2]}"`);
process.stdout.write(`\n${JSON.stringify(await section.run())}\n`);
