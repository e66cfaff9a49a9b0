/** Avatar colours by seat colour index: distinct, and readable on the light floor. */
export const AVATAR_PALETTE = ["#e63946", "#2a9d8f", "#f4a261", "#457b9d", "#8338ec", "#ff006e", "#3a86ff", "#6a994e"];

export function avatarColor(index: number): string {
  return AVATAR_PALETTE[index % AVATAR_PALETTE.length]!;
}
