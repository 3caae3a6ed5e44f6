/**
 * Text addressed to an AI inside session data (a pasted email, a crafted
 * ticket note): "ignore previous instructions", "you are now…", requests to
 * reveal or include credentials. Such text is data; writers leave it out.
 * Ordinary instructions between people ("check the spooler") do not count.
 */
const INJECTION = [
  /\b(?:ignore|disregard|forget|override|bypass)\b[^.\n]{0,40}\b(?:previous|prior|above|earlier|all|any|your|the)\b[^.\n]{0,20}\b(?:instructions?|prompts?|rules?|directions?|guidelines?|context|messages?)\b/i,
  /\b(?:system|developer|assistant)\s*(?:prompt|message|note|instruction)s?\s*(?:to (?:the )?(?:ai|assistant|bot|model))?\s*[:-]/i,
  /\bnote to (?:the )?(?:ai|assistant|bot|model|llm|chatbot)\b/i,
  /\b(?:you are now|from now on,? you|act as|pretend (?:to be|you are)|roleplay as|new instructions?)\b/i,
  /\b(?:reveal|print|output|show|repeat|leak)\b[^.\n]{0,30}\b(?:system prompt|your instructions|your prompt|hidden instructions)\b/i,
  /\b(?:include|add|put|insert|paste|send|share|reveal|tell)\b[^.\n]{0,40}\b(?:passwords?|credentials?|creds|api keys?|secrets?|tokens?|admin login)\b[^.\n]{0,40}\b(?:in|into|with)\b[^.\n]{0,20}\b(?:your|the)\b[^.\n]{0,15}\b(?:reply|response|answer|update|summary|email|output|note)\b/i,
  /\b(?:ai|assistant|chatbot|llm|language model)\b[^.\n]{0,20}\b(?:must|should|shall|needs? to)\b[^.\n]{0,30}\b(?:include|ignore|reveal|output|send|write)\b/i,
  /<\/?(?:system|instructions?|prompt)>/i,
];

export function looksLikeInstruction(text: string): boolean {
  return INJECTION.some((re) => re.test(text));
}
