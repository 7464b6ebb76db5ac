/**
 * Many rules ask the same question of each entity, one rule after another, before the engine
 * moves to the next entity: answer it once and remember only the last answer, so that nothing is
 * held across entities (a file of 100,000 tasks must not keep 100,000 answers alive). Answers are
 * shared between rules, so they are returned as read-only values.
 */
export function rememberLast<Key, Answer>(compute: (key: Key) => Answer): (key: Key) => Answer {
  let lastKey: Key | undefined;
  let lastAnswer: Answer | undefined;
  let remembered = false;
  return (key) => {
    // Primitives (a broken body that is a string or a number) are cheap to answer again.
    if (key === null || typeof key !== 'object') return compute(key);
    if (!remembered || key !== lastKey) {
      lastAnswer = compute(key);
      lastKey = key;
      remembered = true;
    }
    return lastAnswer as Answer;
  };
}

/**
 * For questions about strings that recur across entities (the same container URL or duration in
 * thousands of tasks): remember up to `capacity` answers, then start again, so memory stays bounded.
 */
export function rememberRecent<Answer>(compute: (key: string) => Answer, capacity = 1024): (key: string) => Answer {
  const answers = new Map<string, Answer>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined && !answers.has(key)) {
      if (answers.size >= capacity) answers.clear();
      answer = compute(key);
      answers.set(key, answer);
    }
    return answer as Answer;
  };
}
