import type { Command } from '../src/bot/command.js';
import add from './add.js';
import ask from './ask.js';
import cite from './cite.js';
import feeds from './feeds.js';
import findSources from './find-sources.js';
import source from './source.js';
import sources from './sources.js';
import stats from './stats.js';

/** Every command (slash commands, then message context-menu commands), in the order Discord lists them. Static on purpose: no folder scanning. */
export const commands: readonly Command[] = [ask, cite, sources, source, add, feeds, stats, findSources];
