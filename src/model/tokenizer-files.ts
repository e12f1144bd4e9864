/**
 * tokenizer.json / tokenizer_config.json for a vocabulary, in the BERT WordPiece format transformers.js 2.17 reads
 * (it has no WordLevel model). A vocabulary of whole words still works as a word-level tokenizer: WordPiece tries
 * the longest match first, so a word in the vocabulary is one token; `##` pieces in the vocabulary give a fallback
 * for words outside it.
 */

export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

export interface TokenizerFiles {
  'tokenizer.json': unknown;
  'tokenizer_config.json': unknown;
  'special_tokens_map.json': unknown;
}

export interface TokenizerOptions {
  /** Longest input in tokens; a static model has no position table, so this only bounds work. @default 512 */
  maxLength?: number;
}

/** `vocab[i]` gets id i; it must contain every special token. */
export function tokenizerFiles(vocab: readonly string[], opts: TokenizerOptions = {}): TokenizerFiles {
  const maxLength = opts.maxLength ?? 512;
  const ids = new Map<string, number>();
  vocab.forEach((t, i) => {
    if (!ids.has(t)) ids.set(t, i);
  });
  for (const s of SPECIAL_TOKENS) if (!ids.has(s)) throw new Error(`vocabulary lacks special token ${s}`);
  const special = (content: string) => ({
    id: ids.get(content)!,
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: false,
    special: true,
  });
  const tok = (id: string, typeId = 0) => ({ SpecialToken: { id, type_id: typeId } });
  const seq = (id: 'A' | 'B', typeId: number) => ({ Sequence: { id, type_id: typeId } });
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map(special),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [tok('[CLS]'), seq('A', 0), tok('[SEP]')],
      pair: [tok('[CLS]'), seq('A', 0), tok('[SEP]'), seq('B', 1), tok('[SEP]', 1)],
      special_tokens: Object.fromEntries(
        ['[CLS]', '[SEP]'].map((s) => [s, { id: s, ids: [ids.get(s)!], tokens: [s] }]),
      ),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(ids),
    },
  };
  const tokenizerConfig = {
    clean_up_tokenization_spaces: true,
    cls_token: '[CLS]',
    do_basic_tokenize: true,
    do_lower_case: true,
    mask_token: '[MASK]',
    model_max_length: maxLength,
    pad_token: '[PAD]',
    sep_token: '[SEP]',
    strip_accents: null,
    tokenize_chinese_chars: true,
    tokenizer_class: 'BertTokenizer',
    unk_token: '[UNK]',
  };
  const specialMap = { cls_token: '[CLS]', mask_token: '[MASK]', pad_token: '[PAD]', sep_token: '[SEP]', unk_token: '[UNK]' };
  return { 'tokenizer.json': tokenizer, 'tokenizer_config.json': tokenizerConfig, 'special_tokens_map.json': specialMap };
}
