import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { askFirstQuestions, FIRST_QUESTIONS, FRESH_FOR_MS, takeEarlyAnswer } from "../src/api/early";

const INDEX = readFileSync(new URL("../index.html", import.meta.url), "utf8");

describe("the first screen's questions", () => {
  it("are the ones index.html preloads, as fetches the app's own request matches", () => {
    const preloaded = [...INDEX.matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin="anonymous"/g)];
    expect(preloaded.map((match) => match[1])).toEqual(Object.values(FIRST_QUESTIONS));
  });

  it("are asked once each, and each answer is taken once", async () => {
    const urls: string[] = [];
    askFirstQuestions((url) => {
      urls.push(url);
      return Promise.resolve(new Response(url));
    });
    expect(urls).toEqual(Object.values(FIRST_QUESTIONS));
    expect(await (await takeEarlyAnswer(FIRST_QUESTIONS.me))?.text()).toBe(FIRST_QUESTIONS.me);
    expect(takeEarlyAnswer(FIRST_QUESTIONS.me)).toBeUndefined();
  });

  it("are not taken once stale: the app asks again", () => {
    askFirstQuestions(() => Promise.resolve(new Response("{}")), () => 1_000);
    expect(takeEarlyAnswer(FIRST_QUESTIONS.households, () => 1_000 + FRESH_FOR_MS + 1)).toBeUndefined();
    expect(takeEarlyAnswer(FIRST_QUESTIONS.me, () => 1_000 + FRESH_FOR_MS)).toBeDefined();
  });

  it("offline: a failed early question is the taker's to handle, never an unhandled rejection", async () => {
    askFirstQuestions(() => Promise.reject(new TypeError("offline")));
    await expect(takeEarlyAnswer(FIRST_QUESTIONS.me)).rejects.toThrow("offline");
    void takeEarlyAnswer(FIRST_QUESTIONS.households);
  });
});
