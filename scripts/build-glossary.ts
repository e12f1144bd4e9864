/**
 * npm run build-glossary
 *
 * Rebuilds lexicon/ (the Russian → English and Ukrainian → Russian word tables that let a Cyrillic question be
 * read in English) from Debian packages: see src/lexicon/build-glossaries.ts and lexicon/README.md.
 */
import { fileURLToPath } from 'node:url';
import { buildGlossaries } from '../src/lexicon/build-glossaries.js';

buildGlossaries(fileURLToPath(new URL('../lexicon/', import.meta.url)), console.log);
