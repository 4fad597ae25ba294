/** The first screen's two questions, asked as the page loads rather than one after the other
 * once the app has started: `index.html` preloads them (the browser asks while the app's script
 * is still on its way) and `main.tsx` asks them before anything else, which takes the preloaded
 * answers. On a slow line every round trip saved is seconds (Slow 3G: 2 s each). An answer is
 * taken once, and only while it is fresh; after that the app asks again as usual. */

export const FIRST_QUESTIONS = {
  me: "/api/v1/me",
  households: "/api/v1/households?limit=200",
} as const;

export const FRESH_FOR_MS = 30_000;

interface Asked {
  answer: Promise<Response>;
  at: number;
}

const asked = new Map<string, Asked>();

/** Asks each first question now (as a same-origin fetch with no extra header: exactly the
 * request the preload made, so the browser hands its answer over instead of asking twice). */
export function askFirstQuestions(
  ask: (url: string) => Promise<Response> = (url) => fetch(url, { credentials: "same-origin" }),
  now: () => number = Date.now,
): void {
  for (const url of Object.values(FIRST_QUESTIONS)) {
    const answer = ask(url);
    answer.catch(() => undefined); // offline: whoever takes it handles the failure
    asked.set(url, { answer, at: now() });
  }
}

/** The early answer to `url`, once; undefined when none was asked or it is no longer fresh. */
export function takeEarlyAnswer(url: string, now: () => number = Date.now): Promise<Response> | undefined {
  const early = asked.get(url);
  asked.delete(url);
  return early && now() - early.at <= FRESH_FOR_MS ? early.answer : undefined;
}
