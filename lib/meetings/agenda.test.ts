import { describe, expect, it } from "vitest";
import { buildAgenda, MAX_AGENDA_ITEMS, moveInOrder, type AgendaCandidate } from "@/lib/meetings/agenda";

const day = (n: number) => new Date(Date.UTC(2025, 4, n, 10));
const lead = (id: number, severity: number, source: string | null, capturedDay = 5): AgendaCandidate => ({
  id,
  severity,
  source,
  capturedAt: day(capturedDay),
});

const board = [
  lead(1, 40, "webinar"),
  lead(2, 90, "paid_search"),
  lead(3, 70, "webinar"),
  lead(4, 70, "webinar", 6),
  lead(5, 20, null),
  lead(6, 85, "paid_search"),
  lead(7, 60, "event"),
];

describe("buildAgenda", () => {
  it("takes the most severe leads, ties broken by the newest capture", () => {
    expect(buildAgenda(board, "most_severe", 4)).toEqual([2, 6, 4, 3]);
    expect(buildAgenda(board, "most_severe", 100)).toHaveLength(board.length);
  });

  it("samples the most severe per source, sources in the order of their worst lead", () => {
    expect(buildAgenda(board, "per_source", 2)).toEqual([2, 6, 4, 3, 7, 5]);
    expect(buildAgenda(board, "per_source", 1)).toEqual([2, 4, 7, 5]);
  });

  it("never exceeds the agenda limit and handles an empty board", () => {
    const many = Array.from({ length: 200 }, (_, index) => lead(index + 1, index % 100, `s${index % 3}`));
    expect(buildAgenda(many, "most_severe", 500)).toHaveLength(MAX_AGENDA_ITEMS);
    expect(buildAgenda(many, "per_source", 500)).toHaveLength(MAX_AGENDA_ITEMS);
    expect(buildAgenda([], "per_source", 3)).toEqual([]);
  });
});

describe("moveInOrder", () => {
  it("swaps with the neighbour and stays put at the ends", () => {
    expect(moveInOrder([1, 2, 3], 2, "up")).toEqual([2, 1, 3]);
    expect(moveInOrder([1, 2, 3], 2, "down")).toEqual([1, 3, 2]);
    expect(moveInOrder([1, 2, 3], 1, "up")).toEqual([1, 2, 3]);
    expect(moveInOrder([1, 2, 3], 3, "down")).toEqual([1, 2, 3]);
    expect(moveInOrder([1, 2, 3], 9, "down")).toEqual([1, 2, 3]);
  });
});
