/**
 * A board across the table with the current step in this participant's own
 * language, so headset users read the lesson without leaving VR. Each
 * participant sees it on the far side of the table from where they are,
 * facing them (see boardPlacement).
 */
import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { CanvasTexture, type Group, SRGBColorSpace, Vector3 } from "three";
import { useLocalize } from "../app/useLocalize.ts";
import { useClassView } from "../app/useStores.ts";
import { FONT_STACK, fontsReadyFor } from "../i18n/fonts.ts";
import type { ClassViewStore } from "../net/classView.ts";
import { azimuthOf, boardAim, boardPlace, glide } from "./boardPlacement.ts";
import { prefersReducedMotion } from "./reducedMotion.ts";

const WIDTH = 1024;
const HEIGHT = 640;
const BOARD_METRES: [number, number] = [1.5, 0.9375];
const BOARD_HEIGHT_M = 1.75;
const viewer = new Vector3();

export function InstructionBoard({ view }: { view: ClassViewStore }) {
  const { t, i18n } = useTranslation();
  const localize = useLocalize();
  const lesson = useClassView(view, (v) => v.lesson);
  const stepIndex = useClassView(view, (v) => v.step);
  const task = useClassView(view, (v) => v.task);
  const step = lesson?.steps[stepIndex];
  const [fontsLoaded, setFontsLoaded] = useState(0);
  // In a headset the board is where a student reads whether the task is done; the first line is never cut off.
  const taskStatus =
    task.total === 0
      ? ""
      : ` · ${task.done ? `✓ ${t("lesson.taskDone")}` : t("lesson.taskProgress", { inPlace: task.inPlace, total: task.total })}`;

  const lines = useMemo(
    () =>
      step && lesson
        ? {
            header: `${localize(lesson.title).text} · ${t("lesson.stepOf", { current: stepIndex + 1, total: lesson.steps.length })}${taskStatus}`,
            title: localize(step.title).text,
            body: localize(step.instructions).text,
            task: step.task ? `${t("lesson.task")}: ${localize(step.task).text}` : "",
          }
        : undefined,
    [step, lesson, stepIndex, localize, t, taskStatus],
  );

  useEffect(() => {
    if (!lines) return;
    let current = true;
    void fontsReadyFor(`32px ${FONT_STACK}`, Object.values(lines).join(" ")).then(
      () => current && setFontsLoaded((n) => n + 1),
    );
    return () => {
      current = false;
    };
  }, [lines]);

  const texture = useMemo(
    () => (lines ? drawBoard(lines, i18n.dir() === "rtl", fontsLoaded) : undefined),
    [lines, i18n, fontsLoaded],
  );
  useEffect(() => () => texture?.dispose(), [texture]);
  const board = useFollowingPlace();
  if (!texture) return null;

  return (
    <group ref={board} position={[0, BOARD_HEIGHT_M, -1.45]} name="instruction-board">
      <mesh>
        <planeGeometry args={BOARD_METRES} />
        <meshBasicMaterial map={texture} toneMapped={false} />
      </mesh>
      <mesh position={[0, 0, -0.01]}>
        <boxGeometry args={[BOARD_METRES[0] + 0.06, BOARD_METRES[1] + 0.06, 0.015]} />
        <meshStandardMaterial color="#5c4033" />
      </mesh>
    </group>
  );
}

/** Keeps the board across the table from this viewer, gliding round when they have moved. */
function useFollowingPlace() {
  const board = useRef<Group>(null);
  const turn = useRef<{ angle: number; aim: number } | undefined>(undefined);
  const reducedMotion = useMemo(() => prefersReducedMotion(), []);
  useFrame(({ camera }, seconds) => {
    if (!board.current) return;
    camera.getWorldPosition(viewer);
    const azimuth = azimuthOf(viewer.x, viewer.z);
    // Where the viewer first looks from, the board simply is.
    const state = (turn.current ??= { angle: azimuth, aim: azimuth });
    state.aim = boardAim(state.aim, azimuth);
    state.angle = glide(state.angle, state.aim, Math.min(seconds, 0.1), reducedMotion);
    const place = boardPlace(state.angle);
    board.current.position.set(place.x, BOARD_HEIGHT_M, place.z);
    board.current.rotation.set(0, place.yaw, 0);
  });
  return board;
}

interface BoardLines {
  header: string;
  title: string;
  body: string;
  task: string;
}

function drawBoard(lines: BoardLines, rightToLeft: boolean, _fontsLoaded: number): CanvasTexture {
  const canvas = document.createElement("canvas");
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const context = canvas.getContext("2d")!;
  context.fillStyle = "#1f3b2d";
  context.fillRect(0, 0, WIDTH, HEIGHT);
  context.direction = rightToLeft ? "rtl" : "ltr";
  context.textAlign = rightToLeft ? "right" : "left";
  context.textBaseline = "top";
  const margin = 48;
  const x = rightToLeft ? WIDTH - margin : margin;
  let y = 36;
  const write = (text: string, size: number, color: string, weight = 400, gap = 1.3) => {
    context.font = `${weight} ${size}px ${FONT_STACK}`;
    context.fillStyle = color;
    for (const line of wrap(context, text, WIDTH - margin * 2)) {
      if (y + size > HEIGHT - 24) return;
      context.fillText(line, x, y);
      y += size * gap;
    }
  };
  write(lines.header, 26, "#b7d3c1");
  y += 8;
  write(lines.title, 46, "#ffffff", 700, 1.2);
  y += 14;
  write(lines.body, 31, "#f1f5ef");
  if (lines.task) {
    y += 14;
    write(lines.task, 31, "#ffe08a", 600);
  }
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  texture.anisotropy = 4;
  return texture;
}

/** Breaks text into lines that fit; scripts without spaces (Chinese) break between characters. */
export function wrap(context: Pick<CanvasRenderingContext2D, "measureText">, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  const tokens = text.match(/[\u3000-\u9fff\uff00-\uffef]|[^\s\u3000-\u9fff\uff00-\uffef]+|\s+/g) ?? [];
  for (const token of tokens) {
    const candidate = line + token;
    if (context.measureText(candidate).width <= width || line.trim() === "") {
      line = candidate;
      continue;
    }
    lines.push(line.trimEnd());
    line = token.trimStart();
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
