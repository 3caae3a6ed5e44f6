/**
 * Remembers a pure function's answers by the text it was given: every update
 * re-reads the whole session, and a message never changes once written.
 * Bounded; the oldest answers go first.
 */
export interface TextMemo<T> {
  (text: string): T;
  /** Forgets every answer (benchmarks measure a first read). */
  clear(): void;
}

export function memoByText<T>(read: (text: string) => T, limit: number): TextMemo<T> {
  const answers = new Map<string, T>();
  const memo = (text: string): T => {
    const known = answers.get(text);
    if (known !== undefined || answers.has(text)) return known as T;
    const answer = read(text);
    if (answers.size >= limit) answers.delete(answers.keys().next().value!);
    answers.set(text, answer);
    return answer;
  };
  memo.clear = () => answers.clear();
  return memo;
}
