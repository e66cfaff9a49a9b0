/**
 * How finely a screen draws the scene. A computer without a working
 * graphics driver draws WebGL on its processor (SwiftShader, llvmpipe): at a
 * full 1280×800 that is two or three frames a second, and every extra pixel
 * costs the class's responsiveness. There the scene is drawn at half the
 * pixels across and sharpened by the browser's scaling: still readable,
 * several times lighter. With a graphics processor the usual range applies.
 */
export const GPU_PIXEL_RATIO: [number, number] = [1, 2];
export const SOFTWARE_PIXEL_RATIO = 0.5;

/** Whether the WebGL context is drawn in software, from the name the browser gives its renderer. */
export function isSoftwareRenderer(rendererName: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software rasterizer|microsoft basic render/i.test(rendererName);
}

/** The renderer's name, unmasked where the browser allows it. */
export function rendererName(gl: WebGLRenderingContext | WebGL2RenderingContext): string {
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? "");
}
