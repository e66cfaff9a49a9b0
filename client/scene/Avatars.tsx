/**
 * Everyone else in the class: their bodies (head with a visor showing where
 * they look, torso, hands for headset users; see avatar/AvatarBodies) and
 * their marks (name tag, raised hand, reaction, speaking). Drawn from the
 * interpolation buffers, so motion is smooth at 10–20 updates/s.
 */
import { useFrame } from "@react-three/fiber";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Group } from "three";
import { REACTION_SYMBOLS } from "../../shared/phrasebook.ts";
import { ClassEventKind } from "../../shared/protocolNames.ts";
import { useClassView } from "../app/useStores.ts";
import type { ParticipantView } from "../net/classView.ts";
import type { ClassroomConnection } from "../net/connection.ts";
import { voiceSession } from "../voice/voiceSession.ts";
import { AvatarBodies } from "./avatar/AvatarBodies.tsx";
import { LABEL_PRIORITY } from "./labelPlacement.ts";
import { NameTag } from "./NameTag.tsx";
import { avatarColor } from "./palette.ts";

export function Avatars({ connection }: { connection: ClassroomConnection }) {
  const participants = useClassView(connection.view, (v) => v.participants);
  const others = useMemo(() => participants.filter((p) => p.seat !== connection.seat), [participants, connection]);
  const anchors = useMemo(() => new Map<string, Group>(), []);
  return (
    <>
      <AvatarBodies others={others} poses={connection.poses} anchors={anchors} />
      {others.map((p) => (
        <AvatarMarks key={p.seat} participant={p} connection={connection} anchors={anchors} />
      ))}
    </>
  );
}

/** A person's name tag and marks, which the bodies' frame loop keeps at their head. */
function AvatarMarks({
  participant,
  connection,
  anchors,
}: {
  participant: ParticipantView;
  connection: ClassroomConnection;
  anchors: Map<string, Group>;
}) {
  const anchor = useRef<Group>(null);
  const { seat } = participant;
  useEffect(() => {
    const group = anchor.current;
    if (!group) return;
    anchors.set(seat, group);
    return () => void (anchors.get(seat) === group && anchors.delete(seat));
  }, [anchors, seat]);
  const color = avatarColor(participant.color);
  const opacity = participant.connected ? 1 : 0.35;
  return (
    <group ref={anchor} name={`avatar-${participant.nickname}`} visible={false}>
      <NameTag
        text={participant.nickname}
        color={color}
        position={[0, 0.2, 0]}
        height={0.07}
        opacity={opacity}
        declutter={LABEL_PRIORITY.person}
      />
      {participant.handRaisedAt > 0 && <NameTag text="✋" color={color} position={[0, 0.3, 0]} height={0.09} />}
      <ReactionBubble seat={seat} connection={connection} />
      {participant.micOn && <SpeakingMark seat={seat} color={color} />}
    </group>
  );
}

const REACTION_SHOWN_MS = 3000;

/** The participant's latest reaction, floating above their head for a few seconds. */
function ReactionBubble({ seat, connection }: { seat: string; connection: ClassroomConnection }) {
  const latest = useClassView(connection.view, (v) =>
    v.events.findLast((e) => e.seat === seat && e.kind === ClassEventKind.Reaction),
  );
  const [hiddenAt, setHiddenAt] = useState<number | undefined>();
  useEffect(() => {
    if (!latest) return;
    const timer = setTimeout(() => setHiddenAt(latest.at), REACTION_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [latest]);
  if (!latest || latest.kind !== ClassEventKind.Reaction || hiddenAt === latest.at) return null;
  return <NameTag text={REACTION_SYMBOLS[latest.reaction]} color="#1d3557" position={[0.16, 0.28, 0]} height={0.1} />;
}

/**
 * A speaker mark above the head while this participant's voice carries
 * speech; through a media server (one mix, no voice of its own) while their
 * microphone is on.
 */
function SpeakingMark({ seat, color }: { seat: string; color: string }) {
  const [speaking, setSpeaking] = useState(false);
  const lastHeard = useRef(0);
  useFrame(() => {
    const now = performance.now();
    const audio = voiceSession.getState().audio;
    if (audio && (!audio.carries(seat) || audio.speaking(seat))) lastHeard.current = now;
    // Held a moment past the last sound, so the mark does not flicker between words.
    const shown = now - lastHeard.current < 400;
    if (shown !== speaking) setSpeaking(shown);
  });
  return speaking ? <NameTag text="🔊" color={color} position={[-0.16, 0.28, 0]} height={0.1} /> : null;
}
