import type { LatinLanguage } from '../text/latin-language.js';

/** The words of German, French, Spanish, Italian and Portuguese questions that latin-gloss.ts reads as English's. */

// Question words, and the few of two words, in the forms a question writes them.
export const QUESTION_WORDS: Record<LatinLanguage, [string, string][]> = {
  de: [
    ['wie viele|wie vielen|wieviele', 'how many'],
    ['wie viel|wieviel', 'how much'],
    // "Wo-" with a preposition asks what the preposition governs ("Worauf achten sie?" what do they mind?).
    ['wobei|worauf|womit|wofür|worüber|wovon|woran|wodurch|worin|wonach|woraus', 'what'],
    ['wozu', 'why'],
    ['wer|wen|wem', 'who'],
    ['wessen', 'whose'],
    ['wann', 'when'],
    ['wo|wohin|woher', 'where'],
    ['warum|wieso|weshalb|weswegen', 'why'],
    ['wie', 'how'],
    ['was', 'what'],
    ['welche|welcher|welches|welchen|welchem', 'which'],
  ],
  fr: [
    // Elision splits "qu'est-ce que" into "qu'", "est-ce", "que".
    ['qu est-ce que|qu est-ce qui', 'what'],
    ['combien de|combien d', 'how many'],
    ['combien', 'how much'],
    // Elided "que" opening a question ("qu'a dit …").
    ['qu', 'what'],
    ['qui', 'who'],
    ['quand', 'when'],
    ['où', 'where'],
    ['pourquoi', 'why'],
    ['comment', 'how'],
    ['que|quoi', 'what'],
    ['quel|quelle|quels|quelles|lequel|laquelle|lesquels|lesquelles', 'which'],
  ],
  es: [
    ['por qué|por que', 'why'],
    ['cuántos|cuántas|cuantos|cuantas', 'how many'],
    ['cuánto|cuánta|cuanto|cuanta', 'how much'],
    ['quién|quiénes|quien|quienes', 'who'],
    ['cuándo|cuando', 'when'],
    ['dónde|adónde|donde', 'where'],
    ['cómo|como', 'how'],
    ['qué|que', 'what'],
    ['cuál|cuáles|cual|cuales', 'which'],
  ],
  it: [
    ['per quale motivo|come mai|perché|perche', 'why'],
    ['quanti|quante', 'how many'],
    ['quanto|quanta', 'how much'],
    ['chi', 'who'],
    ['quando', 'when'],
    ['dove', 'where'],
    ['come', 'how'],
    ['che cosa|cosa|cos|che', 'what'],
    ['quale|quali|qual', 'which'],
  ],
  pt: [
    ['por que|por quê|porque|porquê', 'why'],
    ['quantos|quantas', 'how many'],
    ['quanto|quanta', 'how much'],
    ['quem', 'who'],
    ['quando', 'when'],
    ['onde', 'where'],
    ['como', 'how'],
    ['o que|que', 'what'],
    ['qual|quais', 'which'],
  ],
};

/**
 * Question words spelt as a conjunction or relative is ("que", "cuando", "qui"): chat drops the accent, so these
 * are question words only where a question word goes, opening a clause ("Selon le maire, que doit …").
 */
export const ONLY_FIRST = new Set([
  'qu', 'que', 'qui', 'quien', 'quienes', 'cuando', 'donde', 'como', 'cual', 'cuales', 'cuanto', 'cuanta', 'cuantos', 'cuantas', 'por que', 'was', 'wie',
  'che', 'chi', 'come', 'quando', 'dove', 'porque', 'o que', 'quanto', 'quanta',
]);

/** Phrases that say how, not what ("à peu près" roughly, "à propos de" about): nothing to translate. */
export const FUNCTION_PHRASES: Record<LatinLanguage, string[]> = {
  de: ['im laufe', 'in bezug auf'],
  fr: ['à peu près', 'à propos', 'au cours', 'en plus', 'est-ce que'],
  es: ['acerca de', 'a punto de', 'además de', 'a lo largo de'],
  it: ['a proposito di', 'per quanto riguarda', 'oltre a', 'nel corso di', 'è vero che'],
  pt: ['a respeito de', 'em relação a', 'além de', 'ao longo de', 'é verdade que'],
};

/**
 * "What happened" as each language asks it ("¿Qué pasó con …?", "Was geschah …", "Cosa è successo …"): read as
 * English's, which asks for events. A form that is another word too is listed only with the word before it that
 * makes it "happen" ("pasó" passed, "successo" success, "passé" past).
 */
export const HAPPENED: Record<LatinLanguage, [string, string][]> = {
  de: [['geschah|geschahen|geschehen|passierte|passierten|passiert|ereignete', 'happened']],
  fr: [['s est passé|s est passée|s est passés|se sont passés|s est produit|s est produite|s est déroulé|s est déroulée', 'happened']],
  es: [
    ['qué pasó|que pasó|que paso|qué paso|qué ha pasado|que ha pasado|qué ocurrió|que ocurrió|qué sucedió|que sucedió', 'what happened'],
    ['sucedió|ocurrió|sucedido|ocurrido', 'happened'],
  ],
  it: [['è successo|e successo|è accaduto|e accaduto|accadde|accaduto|è capitato|capitò|è avvenuto|avvenne|avvenuto', 'happened']],
  pt: [
    ['o que se passou|que se passou', 'what happened'],
    ['aconteceu|aconteceram|acontecido|ocorreu|ocorreram|ocorrido|sucedeu', 'happened'],
  ],
};
