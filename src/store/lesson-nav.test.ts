// ?lesson=27&chapter=N&step=K: read leniently, every bad part a Redis-style message.
import { describe, expect, it } from 'vitest';
import { parseLessonStarts, parseLessonUrl } from './lesson-nav.ts';

describe('lesson URL', () => {
  it('no lesson parameter: the lesson is not asked for', () => {
    expect(parseLessonUrl('?scenario=a_initial_attach')).toEqual({
      asked: false,
      chapter: 0,
      step: 0,
      problem: null,
    });
  });
  it('chapter and step are 1-based in the URL, 0-based inside', () => {
    expect(parseLessonUrl('?lesson=27')).toEqual({ asked: true, chapter: 0, step: 0, problem: null });
    expect(parseLessonUrl('?lesson=27&chapter=3&step=7')).toEqual({
      asked: true,
      chapter: 2,
      step: 6,
      problem: null,
    });
  });
  it('an unknown lesson or a bad chapter/step: a message, and the lesson start', () => {
    expect(parseLessonUrl('?lesson=28').problem).toBe("ERR unknown lesson '28': this lab teaches lesson 27");
    expect(parseLessonUrl('?lesson=27&chapter=x')).toMatchObject({
      chapter: 0,
      step: 0,
      problem: "ERR invalid chapter 'x'",
    });
    expect(parseLessonUrl('?lesson=27&chapter=2&step=0')).toMatchObject({
      chapter: 1,
      step: 0,
      problem: "ERR invalid step '0'",
    });
  });
  it("a shared position's step start times: ascending whole µs, else none (the chapter is walked)", () => {
    expect(parseLessonStarts('#run=abc&starts=120000.340000.340000')).toEqual([120000, 340000, 340000]);
    expect(parseLessonStarts('#starts=5&run=x')).toEqual([5]);
    expect(parseLessonStarts('#run=abc')).toBeNull();
    expect(parseLessonStarts('#run=abc&starts=300.200')).toBeNull();
    expect(parseLessonStarts('#run=abc&starts=1.x')).toBeNull();
    expect(parseLessonStarts('#run=abc&starts=99999999999999999999')).toBeNull();
  });
});
