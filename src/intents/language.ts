/**
 * Is a message written in English? The offline recogniser reads English
 * only: a message in another language never triggers offline, and goes to
 * the LLM when one is configured. Decided by function words (the words every
 * sentence of a language needs: articles, pronouns, prepositions,
 * auxiliaries), letters English does not use, and the share of words that are
 * common English, so product names, host names and error codes, which belong
 * to no language, decide nothing.
 */
import { isCommonEnglish } from "./word-vectors.ts";

/** Function words of German, Dutch, French, Spanish, Portuguese, Italian, Polish, the Scandinavian languages and Turkish that are not also English words. */
const FOREIGN = new Set(
  // German
  (
    "der das dem des ein eine einen einem einer ist sind bitte kannst kann können du ich wir ihr sie es nicht noch schon " +
    "mit für fürs auf aus bei von vom zum zur und oder aber wenn dass mal ne nen jetzt wieder gerade hat haben habe wird " +
    "werden wurde alles was wer wie wo auch nur sehr heute morgen gestern geht läuft schau schreib mach kurz kurze kurzes " +
    // Dutch
    "het een ik je jij we wij zij ze niet nog al ook maar als dat voor naar bij uit aan heb heeft hebben wordt worden kun " +
    "kunnen even graag aub doet weer klant mailtje stand zaken ligt " +
    // French
    "le la les un une des du au aux est sont tu il elle nous vous ils je j'ai pas plus ce cette ces mon ma mes ton ta " +
    "pour sur dans avec chez qui que quoi où et mais ou donc peux peut fais faire stp svp merci c'est ça déjà toujours " +
    "ce soir demain hier rapide client " +
    // Spanish, Portuguese, Italian
    "el los las una unos unas es está están estamos hay que por para con del al se lo le mi tu su sus pero muy ya también " +
    "puedes puede hazme haces escribe redacta favor porfa oye algo todo corto breve " +
    "o os um uma uns umas é são está estão pra pro pelo pela com não sim já também pode faz escreve me vê dizendo " +
    "il lo gli una è sono non per con della del dei delle alla al nel ho hai ha abbiamo mi scrivi fare niente lungo di " +
    // Polish
    "jest są nie tak się na do od za po przez dla proszę napisz przygotuj już dalej znowu mówi że dziś " +
    // Swedish, Danish, Norwegian
    "och är inte det att en ett jag vi du kan till för på med om nu tack har jeg ikke og er til af på nu " +
    // Turkish
    "ve bir bu için ile çok daha hala hâlâ değil"
  )
    .split(" ")
    .filter(Boolean),
);

/** English function words: a message with several of them is English whatever else it holds. */
const ENGLISH = new Set(
  (
    "the a an to for of on in at with from by is are was were be been am it its it's this that these those i i'm i'll " +
    "we we're you your they them he she his her my our can could would should will shall do does did done have has had " +
    "not no and or but if so just pls please thanks what where when how who why which up out about again now still " +
    "there here all any some get got need want let me us one"
  ).split(" "),
);

// Letters other languages use and English does not.
const FOREIGN_LETTERS = /[äöüßéèêëàâîïôûùçñãõáíóúąęłśżźćńåøæışğ¿¡]/;

const WORD = /[\p{L}']+/gu;

/** False when the message is in another language: its function words and letters are not English. */
export function isEnglish(text: string): boolean {
  let foreign = 0;
  let english = 0;
  let letters = 0;
  let common = 0;
  let words = 0;
  for (const match of text.toLowerCase().matchAll(WORD)) {
    const word = match[0];
    words++;
    if (ENGLISH.has(word)) english++;
    else if (FOREIGN.has(word)) foreign++;
    if (FOREIGN_LETTERS.test(word)) letters++;
    if (isCommonEnglish(word)) common++;
  }
  const evidence = foreign + letters;
  if (evidence < 2) return true;
  if (english >= 3 && english >= foreign) return true;
  return evidence <= english || common / Math.max(1, words) > 0.85;
}
