/**
 * A lesson's glTF model, loaded from our own server (with the loading bar
 * following it) and scaled to the object's size like the built-in shapes.
 */
import { useLoader } from "@react-three/fiber";
import { useMemo } from "react";
import { GLTFLoader } from "three/examples/jsm/loaders/GLTFLoader.js";

export function LessonModel({ url, size, dimmed }: { url: string; size: [number, number, number]; dimmed: boolean }) {
  const gltf = useLoader(GLTFLoader, url);
  // Each object gets its own copy; materials too, so dimming one leaves the others.
  const scene = useMemo(() => {
    const copy = gltf.scene.clone(true);
    copy.traverse((node) => {
      const mesh = node as typeof node & { material?: { clone(): unknown; transparent: boolean; opacity: number } };
      if (!mesh.material) return;
      mesh.material = mesh.material.clone() as typeof mesh.material;
      mesh.castShadow = true;
    });
    return copy;
  }, [gltf]);
  scene.traverse((node) => {
    const material = (node as { material?: { transparent: boolean; opacity: number } }).material;
    if (material) {
      material.transparent = dimmed;
      material.opacity = dimmed ? 0.8 : 1;
    }
  });
  return <primitive object={scene} scale={size} />;
}
