/** A link as a QR code a phone or headset camera can open. */
import { useMemo } from "react";
import { qrPicture } from "./qrCode.ts";

export function QrCode({ text, label, size = 168 }: { text: string; label: string; size?: number }) {
  const picture = useMemo(() => qrPicture(text), [text]);
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${picture.size} ${picture.size}`}
      shapeRendering="crispEdges"
    >
      <rect width={picture.size} height={picture.size} fill="#ffffff" />
      <path d={picture.path} fill="#000000" />
    </svg>
  );
}
