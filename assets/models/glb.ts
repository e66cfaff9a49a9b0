/**
 * A small binary glTF 2.0 (.glb) writer for meshes built from three.js
 * geometry in Node, so the lesson models are made from code, reproducibly.
 * Each part is one mesh with one coloured PBR material; no textures.
 */
import type { BufferGeometry } from "three";

export interface ModelPart {
  name: string;
  geometry: BufferGeometry;
  /** Linear-space RGB, 0..1. */
  color: [number, number, number];
  roughness?: number;
  metalness?: number;
  translation?: [number, number, number];
  rotation?: [number, number, number, number];
}

const FLOAT = 5126;
const UNSIGNED_INT = 5125;
const ARRAY_BUFFER = 34962;
const ELEMENT_ARRAY_BUFFER = 34963;

export function writeGlb(parts: ModelPart[], generator: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let byteLength = 0;
  const bufferViews: object[] = [];
  const accessors: object[] = [];
  const append = (data: Float32Array | Uint32Array, target: number) => {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    bufferViews.push({ buffer: 0, byteOffset: byteLength, byteLength: bytes.length, target });
    chunks.push(bytes);
    byteLength += bytes.length;
    const padding = (4 - (byteLength % 4)) % 4;
    if (padding) {
      chunks.push(new Uint8Array(padding));
      byteLength += padding;
    }
    return bufferViews.length - 1;
  };

  const meshes = parts.map((part, index) => {
    const geometry = part.geometry.index ? part.geometry : part.geometry.toNonIndexed();
    if (!geometry.getAttribute("normal")) geometry.computeVertexNormals();
    geometry.computeBoundingBox();
    const position = geometry.getAttribute("position");
    const normal = geometry.getAttribute("normal");
    const box = geometry.boundingBox!;
    const positionView = append(new Float32Array(position.array), ARRAY_BUFFER);
    accessors.push({
      bufferView: positionView,
      componentType: FLOAT,
      count: position.count,
      type: "VEC3",
      min: box.min.toArray(),
      max: box.max.toArray(),
    });
    const normalView = append(new Float32Array(normal.array), ARRAY_BUFFER);
    accessors.push({ bufferView: normalView, componentType: FLOAT, count: normal.count, type: "VEC3" });
    const indices = geometry.index
      ? new Uint32Array(geometry.index.array)
      : Uint32Array.from({ length: position.count }, (_, i) => i);
    const indexView = append(indices, ELEMENT_ARRAY_BUFFER);
    accessors.push({ bufferView: indexView, componentType: UNSIGNED_INT, count: indices.length, type: "SCALAR" });
    const first = accessors.length - 3;
    return {
      name: part.name,
      primitives: [{ attributes: { POSITION: first, NORMAL: first + 1 }, indices: first + 2, material: index }],
    };
  });

  const json = {
    asset: { version: "2.0", generator },
    scene: 0,
    scenes: [{ nodes: parts.map((_, index) => index) }],
    nodes: parts.map((part, index) => ({
      name: part.name,
      mesh: index,
      ...(part.translation ? { translation: part.translation } : {}),
      ...(part.rotation ? { rotation: part.rotation } : {}),
    })),
    meshes,
    materials: parts.map((part) => ({
      name: part.name,
      pbrMetallicRoughness: {
        baseColorFactor: [...part.color, 1],
        roughnessFactor: part.roughness ?? 0.6,
        metallicFactor: part.metalness ?? 0,
      },
    })),
    accessors,
    bufferViews,
    buffers: [{ byteLength }],
  };

  const jsonBytes = padTo4(new TextEncoder().encode(JSON.stringify(json)), 0x20);
  const binary = new Uint8Array(byteLength);
  let offset = 0;
  for (const chunk of chunks) {
    binary.set(chunk, offset);
    offset += chunk.length;
  }
  const total = 12 + 8 + jsonBytes.length + 8 + binary.length;
  const glb = new Uint8Array(total);
  const view = new DataView(glb.buffer);
  view.setUint32(0, 0x46546c67, true); // "glTF"
  view.setUint32(4, 2, true);
  view.setUint32(8, total, true);
  view.setUint32(12, jsonBytes.length, true);
  view.setUint32(16, 0x4e4f534a, true); // "JSON"
  glb.set(jsonBytes, 20);
  const binaryHeader = 20 + jsonBytes.length;
  view.setUint32(binaryHeader, binary.length, true);
  view.setUint32(binaryHeader + 4, 0x004e4942, true); // "BIN\0"
  glb.set(binary, binaryHeader + 8);
  return glb;
}

function padTo4(bytes: Uint8Array, fill: number): Uint8Array {
  const padding = (4 - (bytes.length % 4)) % 4;
  if (!padding) return bytes;
  const padded = new Uint8Array(bytes.length + padding).fill(fill);
  padded.set(bytes);
  return padded;
}
