import { beforeEach, describe, expect, it } from "vitest";
import { arPlacement, lookAt, placeAgain, resize, setDown, startPlacing, stopPlacing, turn } from "./arPlacement.ts";
import { MAX_SCALE, TABLETOP_SCALE } from "./placement.ts";

describe("placing the lesson in AR", () => {
  beforeEach(() => stopPlacing());

  it("follows the surface looked at, facing the student, and is set down by a tap", () => {
    startPlacing(0);
    expect(setDown(1000)).toBe(false); // nothing found yet
    lookAt([0.5, 0.75, -1], [0.5, 1.6, 0]);
    expect(arPlacement.getState().placement).toEqual({ position: [0.5, 0.75, -1], yaw: 0, scale: TABLETOP_SCALE });
    expect(setDown(1000)).toBe(true);
    expect(arPlacement.getState().status).toBe("placed");
    // Once set down, looking elsewhere moves nothing.
    lookAt([2, 0, 2], [0, 1.6, 0]);
    expect(arPlacement.getState().placement!.position).toEqual([0.5, 0.75, -1]);
  });

  it("turns and scales within bounds, and can be placed again — but not by the press that asked for it", () => {
    startPlacing(0);
    lookAt([0, 0.75, -1], [0, 1.6, 0]);
    setDown(1000);
    turn(1);
    expect(arPlacement.getState().placement!.yaw).toBeCloseTo(-Math.PI / 12, 9);
    resize(1);
    expect(arPlacement.getState().placement!.scale).toBeCloseTo(TABLETOP_SCALE * 1.25, 9);
    for (let i = 0; i < 20; i++) resize(1);
    expect(arPlacement.getState().placement!.scale).toBe(MAX_SCALE);
    placeAgain(5000);
    expect(arPlacement.getState().status).toBe("placing");
    expect(setDown(5100)).toBe(false);
    lookAt([1, 0, -1], [0, 1.6, 0]);
    // The scale chosen stays when the lesson moves.
    expect(arPlacement.getState().placement!.scale).toBe(MAX_SCALE);
    expect(setDown(5600)).toBe(true);
    expect(arPlacement.getState().placement!.position).toEqual([1, 0, -1]);
  });
});
