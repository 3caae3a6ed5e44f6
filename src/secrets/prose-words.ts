/** Words that follow a credential word in ordinary prose: "password is expired", "token was revoked". */
const PROSE_WORDS = new Set(
  `a an the is was were are be been being not no none nothing still now just only also too very again already
  correct incorrect wrong right reset resets expired expiring expires expire changed changing change changes blank empty
  missing required requirement requirements set same new old valid invalid ok okay fine good bad working worked works
  work locked unlocked there here it its this that these those their his her our your my mine yours
  in on at for to from with without by of as into onto via per about over under after before during
  stored saved synced syncing sync known unknown different long short weak strong complex simple updated update
  case sensitive policy policies manager managers vault vaults prompt prompts field fields stale cached
  stuck rejected accepted never always reused shared written taped managed handled generated random
  rotated rotation revoked removed deleted disabled enabled active inactive pending sent emailed texted
  provided attached included below above elsewhere somewhere unchanged fixed broken failing failed fails fail
  length complexity history hint hints reuse prompting prompted blocked allowed visible hidden printed
  did does do doesnt didnt isnt wasnt arent hasnt havent cant cannot wont will would should could may might must
  has have had get gets got getting give given gives and or but so then if when while because which who what
  where why how all any some each every both either neither one two three well
  please pls thanks thx asap later soon tomorrow today yesterday tonight yes true false present absent
  back up down off out live gone through done ready running sorted restored propagated applied next
  drive drives folder folders share shares printer laptop desktop phone outlook teams calendar mailbox
  user users account accounts login logins portal site server domain email mail
  expiry expiration age lockout lockouts reset-password self-service sspr literally basically simply actually probably
  abgelaufen falsch richtig gesperrt geändert zurückgesetzt vergessen ungültig gültig
  expiré expirée incorrect oublié oubliée bloqué bloquée changé changée
  caducado caducada incorrecto incorrecta olvidado olvidada bloqueado bloqueada vencido vencida
  expirada expirado esquecida esquecido errada errado verlopen vergeten onjuist gewijzigd geblokkeerd
  scaduta scaduto errata errato dimenticata dimenticato bloccato wygasło błędne zapomniane utgånget fel glömt`.split(
    /\s+/,
  ),
);

const CONTRACTION = /^\p{L}+['’](?:s|re|ll|ve|d|t|m)$/iu;

export function isProseWord(word: string): boolean {
  const bare = word.replace(/[.,;:!?]+$/, "");
  if (CONTRACTION.test(bare)) return true;
  return PROSE_WORDS.has(bare.toLowerCase().replace(/['’]/g, ""));
}
