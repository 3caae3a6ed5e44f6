import { isProseWord } from "./prose-words.ts";

/**
 * Passphrases typed as words without quotes: "the passphrase for the KeePass
 * db is correct horse battery staple", "Master passphrase: Seven Purple
 * Ducks Swim Fast!". After a credential label, three to eight words that
 * run to the end of the clause, none of them a word of the sentence around
 * (an article, a preposition, a pronoun, an auxiliary…) nor a word that
 * describes a password instead of being one ("four random words").
 */

/** Words of a sentence, in the languages engineers mix in: a passphrase has none. */
const FUNCTION_WORDS = new Set(
  `a an the this that these those there here it its it's is was were are be been being am not no nor
  in on at for to from with without by of as into onto via per about over under after before during since until
  and or but so then if when while because which who whom whose what where why how than
  he she they we you i me him her them us my your his our their mine yours
  has have had do does did can could will would should may might must shall
  still now just only also too very again already even yet ever never always
  please pls thanks thx btw fyi lol ok okay yes yeah see check ask use used using same usual any some all each
  every both either neither one other another such own
  last next week weeks month months day days hour hours minute minutes year years ago yesterday today tomorrow
  tonight morning evening
  der die das den dem des ein eine einen einem ist im unter mit für von bei auf und oder nicht noch auch
  le la les un une des est dans sur avec pour du et ou pas
  el los las una es en con para del y o
  het een op met voor niet
  o os as um uma é em com não
  il lo gli è su con per di non`.split(/\s+/),
);

/** Words that describe a password rather than being part of one. */
const DESCRIBING = new Set(
  `word words character characters chars letter letters digit digits number numbers symbol symbols space spaces
  random long short lowercase uppercase dictionary english complex strong weak case sensitive policy
  expired expiring changed reset required missing wrong incorrect blank empty locked min max minimum maximum
  length history lockout complexity age prompt prompts field manager vault vaults successfully success failed
  password passwords passwd passphrase pin code codes token secret credentials creds login`.split(/\s+/),
);

const WORD = /^[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*$/u;
/** What ends the clause a passphrase ends: end of line or text, or punctuation that closes it. */
const CLAUSE_END = /^(?:$|\n|[,;)(]|\s+[-–—]{1,2}\s|\s+\(|\.(?:\s|$)|!(?:\s|$))/;

const MIN_WORDS = 3;
const MAX_WORDS = 8;

/**
 * The passphrase starting at `from` (spaces already skipped), or null when
 * the words there read as a sentence. A final "!" is part of the last word.
 */
export function passphraseAt(
  text: string,
  from: number,
): { start: number; end: number; value: string } | null {
  const line = /^[^\n]*/.exec(text.slice(from))![0];
  const words = /^(?:[^\s,;()]+ ){2,7}[^\s,;()]+/.exec(line);
  if (!words) return null;
  let end = from;
  let count = 0;
  for (const raw of line.split(" ")) {
    const bang = /!$/.test(raw) && count + 1 >= MIN_WORDS;
    const word = raw.replace(/!$/, "");
    if (!WORD.test(word)) {
      // the clause ends at punctuation glued to a word: "river, I set it", "delta."
      const glued = /^([\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*)[,;.)]$/u.exec(raw);
      if (!glued || !acceptable(glued[1]!)) return null;
      count++;
      end += glued[1]!.length;
      break;
    }
    if (!acceptable(word)) return null;
    count++;
    end += raw.length;
    if (bang || count === MAX_WORDS) break;
    if (CLAUSE_END.test(text.slice(end))) break;
    end += 1;
  }
  if (count < MIN_WORDS || !CLAUSE_END.test(text.slice(end))) return null;
  const value = text.slice(from, end);
  // Words that also describe ("correct", "rotated", "stored") may stand in a passphrase, but not two of
  // them, nor one first in a short run: "correct horse battery staple", not "rotated yesterday evening".
  const describing = value.split(" ").filter((w) => isProseWord(w));
  if (describing.length > 1 || (describing.length === 1 && isProseWord(value.split(" ")[0]!) && count < 4))
    return null;
  return { start: from, end, value };
}

function acceptable(word: string): boolean {
  const lower = word.toLowerCase();
  return !FUNCTION_WORDS.has(lower) && !DESCRIBING.has(lower) && !/^\d{5,}$/.test(word);
}
