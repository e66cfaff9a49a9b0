/**
 * Checks that uploaded bytes are a self-contained binary glTF 2.0 file of
 * reasonable size before the class may use it: right header and chunk
 * layout, parseable JSON, no references to outside files or URLs (which
 * would make every student's browser fetch from elsewhere), bounded counts.
 */
export const GLB_MAX_BYTES = 8 * 1024 * 1024;
const MAX_ITEMS = 2000;

export type GlbCheck = { ok: true } | { ok: false; problem: string };

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

  let json: {
    asset?: { version?: string };
    buffers?: { uri?: string }[];
    images?: { uri?: string }[];
    [key: string]: unknown;
  };
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(20, 20 + jsonLength)));
  } catch {
    return fail("the JSON chunk is not valid JSON");
  }
  if (json.asset?.version !== "2.0") return fail("asset.version must be 2.0");
  const external = [...(json.buffers ?? []), ...(json.images ?? [])].find((item) => typeof item.uri === "string");
  if (external) return fail("the model refers to outside files or URLs; embed everything in the .glb");
  for (const key of ["nodes", "meshes", "accessors", "bufferViews", "materials", "textures", "images", "animations"]) {
    const list = json[key];
    if (list !== undefined && (!Array.isArray(list) || list.length > MAX_ITEMS))
      return fail(`${key}: more than ${MAX_ITEMS} entries`);
  }
  if ((json.extensionsRequired as unknown[] | undefined)?.length)
    return fail("the model requires glTF extensions the class does not support");
  return { ok: true };
}
