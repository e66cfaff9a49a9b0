/**
 * Checks that uploaded bytes are a self-contained binary glTF 2.0 file of
 * reasonable size before the class may use it: right header and chunk
 * layout, parseable JSON, no references to outside files or URLs (which
 * would make every student's browser fetch from elsewhere), bounded counts.
 */
import { z } from "zod";

export const GLB_MAX_BYTES = 8 * 1024 * 1024;
const MAX_ITEMS = 2000;

export type GlbCheck = { ok: true } | { ok: false; problem: string };

/** A bounded list of glTF items: objects, whatever else they hold. */
const items = (what: string) =>
  z.array(z.looseObject({}), `${what} must be a list`).max(MAX_ITEMS, `${what}: more than ${MAX_ITEMS} entries`);
const withUri = z.looseObject({ uri: z.unknown().optional() });

/** The parts of the glTF JSON the check reads; an upload is hostile until it fits. */
const GltfJson = z.looseObject({
  asset: z.looseObject({ version: z.literal("2.0", "asset.version must be 2.0") }),
  buffers: z.array(withUri).max(MAX_ITEMS).optional(),
  images: z.array(withUri).max(MAX_ITEMS).optional(),
  nodes: items("nodes").optional(),
  meshes: items("meshes").optional(),
  accessors: items("accessors").optional(),
  bufferViews: items("bufferViews").optional(),
  materials: items("materials").optional(),
  textures: items("textures").optional(),
  animations: items("animations").optional(),
  extensionsRequired: z.array(z.unknown()).optional(),
});

export function checkGlb(bytes: Uint8Array): GlbCheck {
  const fail = (problem: string): GlbCheck => ({ ok: false, problem });
  if (bytes.length > GLB_MAX_BYTES) return fail(`larger than ${GLB_MAX_BYTES / 1024 / 1024} MiB`);
  if (bytes.length < 20) return fail("too short to be a .glb file");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== 0x46546c67) return fail('not a binary glTF file (no "glTF" header)');
  if (view.getUint32(4, true) !== 2) return fail("only glTF version 2 is supported");
  if (view.getUint32(8, true) !== bytes.length) return fail("the length in the header does not match the file");
  const jsonLength = view.getUint32(12, true);
  if (view.getUint32(16, true) !== 0x4e4f534a || 20 + jsonLength > bytes.length)
    return fail("the JSON chunk is missing or cut short");

  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(20, 20 + jsonLength)));
  } catch {
    return fail("the JSON chunk is not valid JSON");
  }
  const checked = GltfJson.safeParse(parsed);
  if (!checked.success) return fail(z.prettifyError(checked.error).slice(0, 300));
  const json = checked.data;
  const external = [...(json.buffers ?? []), ...(json.images ?? [])].find((item) => item.uri !== undefined);
  if (external) return fail("the model refers to outside files or URLs; embed everything in the .glb");
  if ((json.extensionsRequired ?? []).length > 0)
    return fail("the model requires glTF extensions the class does not support");
  return { ok: true };
}
