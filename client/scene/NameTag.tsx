/**
 * A floating name tag drawn with the browser's own text engine on a canvas,
 * so every script (Arabic, Devanagari, Chinese…) is shaped correctly without
 * downloading a font.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { CanvasTexture, SRGBColorSpace, type Sprite } from "three";
import { FONT_STACK, fontsReadyFor } from "../i18n/fonts.ts";
import { labelRegistry } from "./labelRegistry.ts";

interface NameTagProps {
  text: string;
  color?: string;
  /** Height of the tag in metres. */
  height?: number;
  position?: [number, number, number];
  opacity?: number;
  /**
   * Takes part in decluttering with this priority (higher keeps its place):
   * names of objects and people. Marks that belong to an avatar (a raised
   * hand, a reaction) stay where they are.
   */
  declutter?: number;
}

const PIXELS_HIGH = 64;
const tagFont = `600 ${PIXELS_HIGH * 0.55}px ${FONT_STACK}`;

export function NameTag({
  text,
  color = "#1d3557",
  height = 0.07,
  position = [0, 0, 0],
  opacity = 1,
  declutter,
}: NameTagProps) {
  const sprite = useRef<Sprite>(null);
  const baseY = position[1];
  useEffect(() => {
    if (declutter === undefined || !sprite.current) return;
    const entry = { sprite: sprite.current, baseY, priority: declutter, text };
    labelRegistry.add(entry);
    return () => void labelRegistry.delete(entry);
  }, [declutter, baseY, text]);
  // Drawn again once the script's web font has arrived.
  const [fontsLoaded, setFontsLoaded] = useState(0);
  useEffect(() => {
    let current = true;
    void fontsReadyFor(tagFont, text).then(() => current && setFontsLoaded((n) => n + 1));
    return () => {
      current = false;
    };
  }, [text]);
  const { texture, aspect } = useMemo(() => drawTag(text, color, fontsLoaded), [text, color, fontsLoaded]);
  useEffect(() => () => texture.dispose(), [texture]);
  return (
    // Labels never take a pointer: a tag in front of an object must not stop anyone grabbing it.
    <sprite
      ref={sprite}
      position={position}
      scale={[height * aspect, height, 1]}
      renderOrder={10}
      raycast={ignoreRaycast}
    >
      <spriteMaterial map={texture} transparent opacity={opacity} depthWrite={false} />
    </sprite>
  );
}

/** `_fontsLoaded` only marks which font load this drawing follows. */
function drawTag(text: string, color: string, _fontsLoaded: number): { texture: CanvasTexture; aspect: number } {
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d")!;
  const font = tagFont;
  context.font = font;
  const padding = PIXELS_HIGH * 0.35;
  const width = Math.ceil(context.measureText(text).width + padding * 2);
  canvas.width = width;
  canvas.height = PIXELS_HIGH;
  context.font = font;
  context.fillStyle = "rgba(255,255,255,0.92)";
  context.beginPath();
  context.roundRect(0, 0, width, PIXELS_HIGH, PIXELS_HIGH / 2);
  context.fill();
  context.fillStyle = color;
  context.textAlign = "center";
  context.textBaseline = "middle";
  context.direction = "inherit";
  context.fillText(text, width / 2, PIXELS_HIGH / 2 + 1);
  const texture = new CanvasTexture(canvas);
  texture.colorSpace = SRGBColorSpace;
  return { texture, aspect: width / PIXELS_HIGH };
}

function ignoreRaycast(): void {}
