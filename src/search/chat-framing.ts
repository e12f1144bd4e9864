/**
 * What a chat message wraps a question in: a greeting or a mention of the bot, "quick question:", "does anyone
 * know", "I was wondering", "please", "thanks". People in a team channel type questions so; none of those
 * words is what they ask about, and a word looked for in the coverage that no article says costs the answer its
 * evidence ("I was wondering what …" was refused for "wondering").
 */

/** Words that only ask for attention, and what may follow them ("hey team,", "hi all"). */
const GREETING = String.raw`(?:hey|hi|hiya|hello|yo|um+|uh+|hmm+|ok|okay|so|right|sorry)`;
const ADDRESSEE = String.raw`(?:there|all|team|guys|folks|everyone|everybody|bot)`;
/** The words a question opens on once its framing is gone: a greeting must be followed by one, or by punctuation. */
const QUESTION_START = String.raw`(?:who|whom|whose|what|when|where|which|why|how|is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b`;

/** Framing at the start of the message, taken off one after another ("hey bot, quick question: does anyone know …"). */
const OPENINGS: RegExp[] = [
  // A Discord mention (<@123>, <@!123>) or a typed one ("@newsbot").
  /^\s*(?:<@[!&]?\d+>|@[\p{L}\p{N}_.-]+)[\s,:;.!–—-]*/u,
  // A greeting, then an addressee or punctuation, or straight into the question ("hey what did …"): never a
  // word of a name or compound ("Hello magazine", "right-wing").
  new RegExp(String.raw`^\s*${GREETING}(?:\s+${ADDRESSEE})?(?:\s*[,:;.!?–—]+\s*|\s+-+\s+|\s+(?=${QUESTION_START}))`, 'iu'),
  // Thanks for the last answer before the next question ("thanks! and what about …").
  /^\s*(?:(?:many\s+)?thanks|thank\s+you|thx|cheers|perfect|got\s+it)(?:\s+(?:a\s+lot|so\s+much))?\s*[,:;.!–—]+\s*/iu,
  /^\s*(?:(?:a|one)\s+)?(?:(?:quick|random|silly|simple|small|little)\s+)?(?:question|q)\s*(?:for\s+(?:you|the\s+bot|anyone)\s*)?[:,;.!?–—-]+\s*/iu,
  /^\s*(?:just\s+)?(?:curious|wondering)\s*[,:;.!?–—-]+\s*/iu,
  // "Does anyone know …", "do you remember whether …".
  /^\s*(?:(?:does|do|would|will)\s+)?(?:any\s?one|any\s?body|some\s?one|some\s?body|you|u|ya|we|anyone\s+here)\s+(?:happen\s+to\s+)?(?:know|remember|recall)\b[\s,:]*/iu,
  // "I was wondering …", "I'm curious about …", "I wonder whether …".
  /^\s*(?:i\s+(?:was|am|'m)|i'm|im|was|just)\s+(?:(?:just|really|a\s+bit)\s+)?(?:wondering|curious)\b(?:\s+about)?[\s,:]*/iu,
  /^\s*i\s+wonder\b[\s,:]*/iu,
  /^\s*(?:any|got\s+an?)\s+ideas?\b(?:\s+(?:about|on))?[\s,:]*/iu,
  // "Can someone remind me …", "could anybody tell me …" (the bot's own "can you tell me" is a request: REQUEST).
  /^\s*(?:can|could|would)\s+(?:any\s?one|any\s?body|some\s?one|some\s?body)\s+(?:please\s+)?(?:remind|tell|show)\s+(?:me|us)\b[\s,:]*/iu,
  /^\s*(?:please\s+)?remind\s+(?:me|us)\b[\s,:]*/iu,
  // Asking for whatever there is on a topic: "any news on …", "got anything about …", "what's going on with …".
  /^\s*(?:(?:is\s+there|are\s+there|got|have\s+we\s+got|do\s+we\s+have)\s+)?(?:any|anything)(?:\s+(?:news|updates?|word))?\s+(?:on|about|re)\b[\s,:]*/iu,
  /^\s*what(?:'s|’s|\s+is)\s+(?:going\s+on|happening|the\s+deal|the\s+story)\s+(?:with|on|about)\b[\s,:]*/iu,
];

/**
 * Politeness: "please" opening the message in any case, elsewhere only written in lower case ("Please Please Me"
 * is a title); thanks at the end, and a call for help after the question's own punctuation ("…? anyone?").
 */
const PLEASE = /^\s*(?:[Pp]lease|PLEASE|[Pp]ls|[Pp]lz)\b[\s,]*(?=\p{Ll}|$)|(?<=\s)(?:please|pls|plz)\b[\s,]*/gu;
const CLOSINGS =
  /(?:[\s,.!?]*\b(?:(?:many\s+)?thanks(?:\s+(?:a\s+lot|in\s+advance|all))?|thank\s+you(?:\s+in\s+advance)?|thx|tia|cheers)|\s*[?,.!–—-]+\s*(?:anyone|anybody|any\s+ideas?))\b[\s.!?]*$/iu;

/** Chat shorthand, in lower case: in capitals "IMO" is a body, in a news question never a laugh. */
const SHORTHAND = /(?<=^|\s)(?:lol|lmao|rofl|haha+|hehe+|btw|tbh|imo|imho|fyi|idk|iirc|afaik|ngl)\b[\s,.!]*/gu;

/** The question without the chat message's framing; the question itself when it has none. */
export function withoutChatFraming(question: string): string {
  let text = question.replace(SHORTHAND, ' ').trim() || question;
  let opened = false;
  for (let changed = true; changed; ) {
    changed = false;
    for (const opening of OPENINGS) {
      const rest = text.replace(opening, '');
      if (rest !== text && rest.trim().length > 0) [text, changed, opened] = [rest, true, true];
    }
  }
  // "Does anyone know if …" asks whether: the question a yes or no answers.
  if (opened) text = text.replace(/^\s*if\b/iu, 'whether');
  const closed = text.replace(CLOSINGS, (closing) => (/\?/u.test(closing) ? '?' : ''));
  const plain = (closed.trim().length > 0 ? closed : text).replace(PLEASE, ' ').trim();
  return plain.length > 0 ? plain : question;
}
