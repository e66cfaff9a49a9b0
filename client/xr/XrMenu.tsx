/**
 * The classroom menu inside VR: a panel at hand height, reached with a
 * controller ray or a hand, so nobody takes the headset off to raise a hand,
 * react, send a phrase or (as teacher) lead the lesson.
 */
import type { ThreeEvent } from "@react-three/fiber";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { CanvasTexture, SRGBColorSpace } from "three";
import { PHRASEBOOK, REACTION_SYMBOLS, type Phrase, type Reaction } from "../../shared/phrasebook.ts";
import { Role, type Language } from "../../shared/protocol.ts";
import { useClassView } from "../app/useStores.ts";
import { FONT_STACK } from "../i18n/fonts.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import { worldPoseOf } from "../scene/poseConversion.ts";
import { vrButtons } from "../scene/sceneRegistry.ts";

const BUTTON_HEIGHT = 0.06;
const GAP = 0.012;
const MENU_REACTIONS: Reaction[] = ["thumbsUp", "clap", "thinking"];
const MENU_PHRASES: Phrase[] = ["question", "repeat", "slower", "notUnderstood", "done"];

export function XrMenu({ connection }: { connection: ClassroomConnection }) {
  const { t, i18n } = useTranslation();
  const language = (i18n.resolvedLanguage ?? "en") as Language;
  const role = useClassView(connection.view, (v) => v.role);
  const step = useClassView(connection.view, (v) => v.step);
  const steps = useClassView(connection.view, (v) => v.lesson?.steps.length ?? 0);
  const me = useClassView(connection.view, (v) => v.participants.find((p) => p.seat === connection.seat));
  const handUp = (me?.handRaisedAt ?? 0) > 0;

  const rows: { id: string; label: string; press: () => void; active?: boolean; width?: number }[][] = [
    [
      {
        id: "hand",
        label: `✋ ${handUp ? t("speak.lowerHand") : t("speak.raiseHand")}`,
        press: () => connection.raiseHand(!handUp),
        active: handUp,
        width: 0.36,
      },
    ],
    MENU_REACTIONS.map((reaction) => ({
      id: `react-${reaction}`,
      label: REACTION_SYMBOLS[reaction],
      press: () => connection.react(reaction),
      width: 0.11,
    })),
    ...MENU_PHRASES.map((phrase) => [
      {
        id: `phrase-${phrase}`,
        label: PHRASEBOOK[phrase][language],
        press: () => connection.sayPhrase(phrase),
        width: 0.36,
      },
    ]),
  ];
  if (role === Role.Teacher) {
    rows.push(
      [
        {
          id: "step-previous",
          label: `◀ ${t("lesson.previous")}`,
          press: () => connection.setStep(Math.max(0, step - 1)),
          width: 0.174,
        },
        {
          id: "step-next",
          label: `${t("lesson.next")} ▶`,
          press: () => connection.setStep(Math.min(steps - 1, step + 1)),
          width: 0.174,
        },
      ],
      [
        {
          id: "gather",
          label: `📍 ${t("teacher.gather")}`,
          press: () => {
            const head = connection.poses.latest(`head:${connection.seat}`);
            if (head) connection.gather([head.p[0], 0, head.p[2]]);
          },
          width: 0.36,
        },
      ],
      [
        {
          id: "pointer",
          label: me?.pointing ? t("teacher.pointerOff") : t("teacher.pointer"),
          press: () => connection.setPointer(!me?.pointing),
          active: me?.pointing ?? false,
          width: 0.36,
        },
      ],
    );
  }

  return (
    // Left of the body at hand height, turned a little towards the user.
    <group position={[-0.32, 1.25, -0.45]} rotation={[-0.35, 0.45, 0]} name="vr-menu">
      <mesh position={[0, -((rows.length - 1) * (BUTTON_HEIGHT + GAP)) / 2, -0.005]}>
        <planeGeometry args={[0.4, rows.length * (BUTTON_HEIGHT + GAP) + 0.02]} />
        <meshBasicMaterial color="#1d3557" transparent opacity={0.85} />
      </mesh>
      {rows.map((row, rowIndex) =>
        row.map((button, index) => {
          const rowWidth = row.reduce((sum, b) => sum + (b.width ?? 0.36), 0) + GAP * (row.length - 1);
          const before = row.slice(0, index).reduce((sum, b) => sum + (b.width ?? 0.36) + GAP, 0);
          const x = -rowWidth / 2 + before + (button.width ?? 0.36) / 2;
          return (
            <VrButton
              key={button.id}
              id={button.id}
              label={button.label}
              width={button.width ?? 0.36}
              active={button.active ?? false}
              position={[x, -rowIndex * (BUTTON_HEIGHT + GAP), 0]}
              onPress={button.press}
            />
          );
        }),
      )}
    </group>
  );
}

interface VrButtonProps {
  id: string;
  label: string;
  width: number;
  active: boolean;
  position: [number, number, number];
  onPress: () => void;
}

function VrButton({ id, label, width, active, position, onPress }: VrButtonProps) {
  const [hovered, setHovered] = useState(false);
  const texture = useMemo(() => drawButton(label, width, active, hovered), [label, width, active, hovered]);
  useEffect(() => () => texture.dispose(), [texture]);
  return (
    <mesh
      position={position}
      name={`vr-button-${id}`}
      ref={(mesh) => {
        if (mesh) vrButtons.set(id, () => worldPoseOf(mesh));
        else vrButtons.delete(id);
      }}
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
      onClick={(event: ThreeEvent<MouseEvent>) => {
        event.stopPropagation();
        onPress();
      }}
    >
      <planeGeometry args={[width, BUTTON_HEIGHT]} />
      <meshBasicMaterial map={texture} toneMapped={false} />
    </mesh>
  );
}

const PIXELS_PER_METRE = 1600;

function drawButton(label: string, width: number, active: boolean, hovered: boolean): CanvasTexture {
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * PIXELS_PER_METRE);
  canvas.height = Math.round(BUTTON_HEIGHT * PIXELS_PER_METRE);
  const context = canvas.getContext("2d")!;
  context.fillStyle = active ? "#2a6df4" : hovered ? "#e3ecf6" : "#ffffff";
  context.beginPath();
  context.roundRect(0, 0, canvas.width, canvas.height, 18);
  context.fill();
  context.fillStyle = active ? "#ffffff" : "#1d3557";
  context.font = `600 ${Math.round(canvas.height * 0.45)}px ${FONT_STACK}`;
  context.textAlign = "center";
  context.textBaseline = "middle";
  context.fillText(label, canvas.width / 2, canvas.height / 2, canvas.width - 20);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return texture;
}
